/**
 * The emulator's tokens, signed and checked with `jose` (the standard JOSE library): RS256 JWTs in the shape Entra ID
 * issues, and the checks ARM and Graph make of them, each failure named as they name it.
 */
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

export type Claims = Record<string, unknown> & { exp?: number; nbf?: number; aud?: string; iss?: string };

/** The emulator's token signing key: RS256, published at the JWKS endpoint. New on every start. */
export class SigningKey {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    const der = publicKey.export({ type: 'spki', format: 'der' });
    this.kid = createHash('sha256').update(der).digest('base64url').slice(0, 27);
  }

  jwk(): Record<string, unknown> {
    const j = this.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    return { kty: 'RSA', use: 'sig', alg: 'RS256', kid: this.kid, n: j.n, e: j.e };
  }

  /** The claims as given (Entra sets iat, nbf and exp itself), under a header naming this key. */
  sign(claims: Claims): Promise<string> {
    return new SignJWT(claims as JWTPayload).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: this.kid }).sign(this.privateKey);
  }
}

export type VerifyResult =
  { ok: true; claims: Claims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'audience' | 'issuer'; claims?: Claims };

export interface VerifyOptions {
  audiences: readonly string[];
  issuer: string;
  nowSeconds: number;
  /** ARM tolerates five minutes of clock skew. */
  skewSeconds?: number;
}

/** The claims of an unverified token, for error messages only (ARM quotes the audience or expiry it refused). */
function peek(token: string): Claims | undefined {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Claims;
  } catch {
    return undefined;
  }
}

/**
 * Checks signature (RS256 only), expiry and not-before (with the skew), then audience and issuer, in that order, and
 * says which failed.
 */
export async function verifyJwt(token: string, key: KeyObject | { publicKey: KeyObject }, opts: VerifyOptions): Promise<VerifyResult> {
  const publicKey = 'publicKey' in key ? key.publicKey : key;
  let claims: Claims;
  try {
    const r = await jwtVerify(token, publicKey, {
      algorithms: ['RS256'],
      currentDate: new Date(opts.nowSeconds * 1000),
      clockTolerance: opts.skewSeconds ?? 300,
      requiredClaims: ['exp'],
    });
    claims = r.payload as Claims;
  } catch (e) {
    const claims = peek(token);
    if (e instanceof errors.JWTExpired) return { ok: false, reason: 'expired', claims };
    if (e instanceof errors.JWTClaimValidationFailed) return { ok: false, reason: e.claim === 'nbf' ? 'not-yet-valid' : 'expired', claims };
    if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported)
      return { ok: false, reason: 'signature', claims };
    return { ok: false, reason: claims ? 'signature' : 'malformed', claims };
  }
  if (typeof claims.aud !== 'string' || !opts.audiences.includes(claims.aud)) return { ok: false, reason: 'audience', claims };
  if (claims.iss !== opts.issuer) return { ok: false, reason: 'issuer', claims };
  return { ok: true, claims };
}
