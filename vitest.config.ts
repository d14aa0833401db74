import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit and integration tests of the framework-free packages and the server.
// The Angular client's specs run through `ng test` (its own Vitest set-up).
export default defineConfig({
  resolve: {
    alias: {
      '@prossima/domain': fileURLToPath(new URL('./domain/src/index.ts', import.meta.url)),
      '@prossima/device-bridge': fileURLToPath(new URL('./device-bridge/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['domain/src/**/*.test.ts', 'device-bridge/src/**/*.test.ts', 'sync-server/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
