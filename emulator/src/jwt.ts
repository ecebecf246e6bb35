import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export type Claims = Record<string, unknown> & { exp?: number; nbf?: number; aud?: string; iss?: string };

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

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

  sign(claims: Claims): string {
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: this.kid }));
    const payload = b64url(JSON.stringify(claims));
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), this.privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
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

export function verifyJwt(token: string, key: KeyObject | { publicKey: KeyObject }, opts: VerifyOptions): VerifyResult {
  const publicKey = 'publicKey' in key ? key.publicKey : createPublicKey(key);
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: Claims;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (header.alg !== 'RS256') return { ok: false, reason: 'signature', claims };
  const good = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'));
  if (!good) return { ok: false, reason: 'signature', claims };
  const skew = opts.skewSeconds ?? 300;
  if (typeof claims.exp !== 'number' || claims.exp + skew < opts.nowSeconds) return { ok: false, reason: 'expired', claims };
  if (typeof claims.nbf === 'number' && claims.nbf - skew > opts.nowSeconds) return { ok: false, reason: 'not-yet-valid', claims };
  if (typeof claims.aud !== 'string' || !opts.audiences.includes(claims.aud)) return { ok: false, reason: 'audience', claims };
  if (claims.iss !== opts.issuer) return { ok: false, reason: 'issuer', claims };
  return { ok: true, claims };
}
