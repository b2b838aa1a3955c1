/**
 * Sorts the validator's errors into the request's faults and the spec's own contradictions. A spec
 * contradicts itself where no request could pass: a `oneOf` whose variants the value matches more than
 * once with no discriminator to tell them apart, a required property the schema never defines or an
 * allOf branch with `additionalProperties: false` forbids, or a
 * schema whose own constraints exclude every value (an enum none of whose values fits its type,
 * bounds that cross). Required `readOnly` properties are dropped: they bind responses only.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { isRecord } from './vendor-spec.ts';

export interface ClassifiedErrors {
  /** Errors the request is to blame for, formatted. */
  faults: string[];
  /** Places where the spec contradicts itself, formatted. */
  contradictions: string[];
}

const checker = new Ajv({ strict: false, logger: false, validateFormats: false });

export function classifyErrors(options: { errors: readonly ErrorObject[]; bodySchema: unknown }): ClassifiedErrors {
  const faults: string[] = [];
  const contradictions: string[] = [];
  // A oneOf that more than one variant accepts also reports why its other variants fail; those
  // errors say nothing about the request (a variant did accept it).
  const ambiguous = options.errors.filter((error) => {
    const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
    return error.keyword === 'oneOf' && Array.isArray(passing) && passing.length > 1;
  });
  const insideAmbiguous = (error: ErrorObject): boolean =>
    ambiguous.some((oneOf) => oneOf !== error && error.schemaPath.startsWith(`${oneOf.schemaPath}/`) && (error.instancePath === oneOf.instancePath || error.instancePath.startsWith(`${oneOf.instancePath}/`)));
  for (const error of options.errors) {
    if (insideAmbiguous(error)) continue;
    const parent = isRecord(error.parentSchema) ? error.parentSchema : {};
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty?: unknown }).missingProperty ?? '');
      const properties = isRecord(parent.properties) ? parent.properties : {};
      const property = Object.hasOwn(properties, missing) ? properties[missing] : undefined;
      if (isRecord(property) && property.readOnly === true) continue;
      if (property === undefined && error.instancePath.startsWith('/requestBody') && !definesProperty({ schema: options.bodySchema, at: error.instancePath.slice('/requestBody'.length), name: missing })) {
        contradictions.push(`${where(error)}: property '${missing}' is required but the schema never defines it`);
        continue;
      }
      const split = error.instancePath.startsWith('/requestBody') ? requiredAcrossVariants({ schema: options.bodySchema, at: error.instancePath.slice('/requestBody'.length) }) : undefined;
      if (split?.includes(missing)) {
        contradictions.push(`${where(error)}: required properties ${split.map((name) => `'${name}'`).join(', ')} are defined only by different variants, none of which defines them all`);
        continue;
      }
    }
    // `additionalProperties: false` sees only its own schema's properties, not those of the schema
    // that includes it through allOf: a property required there is then refused by the branch.
    if (error.keyword === 'additionalProperties' && error.instancePath.startsWith('/requestBody')) {
      const extra = String((error.params as { additionalProperty?: unknown }).additionalProperty ?? '');
      if (requiresProperty({ schema: options.bodySchema, at: error.instancePath.slice('/requestBody'.length), name: extra })) {
        contradictions.push(`${where(error)}: property '${extra}' is required, but a schema it must also match forbids it (additionalProperties: false)`);
        continue;
      }
    }
    if (error.keyword === 'oneOf') {
      const passing = (error.params as { passingSchemas?: unknown }).passingSchemas;
      if (Array.isArray(passing) && isTextAmbiguity({ error, passing })) continue;
      if (Array.isArray(passing) && passing.length > 1 && parent.discriminator === undefined) {
        contradictions.push(`${where(error)}: oneOf variants ${passing.join(' and ')} both accept the value and nothing tells them apart`);
        continue;
      }
    }
    const unsatisfiable = unsatisfiableReason(parent);
    if (unsatisfiable !== undefined) {
      contradictions.push(`${where(error)}: ${unsatisfiable}`);
      continue;
    }
    faults.push(formatError(error));
  }
  return { faults, contradictions: [...new Set(contradictions)] };
}

