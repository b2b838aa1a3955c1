import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A throwaway redis-server on 127.0.0.1 for the Redis store tests (they skip, saying why, without one).
    globalSetup: ['test/support/redis-server.ts'],
  },
});
