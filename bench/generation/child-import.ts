/** Time to import one module (a connector package or the registry) in a fresh process. */
import { pathToFileURL } from 'node:url';
import { reportResult } from './child-result.ts';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: child-import.ts <module file>');
const started = performance.now();
await import(pathToFileURL(file).href);
reportResult({ ms: performance.now() - started });
