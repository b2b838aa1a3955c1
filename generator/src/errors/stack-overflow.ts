import { SpecwireError } from './specwire-error.ts';

/** V8's "Maximum call stack size exceeded": a recursive walk met nesting deeper than it could follow. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('Maximum call stack size exceeded');
}

/**
 * The user error a stack overflow stands for: nesting within `--max-depth` as raised, but deeper
 * than some stage can walk. One line naming the remedy, instead of an internal error.
 */
export function nestingTooDeepError(options: { file?: string; stage?: string } = {}): SpecwireError {
  const where = options.stage === undefined ? '' : ` (${options.stage})`;
  return new SpecwireError(
    `the spec is nested too deeply to process${where}: the generator ran out of stack; keep --max-depth at a lower value (the default is 200)`,
    options.file === undefined ? {} : { file: options.file },
  );
}
