/**
 * The OpenAPI 3.1 document handed to openapi-typescript: only the selected operations (operationId =
 * action id, parameters that are inputs, only the chosen request media type) and the component
 * schemas they reach. Refs stay refs (circular schemas become recursive types); a ref to nothing
 * becomes `{}` so type generation cannot fail on it.
 */
import type { ApiIR, OperationIR } from '../ir/types.ts';
import type { ActionInputPlan } from './input-schema.ts';
import { cloneJson, isPlainObject, ownValue, recordFromEntries } from './own-record.ts';
import { componentNameOfRef, lookupRef, type SchemaTable } from './resolve-schema.ts';

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
  const entries: Array<[string, unknown]> = [];
  if (typeof value.$ref === 'string') {
    const name = componentNameOfRef(value.$ref);
    if (name === undefined || lookupRef({ ref: value.$ref, schemas: state.schemas }) === undefined) return {};
    state.reached.add(name);
  }
  for (const [key, item] of Object.entries(value)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (DATA_KEYWORDS.has(key)) entries.push([key, cloneJson(item)]);
    else if (key === 'discriminator') entries.push([key, copyDiscriminator({ value: item, state })]);
    else if (NAME_MAPS.has(key) && isPlainObject(item)) {
      entries.push([key, recordFromEntries(Object.entries(item).map(([name, schema]) => [name, copySchema({ value: schema, state })]))]);
    } else entries.push([key, copySchema({ value: item, state })]);
  }
  return recordFromEntries(entries);
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

function operationObject(options: { actionId: string; operation: OperationIR; input: ActionInputPlan; state: CopyState }): Record<string, unknown> {
  const { operation, input, state } = options;
  const object: Record<string, unknown> = { operationId: options.actionId };
  if (input.parameters.length > 0) {
    object.parameters = input.parameters.map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required || parameter.in === 'path',
      schema: copySchema({ value: parameter.schema, state }),
    }));
  }
  if (operation.requestBody && input.media) {
    object.requestBody = {
      required: operation.requestBody.required,
      content: recordFromEntries([[input.media.mediaType, { schema: copySchema({ value: input.media.schema, state }) }]]),
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

export function planTypesDocument(options: {
  info: ApiIR['info'];
  schemas: SchemaTable;
  actions: ReadonlyArray<{ actionId: string; operation: OperationIR; input: ActionInputPlan }>;
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
    for (const name of pending) copied.set(name, copySchema({ value: ownValue({ record: options.schemas, key: name }), state }));
  }
  // Component order follows the spec, not discovery, so adding an action moves nothing else.
  const components = Object.keys(options.schemas)
    .filter((name) => copied.has(name))
    .map((name) => [name, copied.get(name)] as const);
  return {
    openapi: '3.1.0',
    info: { title: options.info.title, version: options.info.version },
    paths: recordFromEntries([...paths].map(([path, methods]) => [path, recordFromEntries(methods)])),
    components: { schemas: recordFromEntries(components) },
  };
}
