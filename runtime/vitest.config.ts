import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages are tested against each other's TypeScript sources (this export condition),
  // not their dist/ builds; the other conditions are Vite's defaults for the server side.
  ssr: { resolve: { conditions: ['@specwire/source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A throwaway redis-server on 127.0.0.1 for the Redis store tests (they skip, saying why, without one).
    globalSetup: ['test/support/redis-server.ts'],
  },
});
