import { SpecwireError } from '../../src/errors/index.ts';

/** The one-line message of the SpecwireError `work` throws; fails the test when it throws none. */
export function errorOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof SpecwireError) return error.format();
    throw error;
  }
  throw new Error('expected a SpecwireError');
}
