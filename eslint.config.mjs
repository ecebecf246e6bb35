import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

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
  {
    // The pure core never imports I/O layers, React or the emulator (DESIGN §1).
    files: ['lib/estate/**', 'lib/readiness/**', 'lib/compliance/**', 'lib/provisioning/plan.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', '@azure/*', '@/lib/azure/*', '@/lib/auth/*', '@/emulator/*', '**/emulator/**'] }],
    },
  },
  {
    files: ['emulator/**', 'scripts/**', 'bench/**', 'e2e/**', 'cli/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
];

export default config;
