const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `input.a`, `input["x-y"]`: a readable path for error messages. */
const MAX_KEY_LENGTH = 100;

/** Keys can come from input, so a path shows at most 100 characters of one. */
export function propertyPath(options: { parent: string; key: string }): string {
  const key = options.key.length > MAX_KEY_LENGTH ? `${options.key.slice(0, MAX_KEY_LENGTH)}…` : options.key;
  return IDENTIFIER.test(key) ? `${options.parent}.${key}` : `${options.parent}[${JSON.stringify(key)}]`;
}

export function itemPath(options: { parent: string; index: number }): string {
  return `${options.parent}[${options.index}]`;
}
