/** `/_emulator/…` (loopback only): health, the fault switchboard, request counters, reset and settings — for tests and demos. */
import { json, jsonBody, type Reply, type Req } from './http';
import { validateFault } from './faults';
import type { EmulatorState } from './state';

export function control(s: EmulatorState, req: Req, segs: string[]): Reply {
  const what = (segs[0] ?? '').toLowerCase();
  if (what === 'health') {
    return json(200, {
      ok: true,
      tenantId: s.store.tenantId,
      subscriptions: s.store.estate.subscriptions.length,
      resources: s.store.all().length,
      users: s.store.estate.users?.length ?? 0,
    });
  }
  if (what === 'faults') {
    if (req.method === 'GET') return json(200, { value: s.faults.list() });
    if (req.method === 'DELETE' && segs[1])
      return s.faults.remove(segs[1]) ? json(200, { removed: segs[1] }) : json(404, { error: { code: 'NotFound', message: `No fault ${segs[1]}.` } });
    if (req.method === 'DELETE') {
      s.faults.reset();
      return json(200, { value: [] });
    }
    if (req.method === 'POST') {
      let body: unknown;
      try {
        body = jsonBody(req);
      } catch {
        return json(400, { error: { code: 'InvalidFault', message: 'The body is not JSON.' } });
      }
      const f = validateFault(body);
      if (typeof f === 'string') return json(400, { error: { code: 'InvalidFault', message: f } });
      return json(201, s.faults.add(f));
    }
  }
  if (what === 'requests') {
    if (req.method === 'DELETE') {
      s.counters.clear();
      return json(200, { total: 0, routes: {} });
    }
    const routes = Object.fromEntries([...s.counters.entries()].sort((a, b) => b[1] - a[1]));
    return json(200, { total: [...s.counters.values()].reduce((a, b) => a + b, 0), routes });
  }
  if (what === 'reset' && req.method === 'POST') {
    s.store.reset();
    s.faults.reset();
    s.throttle.reset();
    s.lro.reset();
    s.entra.reset();
    s.counters.clear();
    s.clock.offsetMs = 0;
    return json(200, { reset: true });
  }
  if (what === 'settings' && req.method === 'POST') {
    const body = (jsonBody(req) ?? {}) as { lroMs?: number; pageSize?: number; clockOffsetSeconds?: number };
    if (typeof body.lroMs === 'number') s.lro.durationMs = s.options.lroMs = body.lroMs;
    if (typeof body.pageSize === 'number' && body.pageSize > 0) s.options.pageSize = body.pageSize;
    if (typeof body.clockOffsetSeconds === 'number') s.clock.offsetMs = body.clockOffsetSeconds * 1000;
    return json(200, { lroMs: s.options.lroMs, pageSize: s.options.pageSize, clockOffsetSeconds: s.clock.offsetMs / 1000 });
  }
  return json(404, {
    error: { code: 'NotFound', message: 'Control endpoints: GET health, GET|POST|DELETE faults, GET|DELETE requests, POST reset, POST settings.' },
  });
}
