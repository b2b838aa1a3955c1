import type { InputField } from '../definition.ts';
import { isBinaryValue, isFileField, isFileInput } from '../request/file-value.ts';
import { describeValueKind, isPlainObject, listAllowedValues } from './describe-value.ts';
import { itemPath, propertyPath } from './field-path.ts';
import type { FieldIssue, ValidationLimits } from './limits.ts';
import { checkArray, checkNumber, checkString, isIntegerFormat } from './validate-scalars.ts';
import { validateVariants } from './validate-variants.ts';

export interface ValidateFieldOptions {
  field: InputField;
  value: unknown;
  path: string;
  issues: FieldIssue[];
  limits: ValidationLimits;
  depth: number;
}

/** Validates one value against its field, appending issues (each naming its path) to `issues`. */
export function validateField(options: ValidateFieldOptions): void {
  const { field, value, path, issues, limits, depth } = options;
  if (depth > limits.maxDepth) {
    issues.push({ path, message: `nested deeper than ${limits.maxDepth} levels` });
    return;
  }
  if (value === null) {
    if (!field.nullable && !optionValues(field)?.includes(null)) {
      issues.push({ path, message: `expected ${expectedKind(field)}, got null` });
    }
    return;
  }
  if (field.opaque) return;
  if (isFileField(field)) {
    if (typeof value !== 'string' && !isBinaryValue(value) && !isFileInput(value)) {
      issues.push({ path, message: `expected a file (Blob, Uint8Array or { data, filename?, contentType? }), got ${describeValueKind(value)}` });
    }
    return;
  }
  if (field.variants && field.variants.length > 0) {
    validateVariants({ ...options, variants: field.variants, validateField });
    return;
  }
  validateByType(options);
}

function validateByType(options: ValidateFieldOptions): void {
  const { field, value, path, issues, limits } = options;
  // `reportMismatch` is a module function, not a closure: this runs for every field of every call.
  const mismatch = reportMismatch;
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') {
        mismatch(options);
        return;
      }
      checkString({ value, validation: field.validation, path, issues, limits });
      break;
    case 'date':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) issues.push({ path, message: 'expected a valid date' });
        return;
      }
      if (typeof value !== 'string') {
        mismatch(options);
        return;
      }
      checkString({ value, validation: field.validation, path, issues, limits });
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        mismatch(options);
        return;
      }
      if (isIntegerFormat(field.format) && !Number.isInteger(value)) {
        issues.push({ path, message: 'expected an integer' });
      }
      checkNumber({ value, validation: field.validation, path, issues });
      break;
    case 'boolean':
      if (typeof value !== 'boolean') {
        mismatch(options);
        return;
      }
      break;
    case 'object':
      if (!isPlainObject(value)) {
        mismatch(options);
        return;
      }
      validateObject({ ...options, value });
      return;
    case 'array':
    case 'multiselect':
      if (!Array.isArray(value)) {
        mismatch(options);
        return;
      }
      validateArray({ ...options, value });
      return;
    case 'select':
      if (value !== null && typeof value === 'object') {
        mismatch(options);
        return;
      }
      break;
    default:
      break;
  }
  checkOptions(options);
}

function reportMismatch(options: ValidateFieldOptions): void {
  const { field, value, path, issues } = options;
  issues.push({ path, message: `expected ${expectedKind(field)}, got ${describeValueKind(value)}` });
}

function checkOptions(options: ValidateFieldOptions): void {
  const allowed = optionValues(options.field);
  if (allowed && allowed.length > 0 && !allowed.includes(options.value as never)) {
    options.issues.push({ path: options.path, message: `must be one of: ${listAllowedValues(allowed)}` });
  }
}

function validateObject(options: ValidateFieldOptions & { value: Record<string, unknown> }): void {
  const { field, value, path, issues } = options;
  const properties = field.properties ?? {};
  for (const [key, property] of Object.entries(properties)) {
    const child = propertyPath({ parent: path, key });
    const item = Object.hasOwn(value, key) ? value[key] : undefined;
    if (item === undefined) {
      if (property.required) issues.push({ path: child, message: 'is required' });
      continue;
    }
    validateField({ ...options, field: property, value: item, path: child, depth: options.depth + 1 });
  }
  const extra = field.additionalProperties ?? true;
  const count = Object.values(value).filter((item) => item !== undefined).length;
  const { minProperties, maxProperties } = field.validation ?? {};
  if (minProperties !== undefined && count < minProperties) issues.push({ path, message: `must have at least ${minProperties} properties` });
  if (maxProperties !== undefined && count > maxProperties) issues.push({ path, message: `must have at most ${maxProperties} properties` });
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, key) || item === undefined) continue;
    const child = propertyPath({ parent: path, key });
    if (extra === false) {
      issues.push({ path: child, message: 'is not an allowed property' });
    } else if (extra !== true) {
      validateField({ ...options, field: extra, value: item, path: child, depth: options.depth + 1 });
    }
  }
}

function validateArray(options: ValidateFieldOptions & { value: unknown[] }): void {
  const { field, value, path, issues } = options;
  checkArray({ value, validation: field.validation, path, issues });
  const itemField: InputField | undefined =
    field.itemSchema ?? (field.type === 'multiselect' && field.options ? { type: 'select', label: field.label, options: field.options } : undefined);
  if (!itemField) return;
  value.forEach((item, index) => {
    validateField({ ...options, field: itemField, value: item, path: itemPath({ parent: path, index }), depth: options.depth + 1 });
  });
}

function optionValues(field: InputField): unknown[] | undefined {
  if (field.type === 'multiselect' || !field.options) return undefined;
  return field.options.map((option) => option.value);
}

function expectedKind(field: InputField): string {
  switch (field.type) {
    case 'select':
      return 'one of the listed values';
    case 'multiselect':
      return 'array';
    case 'date':
      return 'date string';
    case 'number':
      return isIntegerFormat(field.format) ? 'integer' : 'number';
    default:
      return field.type;
  }
}
