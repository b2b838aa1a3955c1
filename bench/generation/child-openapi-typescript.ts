/** openapi-typescript alone on a spec, through its API: document → AST → source text → file. */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type * as OpenapiTypescript from 'openapi-typescript';
import { reportResult } from './child-result.ts';

const [spec, outFile] = process.argv.slice(2);
if (!spec || !outFile) throw new Error('usage: child-openapi-typescript.ts <spec> <out.ts>');
// openapi-typescript is the generator's dependency, so it is loaded from there: the very copy specwire uses.
const { default: openapiTS, astToString } = (await import(
  new URL('../../generator/node_modules/openapi-typescript/dist/index.mjs', import.meta.url).href
)) as typeof OpenapiTypescript;
const started = performance.now();
const ast = await openapiTS(pathToFileURL(spec), { silent: true });
writeFileSync(outFile, astToString(ast));
reportResult({ ms: performance.now() - started });
