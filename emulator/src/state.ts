/**
 * One running emulator's state: the estate (store), the signing key, the directory, the fault switchboard, throttling,
 * long-running operations, the request counters and the clock. Every endpoint module works on this, not on a closure.
 */
import type { EstateFile } from '../../lib/estate/file';
import { LroRegistry } from './arm/lro';
import { Throttle } from './arm/throttle';
import { Entra } from './entra';
import { Faults } from './faults';
import { SigningKey } from './jwt';
import { Store } from './store';

export interface EmulatorOptions {
  estate: EstateFile;
  port?: number;
  host?: string;
  /** Items per list page before `nextLink` (ARM pages vary; 100 is common). */
  pageSize?: number;
  /** How long a long-running operation (DES create/update/delete) takes. */
  lroMs?: number;
  tokenLifetimeSeconds?: number;
  /** Clock, for tests. */
  nowMs?: () => number;
  /** Serve TLS with this key and certificate (`--https`); plain http otherwise. */
  tls?: { key: string; cert: string };
}

export interface EmulatorState {
  store: Store;
  key: SigningKey;
  entra: Entra;
  faults: Faults;
  throttle: Throttle;
  lro: LroRegistry;
  /** Requests per route, for `GET /_emulator/requests`. */
  counters: Map<string, number>;
  options: { pageSize: number; lroMs: number; tokenLifetimeSeconds: number; nowMs: () => number };
  /** How far the clock is moved forward (POST /_emulator/settings {"clockOffsetSeconds": 7200}), so tests can let tokens expire without waiting an hour. */
  clock: { offsetMs: number };
}

export function createState(opts: EmulatorOptions): EmulatorState {
  const clock = { offsetMs: 0 };
  const baseNow = opts.nowMs ?? (() => Date.now());
  const options = {
    pageSize: opts.pageSize ?? 100,
    lroMs: opts.lroMs ?? 3000,
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds ?? 3600,
    nowMs: () => baseNow() + clock.offsetMs,
  };
  const store = new Store(opts.estate);
  const key = new SigningKey();
  return {
    store,
    key,
    entra: new Entra(store, key, { tokenLifetimeSeconds: options.tokenLifetimeSeconds, nowMs: options.nowMs }),
    faults: new Faults(),
    throttle: new Throttle(),
    lro: new LroRegistry(options.lroMs),
    counters: new Map(),
    options,
    clock,
  };
}
