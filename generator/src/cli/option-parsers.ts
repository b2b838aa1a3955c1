import { InvalidArgumentError } from 'commander';

/**
 * A flag value that must be a whole number of at least `min`: `--workers abc`, `--workers 1.5` and
 * `--workers -1` are refused by commander as a usage error instead of becoming NaN further down.
 */
export function wholeNumberAtLeast(min: number): (value: string) => number {
  return (value) => {
    const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min) throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    return number;
  };
}
