import { posix } from 'node:path';

/** Relative import specifier (with its `.ts` extension) from one package file to another, e.g. `./types.gen.ts`. */
export function relativeModuleSpecifier(options: { from: string; to: string }): string {
  const relative = posix.relative(posix.dirname(options.from), options.to);
  return relative.startsWith('../') ? relative : `./${relative}`;
}
