/**
 * The OpenAPI 3.1 document handed to openapi-typescript: only the selected operations (operationId =
 * action id, parameters that are inputs, only the chosen request media type) and the component
 * schemas they reach. Refs stay refs (circular schemas become recursive types); a ref to nothing
 * becomes `{}` so type generation cannot fail on it.
 */
import type { ApiIR, OperationIR } from '../../ir/types.ts';
import { bodyIsCurated } from '../actions/action.ts';
import type { CuratedInput } from '../inputs/curate-input.ts';
import type { ActionInputPlan } from '../inputs/input-schema.ts';
import { cloneJson, isPlainObject, ownValue, recordFromEntries, setOwn } from '../schemas/own-record.ts';
import { componentNameOfRef, lookupRef, resolveSchema, type SchemaTable } from '../schemas/resolve-schema.ts';
import { cutEagerRefCycles } from '../schemas/cut-eager-ref-cycles.ts';

/** Keywords whose value maps names to schemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is data (copied verbatim, never read as schema). */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'required', 'type']);
/** Example values only lengthen the generated JSDoc. */
const DROPPED_KEYWORDS = new Set(['example', 'examples']);

interface CopyState {
  schemas: SchemaTable;
  /** Component names met while copying, for the reachability walk. */
  reached: Set<string>;
}

function copySchema(options: { value: unknown; state: CopyState }): unknown {
  const { value, state } = options;
  if (Array.isArray(value)) return value.map((item) => copySchema({ value: item, state }));
  if (!isPlainObject(value)) return value;
  if (typeof value.$ref === 'string') {
    const name = componentNameOfRef(value.$ref);
    if (name === undefined || lookupRef({ ref: value.$ref, schemas: state.schemas }) === undefined) return {};
    state.reached.add(name);
  }
  // Built in place, key by key (every reached component is copied, so this is most of planning's work).
  const copy: { [key: string]: unknown } = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    // `x-*` values are vendor data that may hold `$ref`s openapi-typescript would follow (a ref to
    // the enclosing schema there overflows its stack); no type depends on them.
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (DATA_KEYWORDS.has(key)) setOwn(copy, key, cloneJson(item));
    else if (key === 'discriminator') setOwn(copy, key, copyDiscriminator({ value: item, state }));
    else if (key === 'properties' && isPlainObject(item)) {
      const properties: { [name: string]: unknown } = {};
      for (const name of Object.keys(item)) setOwn(properties, name, withReadOnlyHoisted(copySchema({ value: item[name], state })));
      setOwn(copy, key, properties);
    } else if (NAME_MAPS.has(key) && isPlainObject(item)) {
      const map: { [name: string]: unknown } = {};
      for (const name of Object.keys(item)) setOwn(map, name, copySchema({ value: item[name], state }));
      setOwn(copy, key, map);
    } else setOwn(copy, key, copySchema({ value: item, state }));
  }
  return copy;
}

/**
 * `readOnly` written in an `allOf` member (`allOf: [$ref, {readOnly: true}]`) is lifted onto the
 * property itself, where openapi-typescript reads it (and input types make the property optional).
 */
function withReadOnlyHoisted(schema: unknown): unknown {
  if (!isPlainObject(schema) || schema.readOnly !== undefined || !Array.isArray(schema.allOf)) return schema;
  return schema.allOf.some((member) => isPlainObject(member) && member.readOnly === true) ? { ...schema, readOnly: true } : schema;
}

/**
 * A discriminator is data, but its mapping values are refs: the schemas they name must be copied
 * too, and a mapping entry that names nothing is dropped so type generation cannot fail on it.
 */
