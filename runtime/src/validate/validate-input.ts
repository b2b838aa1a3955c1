import type { InputField } from '../definition.ts';
import { validationError } from '../errors/connector-error.ts';
import { describeValueKind, isPlainObject } from './describe-value.ts';
import { propertyPath } from './field-path.ts';
import { DEFAULT_VALIDATION_LIMITS, type FieldIssue, type ValidationLimits } from './limits.ts';
import { acceptsFiles, findShapeProblem } from './nesting-depth.ts';
import { validateField } from './validate-field.ts';

const MAX_REPORTED_ISSUES = 20;

/**
 * Validates an action's input against its `inputSchema` and returns it with defaults applied to
 * missing required top-level fields. An optional field's default is what the server assumes when
 * the field is absent (OpenAPI semantics), so it is not sent. Throws a `VALIDATION_ERROR` whose message names the first failing field
 * path (`input.labels[0]: expected string, got number`); `details.issues` lists up to 20.
 * Messages never contain input values.
 */
export function validateInput(options: {
  schema: Record<string, InputField>;
  input: unknown;
  limits?: ValidationLimits;
}): Record<string, unknown> {
  const { schema, input } = options;
  const limits = options.limits ?? DEFAULT_VALIDATION_LIMITS;
  if (!isPlainObject(input)) {
    throw validationError(`input: expected an object, got ${describeValueKind(input)}`);
  }
  const compiled = compileSchema(schema);
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input)) {
    if (input[key] !== undefined && !Object.hasOwn(schema, key)) {
      issues.push({ path: propertyPath({ parent: 'input', key }), message: 'is not a known input field' });
    }
  }
  const output: Record<string, unknown> = {};
  for (const { key, field, path } of compiled) {
    const given = Object.hasOwn(input, key) ? input[key] : undefined;
    if (given === undefined) {
      if (field.required && field.default !== undefined) setOwn({ object: output, key, value: structuredClone(field.default) });
      else if (field.required) issues.push({ path, message: 'is required' });
      continue;
    }
    // A top-level primitive has no shape to walk (a string is checked by typed validation, with a more precise message).
    const problem =
      given !== null && typeof given === 'object'
        ? findShapeProblem({ value: given, maxDepth: limits.maxDepth, maxStringLength: acceptsFiles(field) ? undefined : limits.maxStringLength })
        : undefined;
    if (problem === 'depth') {
      issues.push({ path, message: `nested deeper than ${limits.maxDepth} levels, cyclic or too large` });
      continue;
    }
    if (problem === 'string') {
      issues.push({ path, message: `holds a string longer than the ${limits.maxStringLength}-character limit` });
      continue;
    }
    validateField({ field, value: given, path, issues, limits, depth: 0 });
    setOwn({ object: output, key, value: given });
  }
  if (issues.length > 0) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw validationError(`${first.path}: ${first.message}${more}`, { issues: issues.slice(0, MAX_REPORTED_ISSUES) });
  }
  return output;
}

/** Sets an own data property: a `__proto__` field stays data, never a prototype. */
function setOwn(options: { object: Record<string, unknown>; key: string; value: unknown }): void {
  const { object, key, value } = options;
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** A schema's fields in order, each with its message path (`input.title`): built once per schema rather than per call. */
interface CompiledField {
  key: string;
  field: InputField;
  path: string;
}

const compiledBySchema = new WeakMap<Record<string, InputField>, CompiledField[]>();

function compileSchema(schema: Record<string, InputField>): CompiledField[] {
  let compiled = compiledBySchema.get(schema);
  if (!compiled) {
    compiled = Object.entries(schema).map(([key, field]) => ({ key, field, path: propertyPath({ parent: 'input', key }) }));
    compiledBySchema.set(schema, compiled);
  }
  return compiled;
}