/**
 * A parameter travels as text, so `42` fits both an integer and a string variant
 * (`oneOf: [id, uuid, shortUuid]`); the value had one type before it was written, and the server
 * reads it as the one it can, so this is no ambiguity of the spec.
 */
function isTextAmbiguity(options: { error: ErrorObject; passing: unknown[] }): boolean {
  if (!/^\/(?:path|query|header|cookie)\//.test(options.error.instancePath) || !Array.isArray(options.error.schema)) return false;
  const variants = options.error.schema as unknown[];
  const types = options.passing.map((index) => {
    const variant = typeof index === 'number' ? variants[index] : undefined;
    return isRecord(variant) && typeof variant.type === 'string' ? variant.type : undefined;
  });
  const strings = types.filter((type) => type === 'string').length;
  const scalars = types.filter((type) => type === 'integer' || type === 'number' || type === 'boolean').length;
  return strings >= 1 && scalars === types.length - strings && scalars <= 1 && strings <= 1;
}

export function formatError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const detail = params.allowedValues !== undefined ? ` (${JSON.stringify(params.allowedValues).slice(0, 120)})` : params.additionalProperty !== undefined ? ` '${String(params.additionalProperty)}'` : '';
  return `${where(error)} ${error.message ?? error.keyword}${detail}`;
}

function where(error: ErrorObject): string {
  return error.instancePath === '' ? '(request)' : error.instancePath;
}

/** Why no value can satisfy the schema by its own constraints, or `undefined`. */
function unsatisfiableReason(schema: Record<string, unknown>): string | undefined {
  const crossed = (low: string, high: string): boolean => typeof schema[low] === 'number' && typeof schema[high] === 'number' && (schema[low] as number) > (schema[high] as number);
  if (crossed('minimum', 'maximum')) return `minimum ${String(schema.minimum)} is above maximum ${String(schema.maximum)}`;
  if (crossed('minLength', 'maxLength')) return `minLength ${String(schema.minLength)} is above maxLength ${String(schema.maxLength)}`;
  if (crossed('minItems', 'maxItems')) return `minItems ${String(schema.minItems)} is above maxItems ${String(schema.maxItems)}`;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const { enum: values, ...rest } = schema;
    try {
      const validate = checker.compile(stripRefs(rest));
      if (!values.some((value) => validate(value))) return `no value of its enum ${JSON.stringify(values).slice(0, 80)} satisfies the schema's own constraints`;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A shallow copy without nested schemas, enough to test an enum against type, format and bounds. */
function stripRefs(schema: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'multipleOf', 'nullable']) {
    if (Object.hasOwn(schema, key)) kept[key] = schema[key];
  }
  if (kept.nullable === true && typeof kept.type === 'string') kept.type = [kept.type, 'null'];
  delete kept.nullable;
  return kept;
}

/**
 * Whether `name` is a declared property of the object at `at` (a JSON pointer into the body): in the
 * schema there or any of its allOf/anyOf/oneOf branches, not in the schemas of its properties (a
 * `name` required at the top but declared inside a nested object is still never defined where it is
 * required). A place that cannot be followed (an unresolved `$ref`) counts as defining it.
 */
function definesProperty(options: { schema: unknown; at: string; name: string }): boolean {
  const nodes = schemasAt({ schema: options.schema, at: options.at });
  if (nodes === undefined) return true;
  return nodes.some((node) => isRecord(node.properties) && Object.hasOwn(node.properties, options.name));
}

/** Whether a schema that applies at `at` (a JSON pointer into the body) lists `name` as required. */
function requiresProperty(options: { schema: unknown; at: string; name: string }): boolean {
  return (schemasAt({ schema: options.schema, at: options.at }) ?? []).some((node) => Array.isArray(node.required) && node.required.includes(options.name));
}