function copyDiscriminator(options: { value: unknown; state: CopyState }): unknown {
  const { value, state } = options;
  if (!isPlainObject(value) || !isPlainObject(value.mapping)) return cloneJson(value);
  const mapping: Array<[string, unknown]> = [];
  for (const [tag, ref] of Object.entries(value.mapping)) {
    const name = typeof ref === 'string' ? componentNameOfRef(ref) : undefined;
    if (name === undefined || lookupRef({ ref: ref as string, schemas: state.schemas }) === undefined) continue;
    state.reached.add(name);
    mapping.push([tag, ref]);
  }
  return recordFromEntries([...Object.entries(cloneJson(value) as Record<string, unknown>).filter(([key]) => key !== 'mapping'), ['mapping', recordFromEntries(mapping)]]);
}

function operationObject(options: {
  actionId: string;
  operation: OperationIR;
  input: ActionInputPlan;
  curation?: CuratedInput;
  state: CopyState;
}): Record<string, unknown> {
  const { operation, input, curation, state } = options;
  const object: Record<string, unknown> = { operationId: options.actionId };
  // Parameters are named by their input field (a rename or a `header_id` stays in step with the
  // input type); hidden ones are not inputs, so they are left out.
  const fieldOf = (parameter: ActionInputPlan['parameters'][number]): string =>
    Object.entries(input.paramMapping).find(([, target]) => target.in === parameter.in && target.name === parameter.name)?.[0] ?? parameter.name;
  const parameters = input.parameters.filter((parameter) => !curation?.hidden.has(fieldOf(parameter)));
  if (parameters.length > 0) {
    object.parameters = parameters.map((parameter) => ({
      name: curation?.finalNames.get(fieldOf(parameter)) ?? fieldOf(parameter),
      in: parameter.in,
      required: parameter.in === 'path' || (curatedRequired({ curation, field: fieldOf(parameter) }) ?? parameter.required),
      schema: copySchema({ value: parameter.schema, state }),
    }));
  }
  if (operation.requestBody && input.media) {
    const schema = curation && input.bodyShape?.mode === 'spread' ? curatedBodySchema({ input, curation, state }) : undefined;
    object.requestBody = {
      required: operation.requestBody.required,
      content: recordFromEntries([[input.media.mediaType, { schema: schema ?? copySchema({ value: input.media.schema, state }) }]]),
    };
  }
  object.responses = recordFromEntries(
    operation.responses.map((response) => [
      response.status,
      {
        description: response.description ?? '',
        ...(response.contents.length > 0
          ? {
              content: recordFromEntries(
                response.contents.map((content) => [content.mediaType, { schema: copySchema({ value: content.schema, state }) }]),
              ),
            }
          : {}),
      },
    ]),
  );
  return object;
}

/** Whether the curated input field is required (undefined when it is not an input). */
function curatedRequired(options: { curation: CuratedInput | undefined; field: string }): boolean | undefined {
  const { curation, field } = options;
  if (!curation) return undefined;
  const final = curation.finalNames.get(field) ?? field;
  const curatedField = ownValue({ record: curation.inputSchema, key: final });
  return curatedField === undefined ? undefined : curatedField.required === true;
}

/**
 * A spread body with hidden or renamed fields, inlined one level with the final field names as
 * property names (deeper schemas stay refs). Undefined when nothing in the body was curated.
 */
function curatedBodySchema(options: { input: ActionInputPlan; curation: CuratedInput; state: CopyState }): Record<string, unknown> | undefined {
  const { input, curation, state } = options;
  const bodyFields = Object.entries(input.paramMapping).flatMap(([field, target]) =>
    target.in === 'body' && target.name !== undefined ? [[target.name, field] as const] : [],
  );
  const curated = bodyIsCurated({ input, curation });
  if (!curated || !input.media) return undefined;
  const resolved = resolveSchema({ schema: input.media.schema, schemas: state.schemas, stack: [] }).schema;
  const properties = isPlainObject(resolved.properties) ? resolved.properties : {};
  const required = new Set(Array.isArray(resolved.required) ? resolved.required : []);
  const kept: Array<[string, unknown]> = [];
  const keptRequired: string[] = [];
  for (const [property, field] of bodyFields) {
    if (curation.hidden.has(field)) continue;
    const name = curation.finalNames.get(field) ?? field;
    kept.push([name, copySchema({ value: ownValue({ record: properties, key: property }) ?? {}, state })]);
    if (curatedRequired({ curation, field }) ?? required.has(property)) keptRequired.push(name);
  }
  return { type: 'object', properties: recordFromEntries(kept), ...(keptRequired.length > 0 ? { required: keptRequired } : {}) };
}

