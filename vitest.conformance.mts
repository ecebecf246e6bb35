import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The conformance suite: real clients (the official Azure CLI) against the local Azure. `npm test` runs it as its own stage.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['conformance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
