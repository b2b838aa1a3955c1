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
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && !Object.hasOwn(schema, key)) {
      issues.push({ path: propertyPath({ parent: 'input', key }), message: 'is not a known input field' });
    }
  }
  const output: Array<[string, unknown]> = [];
  const paths = fieldPathsOf(schema);
  for (const [key, field] of Object.entries(schema)) {
    const path = paths.get(key) ?? propertyPath({ parent: 'input', key });
    const given = Object.hasOwn(input, key) ? input[key] : undefined;
    if (given === undefined) {
      if (field.required && field.default !== undefined) output.push([key, structuredClone(field.default)]);
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
    output.push([key, given]);
  }
  if (issues.length > 0) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw validationError(`${first.path}: ${first.message}${more}`, { issues: issues.slice(0, MAX_REPORTED_ISSUES) });
  }
  // fromEntries defines own properties, so a `__proto__` field stays data, never a prototype.
  return Object.fromEntries(output);
}

/** The message path of every schema key (`input.title`), built once per schema rather than per call. */
const pathsBySchema = new WeakMap<Record<string, InputField>, Map<string, string>>();

function fieldPathsOf(schema: Record<string, InputField>): Map<string, string> {
  let paths = pathsBySchema.get(schema);
  if (!paths) {
    paths = new Map(Object.keys(schema).map((key) => [key, propertyPath({ parent: 'input', key })]));
    pathsBySchema.set(schema, paths);
  }
  return paths;
}