export function planTypesDocument(options: {
  info: ApiIR['info'];
  schemas: SchemaTable;
  actions: ReadonlyArray<{ actionId: string; operation: OperationIR; input: ActionInputPlan; curation?: CuratedInput }>;
}): Record<string, unknown> {
  const state: CopyState = { schemas: options.schemas, reached: new Set() };
  const paths = new Map<string, Array<[string, Record<string, unknown>]>>();
  for (const action of options.actions) {
    const methods = paths.get(action.operation.path) ?? [];
    methods.push([action.operation.method, operationObject({ ...action, state })]);
    paths.set(action.operation.path, methods);
  }
  const copied = new Map<string, unknown>();
  for (let pending = [...state.reached]; pending.length > 0; pending = [...state.reached].filter((name) => !copied.has(name))) {
    for (const name of pending) {
      const copy = copySchema({ value: ownValue({ record: options.schemas, key: name }), state });
      copied.set(name, withoutTwinDiscriminatorProperty({ schema: copy, schemas: options.schemas }));
    }
  }
  // Component order follows the spec, not discovery, so adding an action moves nothing else.
  const components = Object.keys(options.schemas)
    .filter((name) => copied.has(name))
    .map((name) => [name, copied.get(name)] as const);
  return {
    openapi: '3.1.0',
    info: { title: options.info.title, version: options.info.version },
    paths: recordFromEntries([...paths].map(([path, methods]) => [path, recordFromEntries(methods)])),
    components: { schemas: withoutEagerCycles(recordFromEntries(components)) },
  };
}

/**
 * openapi-typescript gives a component that extends a discriminated base (`allOf`/`anyOf: [$ref]`)
 * its own tag property (`class: "Child"`); when the component also declares that property itself,
 * both land in one object type and tsc refuses the duplicate (TS2300). The component's own
 * declaration moves into an `allOf` member of its own, where the two meet as an intersection.
 */
function withoutTwinDiscriminatorProperty(options: { schema: unknown; schemas: SchemaTable }): unknown {
  const { schema } = options;
  if (!isPlainObject(schema) || schema.discriminator !== undefined || !isPlainObject(schema.properties)) return schema;
  const properties = schema.properties;
  const tags = new Set<string>();
  for (const keyword of ['allOf', 'anyOf']) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      if (!isPlainObject(member) || typeof member.$ref !== 'string') continue;
      const base = lookupRef({ ref: member.$ref, schemas: options.schemas });
      const discriminator = isPlainObject(base) ? base.discriminator : undefined;
      if (isPlainObject(discriminator) && typeof discriminator.propertyName === 'string' && Object.hasOwn(properties, discriminator.propertyName)) {
        tags.add(discriminator.propertyName);
      }
    }
  }
  if (tags.size === 0) return schema;
  const required = Array.isArray(schema.required) ? schema.required : [];
  const own = recordFromEntries([...tags].map((tag) => [tag, properties[tag]]));
  const ownRequired = required.filter((name) => typeof name === 'string' && tags.has(name));
  const member = { type: 'object', properties: own, ...(ownRequired.length > 0 ? { required: ownRequired } : {}) };
  const rest = recordFromEntries(Object.entries(properties).filter(([name]) => !tags.has(name)));
  const allOf = Array.isArray(schema.allOf) ? [...schema.allOf, member] : [member];
  return { ...schema, properties: rest, allOf };
}

function withoutEagerCycles(schemas: Record<string, unknown>): Record<string, unknown> {
  cutEagerRefCycles(schemas);
  return schemas;
}
