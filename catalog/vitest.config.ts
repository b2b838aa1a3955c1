import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages are read from their TypeScript sources, as the catalog build does.
  ssr: { resolve: { conditions: ['@specwire/source', 'module', 'node', 'development|production'] } },
  test: { include: ['test/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 },
});
