/** Where a problem sits: a spec file plus JSON pointer, or an override file plus line/column. */
export interface ErrorLocation {
  file?: string;
  /** JSON pointer without the leading `#`, e.g. `/paths/~1pets/get`. */
  pointer?: string;
  line?: number;
  column?: number;
}

/**
 * The one error type every stage throws for problems in its input. The CLI prints `error: ` plus
 * `format()` and exits 1 without a stack, so the message must say where and what on its own.
 */
export class SpecwireError extends Error {
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'SpecwireError';
    this.file = location.file;
    this.pointer = location.pointer;
    this.line = location.line;
    this.column = location.column;
  }

  /** One line: `file#/pointer: message`, `file:line:column: message`, or just the message. */
  format(): string {
    return `${formatErrorLocation(this)}${this.message.replace(/[\r\n]+/g, ' ')}`;
  }
}

function formatErrorLocation(location: ErrorLocation): string {
  let where = location.file ?? '';
  if (location.pointer !== undefined) where += `#${location.pointer}`;
  else if (location.line !== undefined) {
    where += `:${location.line}`;
    if (location.column !== undefined) where += `:${location.column}`;
  }
  return where === '' ? '' : `${where}: `;
}

export function isSpecwireError(value: unknown): value is SpecwireError {
  return value instanceof SpecwireError;
}
