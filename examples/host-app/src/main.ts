import { startFakeGithub } from './fake-github.ts';
import { runExample } from './run-example.ts';

// `pnpm --filter @specwire/example-host-app start`: runs the example against a local fake GitHub.
const fake = await startFakeGithub();
try {
  const results = await runExample({ baseUrl: fake.url });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  await fake.close();
}
