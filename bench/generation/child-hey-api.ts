/** @hey-api/openapi-ts with its default output (types + SDK + fetch client), through its API. */
import { createClient } from '@hey-api/openapi-ts';
import { reportResult } from './child-result.ts';

const [spec, outDir] = process.argv.slice(2);
if (!spec || !outDir) throw new Error('usage: child-hey-api.ts <spec> <out dir>');
const started = performance.now();
await createClient({ input: spec, output: outDir, logs: { level: 'silent' } });
reportResult({ ms: performance.now() - started });
