/**
 * SHA-256 (FIPS 180-4) over exact bytes, from @noble/hashes (audited, synchronous, no dependencies), so the browser,
 * the CLI and tests compute the same digest. Synchronous on purpose: the evidence bundle is built by pure code.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}
