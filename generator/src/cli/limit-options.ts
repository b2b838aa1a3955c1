import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_SPEC_LIMITS, type SpecLimits } from '../load/types.ts';

/** What each limit counts, for `--help`. The flag name is the key in kebab case, as limit errors say. */
const LIMIT_HELP: Readonly<Record<keyof SpecLimits, string>> = {
  maxSpecBytes: 'largest spec file (and decompressed .gz text) in bytes',
  maxOperations: 'most HTTP operations under paths',
  maxDepth: 'deepest object/array nesting in the spec',
  maxNodes: 'most values in the parsed spec (YAML aliases counted per use)',
  maxYamlAliasNodes: 'most values YAML aliases may add when expanded',
};

/** `maxSpecBytes` → `max-spec-bytes`, the same conversion the limit error messages use. */
export function limitFlagName(key: keyof SpecLimits): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function parseLimit(value: string): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

/** One `--max-…` option per spec limit, each defaulting to the load stage's own default. */
export function limitOption(key: keyof SpecLimits): Option {
  return new Option(`--${limitFlagName(key)} <n>`, `raise the limit: ${LIMIT_HELP[key]} (default ${DEFAULT_SPEC_LIMITS[key]})`).argParser(parseLimit);
}

export const LIMIT_KEYS: ReadonlyArray<keyof SpecLimits> = Object.keys(LIMIT_HELP) as Array<keyof SpecLimits>;

/** The limits given on the command line (commander stores `--max-spec-bytes` as `maxSpecBytes`). */
export function specLimitsFromOptions(options: Partial<Record<keyof SpecLimits, number>>): Partial<SpecLimits> {
  const limits: Partial<SpecLimits> = {};
  for (const key of LIMIT_KEYS) {
    const value = options[key];
    if (typeof value === 'number') limits[key] = value;
  }
  return limits;
}
