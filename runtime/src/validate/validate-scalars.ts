import type { FieldValidation } from '../definition.ts';
import { matchesPattern } from './pattern.ts';
import type { FieldIssue, ValidationLimits } from './limits.ts';

interface ScalarCheck<T> {
  value: T;
  validation: FieldValidation | undefined;
  path: string;
  issues: FieldIssue[];
}

export function checkString(options: ScalarCheck<string> & { limits: ValidationLimits }): void {
  const { value, validation: v, path, issues, limits } = options;
  if (value.length > limits.maxStringLength) {
    issues.push({ path, message: `string longer than the ${limits.maxStringLength}-character limit` });
    return;
  }
  if (!v) return;
  if (v.minLength !== undefined && value.length < v.minLength) {
    issues.push({ path, message: `must have at least ${v.minLength} characters` });
  }
  if (v.maxLength !== undefined && value.length > v.maxLength) {
    issues.push({ path, message: `must have at most ${v.maxLength} characters` });
  }
  if (v.pattern !== undefined && matchesPattern({ pattern: v.pattern, value }) === false) {
    issues.push({ path, message: `must match the pattern ${JSON.stringify(v.pattern)}` });
  }
}

export function checkNumber(options: ScalarCheck<number>): void {
  const { value, validation: v, path, issues } = options;
  if (!v) return;
  if (v.min !== undefined && value < v.min) issues.push({ path, message: `must be >= ${v.min}` });
  if (v.max !== undefined && value > v.max) issues.push({ path, message: `must be <= ${v.max}` });
  if (v.exclusiveMin !== undefined && value <= v.exclusiveMin) {
    issues.push({ path, message: `must be > ${v.exclusiveMin}` });
  }
  if (v.exclusiveMax !== undefined && value >= v.exclusiveMax) {
    issues.push({ path, message: `must be < ${v.exclusiveMax}` });
  }
  if (v.multipleOf !== undefined && v.multipleOf > 0 && !isMultipleOf({ value, divisor: v.multipleOf })) {
    issues.push({ path, message: `must be a multiple of ${v.multipleOf}` });
  }
}

function isMultipleOf(options: { value: number; divisor: number }): boolean {
  const quotient = options.value / options.divisor;
  // Tolerance for binary fractions: 0.3 / 0.1 is 2.9999999999999996.
  return Math.abs(quotient - Math.round(quotient)) < 1e-9 * Math.max(1, Math.abs(quotient));
}

export function checkArray(options: ScalarCheck<unknown[]>): void {
  const { value, validation: v, path, issues } = options;
  if (!v) return;
  if (v.minItems !== undefined && value.length < v.minItems) {
    issues.push({ path, message: `must have at least ${v.minItems} items` });
  }
  if (v.maxItems !== undefined && value.length > v.maxItems) {
    issues.push({ path, message: `must have at most ${v.maxItems} items` });
  }
  if (v.uniqueItems) {
    const seen = new Set<string>();
    for (const item of value) {
      const key = stableKey(item);
      if (seen.has(key)) {
        issues.push({ path, message: 'items must be unique' });
        return;
      }
      seen.add(key);
    }
  }
}

/** Structural key for uniqueness: objects compare by content regardless of key order. */
function stableKey(value: unknown): string {
  if (value === null || typeof value !== 'object') return `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${stableKey(item)}`).join(',')}}`;
}

const INTEGER_FORMATS = new Set(['int32', 'int64', 'integer', 'uint32', 'uint64']);

export function isIntegerFormat(format: string | undefined): boolean {
  return format !== undefined && INTEGER_FORMATS.has(format);
}
