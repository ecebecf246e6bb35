/** The layer guard bites: a planted import across a boundary, in alias or relative form, fails the lint. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(__dirname, '..') });
const refusals = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '..', filePath) });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
};

describe('the layer guard', () => {
  it.each([
    [
      'a component calling ARM by a relative path',
      'components/servers/planted.tsx',
      "import { captureEstate } from '../../lib/azure/inventory';\nexport const x = captureEstate;\n",
      'Components reach ARM only through lib/queries',
    ],
    [
      'a component calling ARM by the alias',
      'components/servers/planted.tsx',
      "import { captureEstate } from '@/lib/azure/inventory';\nexport const x = captureEstate;\n",
      'Components reach ARM only through lib/queries',
    ],
    [
      'the pure core importing the SDK',
      'lib/readiness/planted.ts',
      "import { ComputeManagementClient } from '@azure/arm-compute';\nexport const x = ComputeManagementClient;\n",
      'The pure core imports no I/O layer',
    ],
    [
      'the pure core importing lib/azure relatively',
      'lib/compliance/planted.ts',
      "import { captureEstate } from '../azure/inventory';\nexport const x = captureEstate;\n",
      'The pure core imports no I/O layer',
    ],
    [
      'the planner importing React',
      'lib/provisioning/plan.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
      'The pure core imports no I/O layer',
    ],
    [
      'lib/estate reaching up to readiness',
      'lib/estate/planted.ts',
      "import { evaluate } from '../readiness/evaluate';\nexport const x = evaluate;\n",
      'lib/estate is the ground floor',
    ],
    [
      'lib/azure reaching up to readiness',
      'lib/azure/planted.ts',
      "import { evaluate } from '../readiness/evaluate';\nexport const x = evaluate;\n",
      'lib/azure and lib/auth do not reach up',
    ],
    [
      'the emulator importing a client',
      'emulator/src/planted.ts',
      "import { createArmClientFactory } from '../../lib/azure/client-factory';\nexport const x = createArmClientFactory;\n",
      'The emulator is a local Azure, not a client',
    ],
    [
      'lib importing a component',
      'lib/queries/planted.ts',
      "import { ServersPage } from '../../components/servers/servers-page';\nexport const x = ServersPage;\n",
      'lib/ never imports views',
    ],
  ])('refuses %s', async (_name, file, code, message) => {
    const found = await refusals(file, code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toContain(message);
  });

  it('lets the same imports through where the layers allow them', async () => {
    expect(await refusals('lib/queries/planted.ts', "import { captureEstate } from '../azure/inventory';\nexport const x = captureEstate;\n")).toEqual([]);
    expect(
      await refusals('components/servers/planted.tsx', "import type { InventoryProgress } from '@/lib/azure/inventory';\nexport type X = InventoryProgress;\n"),
    ).toEqual([]);
    expect(await refusals('lib/readiness/planted.ts', "import { normalize } from '../estate/normalize';\nexport const x = normalize;\n")).toEqual([]);
  });
});

describe('the query guard', () => {
  const queryRefusals = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '..', filePath) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  it('refuses a query written in place, with its own key and fetch', async () => {
    const code = "import { useQuery } from '@tanstack/react-query';\nexport const useX = () => useQuery({ queryKey: ['x'], queryFn: async () => 1 });\n";
    expect(await queryRefusals('components/servers/planted.tsx', code)).toHaveLength(2);
  });
  it('lets a queryOptions factory through, spread with enabled', async () => {
    const code =
      "import { useQuery } from '@tanstack/react-query';\nimport { subscriptionsQuery } from '@/lib/queries/subscriptions';\nimport { useArm } from '@/lib/queries/arm-provider';\nexport const useX = () => useQuery({ ...subscriptionsQuery(useArm()), enabled: true });\n";
    expect(await queryRefusals('components/servers/planted.tsx', code)).toEqual([]);
  });
});

/** Relative and `@/` imports of the source tree, as a graph (type-only imports included: a circle is a circle). */
function importGraph(files: string[], read: (f: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const known = new Set(files);
  const resolveImport = (from: string, spec: string) => {
    const base = spec.startsWith('@/') ? spec.slice(2) : posix.normalize(posix.join(posix.dirname(from), spec));
    return ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((c) => known.has(c));
  };
  for (const f of files) {
    const specs = [...read(f).matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
      .map((m) => m[1]!)
      .filter((s) => s.startsWith('.') || s.startsWith('@/'));
    graph.set(
      f,
      specs.map((s) => resolveImport(f, s)).filter((x): x is string => !!x),
    );
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('import circles', () => {
  const root = resolve(__dirname, '..');
  const files = execFileSync(
    'git',
    [
      'ls-files',
      '--cached',
      '--others',
      '--exclude-standard',
      'lib',
      'cli',
      'emulator',
      'components',
      'app',
      'scripts',
      'bench',
      'test-support',
      'conformance',
    ],
    { cwd: root, encoding: 'utf8' },
  )
    .split('\n')
    .filter((f) => /\.(ts|tsx)$/.test(f) && existsSync(join(root, f)));

  it('there are none in the source tree', () => {
    expect(cycles(importGraph(files, (f) => readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });

  it('the check finds a planted one', () => {
    const planted = new Map([
      ['lib/a.ts', "import { b } from './b';"],
      ['lib/b.ts', "import type { a } from './a';"],
    ]);
    expect(cycles(importGraph([...planted.keys()], (f) => planted.get(f)!))).toEqual([['lib/a.ts', 'lib/b.ts', 'lib/a.ts']]);
  });
});
