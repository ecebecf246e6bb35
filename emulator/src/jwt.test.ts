import { describe, expect, it } from 'vitest';
import { SigningKey, verifyJwt } from './jwt';
import { ARM_AUDIENCES, accessTokenIssuer } from './entra';

const key = new SigningKey();
const T = '11111111-1111-4111-8111-111111111111';
const now = 1_800_000_000;
const opts = { audiences: ARM_AUDIENCES, issuer: accessTokenIssuer(T), nowSeconds: now };
const claims = { aud: 'https://management.azure.com/', iss: accessTokenIssuer(T), iat: now - 10, nbf: now - 10, exp: now + 3600, oid: 'x' };

describe('ARM token validation', async () => {
  it('accepts a well-signed, current token for ARM', async () => {
    expect(await verifyJwt(await key.sign(claims), key, opts)).toMatchObject({ ok: true, claims: { oid: 'x' } });
  });

  it('refuses an expired token (past the five minutes of skew)', async () => {
    expect(await verifyJwt(await key.sign({ ...claims, exp: now - 301 }), key, opts)).toMatchObject({ ok: false, reason: 'expired' });
    expect((await verifyJwt(await key.sign({ ...claims, exp: now - 299 }), key, opts)).ok).toBe(true);
  });

  it('refuses a token for another audience', async () => {
    expect(await verifyJwt(await key.sign({ ...claims, aud: '00000003-0000-0000-c000-000000000000' }), key, opts)).toMatchObject({
      ok: false,
      reason: 'audience',
    });
  });

  it('refuses a token signed by another key or altered after signing', async () => {
    const other = new SigningKey();
    expect(await verifyJwt(await other.sign(claims), key, opts)).toMatchObject({ ok: false, reason: 'signature' });
    const [h, , s] = (await key.sign(claims)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, oid: 'admin' })).toString('base64url');
    expect(await verifyJwt(`${h}.${forged}.${s}`, key, opts)).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses garbage and unsigned tokens', async () => {
    expect(await verifyJwt('not-a-jwt', key, opts)).toMatchObject({ ok: false, reason: 'malformed' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(await verifyJwt(none, key, opts)).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses a token from another issuer', async () => {
    expect(await verifyJwt(await key.sign({ ...claims, iss: 'https://sts.windows.net/other/' }), key, opts)).toMatchObject({ ok: false, reason: 'issuer' });
  });
});
