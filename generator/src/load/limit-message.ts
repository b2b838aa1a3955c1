/** Names the exceeded limit and the `SpecLimits` key that raises it. */
export function limitExceededMessage(options: { what: string; actual: string; key: string; limit: number }): string {
  const option = options.key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return `${options.what} (${options.actual}) exceeds the limit of ${options.limit}; raise it with --${option} (limits.${options.key}) if the spec is trusted`;
}