/**
 * The schemas that apply to the value at `at`, branches included; `undefined` where the way there
 * cannot be followed (an unresolved `$ref`, a place no schema describes).
 */
function schemasAt(options: { schema: unknown; at: string }): Array<Record<string, unknown>> | undefined {
  const reached = schemasReached(options);
  if (reached === undefined) return undefined;
  const nodes = reached.flatMap((node) => branches(node));
  return nodes.length === 0 || nodes.some((node) => typeof node.$ref === 'string') ? undefined : nodes;
}

/** The schemas `at` leads to, before their branches are opened. */
function schemasReached(options: { schema: unknown; at: string }): unknown[] | undefined {
  let reached: unknown[] = [options.schema];
  let nodes = branches(options.schema);
  const segments = options.at === '' ? [] : options.at.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const segment of segments) {
    if (nodes.some((node) => typeof node.$ref === 'string')) return undefined;
    const next: unknown[] = [];
    for (const node of nodes) {
      if (isRecord(node.properties) && Object.hasOwn(node.properties, segment)) next.push(node.properties[segment]);
      else if (/^\d+$/.test(segment) && node.items !== undefined) next.push(Array.isArray(node.items) ? node.items[Number(segment)] : node.items);
      else if (isRecord(node.additionalProperties)) next.push(node.additionalProperties);
      if (isRecord(node.patternProperties)) next.push(...Object.values(node.patternProperties));
    }
    reached = next;
    nodes = next.flatMap((node) => branches(node));
    if (nodes.length === 0) return undefined;
  }
  return reached;
}

/**
 * Required properties of the object at `at` that only oneOf/anyOf variants define, when no single
 * variant defines them all (`required: [Title, DocumentId]` beside `oneOf: [{ DocumentId }, { Title }]`):
 * whichever variant a value follows, it must carry a property that variant never defines. Their
 * names, or `undefined` when some variant defines them all (or the schema cannot be followed).
 */
function requiredAcrossVariants(options: { schema: unknown; at: string }): string[] | undefined {
  const reached = schemasReached(options);
  if (reached === undefined) return undefined;
  const base = reached.flatMap((node) => branches(node, ['allOf']));
  if (base.some((node) => typeof node.$ref === 'string')) return undefined;
  const groups = base.flatMap((node) => (['oneOf', 'anyOf'] as const).flatMap((key) => (Array.isArray(node[key]) ? [node[key] as unknown[]] : [])));
  if (groups.length !== 1) return undefined;
  const variants = groups[0]!.map((member) => branches(member, ['allOf']));
  if (variants.some((variant) => variant.some((node) => typeof node.$ref === 'string'))) return undefined;
  const defines = (nodes: Array<Record<string, unknown>>, name: string): boolean => nodes.some((node) => isRecord(node.properties) && Object.hasOwn(node.properties, name));
  const required = [...new Set(base.flatMap((node) => (Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === 'string') : [])))];
  const split = required.filter((name) => !defines(base, name) && variants.some((variant) => defines(variant, name)));
  if (split.length < 2 || variants.some((variant) => split.every((name) => defines(variant, name)))) return undefined;
  return split;
}

/** The schema and, recursively, its allOf/anyOf/oneOf members: every place its own properties may be declared. */
function branches(schema: unknown, keys: ReadonlyArray<'allOf' | 'anyOf' | 'oneOf'> = ['allOf', 'anyOf', 'oneOf']): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const stack: unknown[] = [schema];
  const seen = new Set<unknown>();
  while (stack.length > 0 && found.length < 1000) {
    const node = stack.pop();
    if (!isRecord(node) || seen.has(node)) continue;
    seen.add(node);
    found.push(node);
    for (const key of keys) if (Array.isArray(node[key])) stack.push(...(node[key] as unknown[]));
  }
  return found;
}
