import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * The layers (DESIGN §1): nothing imports a layer above it, in any import form (alias or relative path). Each zone is a
 * set of files with every restriction that applies to them, so no zone's rule replaces another's (flat config keeps the
 * last setting of a rule). Type-only imports pass: they carry no code across a boundary. Tests are exempt: they wire
 * layers together on purpose. scripts/layers.test.ts plants bad imports and expects each zone to refuse them.
 */
const R = {
  views: {
    group: ['**/lib/azure', '**/lib/azure/**', '@/lib/azure/**', '**/emulator/**', '@/emulator/**', '**/cli/**'],
    message: 'Components reach ARM only through lib/queries; the emulator and the CLI are not part of the app.',
  },
  core: {
    group: [
      'react',
      'react-*',
      'next',
      'next/*',
      '@azure/*',
      '@fluentui/*',
      '@tanstack/*',
      '**/azure',
      '**/azure/**',
      '**/auth',
      '**/auth/**',
      '**/queries',
      '**/queries/**',
      '**/emulator/**',
      '**/components/**',
      '@/lib/azure/**',
      '@/lib/auth/**',
      '@/lib/queries/**',
      '@/components/**',
    ],
    message: 'The pure core imports no I/O layer, no React and no emulator: it runs the same in the browser, Node and a worker.',
  },
  estate: { group: ['**/readiness/**', '**/compliance/**', '**/provisioning/**'], message: 'lib/estate is the ground floor: it imports no other layer.' },
  readiness: { group: ['**/compliance/**', '**/provisioning/**'], message: 'lib/readiness sits on lib/estate only.' },
  io: {
    group: ['**/readiness/**', '**/compliance/**', '**/queries/**', '**/provisioning/**'],
    message: 'lib/azure and lib/auth do not reach up into readiness, compliance, provisioning or queries.',
  },
  lib: {
    group: ['**/components/**', '@/components/**', '**/app/**', '**/cli/**', '**/emulator/**', '@/emulator/**'],
    message: 'lib/ never imports views, routes, the CLI or the emulator.',
  },
  emulator: {
    group: ['**/lib/azure/**', '**/lib/auth/**', '**/lib/queries/**', '**/components/**'],
    message: 'The emulator is a local Azure, not a client: it imports nothing from lib/azure, lib/auth or lib/queries.',
  },
};
const PURE_PROVISIONING = [
  'lib/provisioning/plan.ts',
  'lib/provisioning/steps.ts',
  'lib/provisioning/fixits.ts',
  'lib/provisioning/draft.ts',
  'lib/provisioning/intent.ts',
  'lib/provisioning/stored.ts',
  'lib/provisioning/reenable.ts',
  'lib/provisioning/render.ts',
  'lib/provisioning/render/**',
];
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
function zone(files, rules, ignores = []) {
  return {
    files,
    ignores: [...TESTS, ...ignores],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: rules.map((r) => ({ ...r, allowTypeImports: true })) }] },
  };
}
const LAYERS = [
  zone(['components/**', 'app/**'], [R.views]),
  zone(['lib/estate/**'], [R.core, R.estate, R.lib]),
  zone(['lib/readiness/**'], [R.core, R.readiness, R.lib]),
  zone(['lib/compliance/**', ...PURE_PROVISIONING], [R.core, R.lib]),
  zone(['lib/provisioning/**', 'lib/queries/**'], [R.lib], PURE_PROVISIONING),
  zone(['lib/azure/**', 'lib/auth/**'], [R.io, R.lib]),
  zone(['emulator/**'], [R.emulator]),
];

const config = [
  { ignores: ['node_modules/**', '.next/**', 'out/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.lockstep/**', 'screenshots/**'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // Tokens must never reach a log (README, "Secure by default"); the console is for the emulator and scripts only.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...LAYERS,
  {
    // Every query is defined once, by a queryOptions factory beside its key (TanStack's examples): a component or hook
    // spreads the factory and may add `enabled`, never a key or a fetch of its own.
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^use(Suspense)?Quer(y|ies)$/] > ObjectExpression > Property[key.name=/^(queryKey|queryFn)$/]',
          message: 'Define the query in a queryOptions factory in lib/queries (key and fetch together) and pass or spread that.',
        },
      ],
    },
  },
  {
    files: ['emulator/**', 'scripts/**', 'bench/**', 'e2e/**', 'cli/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
];

export default config;
