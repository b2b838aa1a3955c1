import { parentPort } from 'node:worker_threads';
import { isSpecwireError } from '../errors/index.ts';
import { runConnectorJob, type ConnectorJob } from './connector-job.ts';

/**
 * Worker-thread side of the pool: one message per job in, one result out. A SpecwireError is sent
 * back as data (message + location) so the main thread can rethrow it as the same one-line user error.
 */
parentPort?.on('message', (job: ConnectorJob) => {
  runConnectorJob({ job }).then(
    (output) => parentPort?.postMessage({ ok: true, output }),
    (error: unknown) => {
      const location = isSpecwireError(error)
        ? { file: error.file, pointer: error.pointer, line: error.line, column: error.column }
        : undefined;
      const message = error instanceof Error ? error.message : String(error);
      parentPort?.postMessage({ ok: false, message, location, stack: error instanceof Error ? error.stack : undefined });
    },
  );
});
