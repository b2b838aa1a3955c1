import { isSpecwireError, isStackOverflow, nestingTooDeepError } from '../errors/index.ts';

/**
 * User errors (bad spec, bad override, missing file) are one line and exit code 1: the message says
 * what and where. Anything else is a bug in specwire: exit 2, with the stack only when asked for.
 */
export function reportFailure(error: unknown): never {
  if (isSpecwireError(error)) {
    process.stderr.write(`error: ${error.format()}\n`);
    process.exit(1);
  }
  // Only input nested deeper than a raised --max-depth allows gets this far down the stack.
  if (isStackOverflow(error)) {
    process.stderr.write(`error: ${nestingTooDeepError().format()}\n`);
    process.exit(1);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`internal error: ${message.split('\n')[0]}\n`);
  if (process.env.SPECWIRE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('(set SPECWIRE_DEBUG=1 for the stack trace)\n');
  process.exit(2);
}
