import type { HttpMethod, OperationIR, ParameterIR, RequestBodyIR, ServerIR } from '../ir/types.ts';
import { childPointer, SpecwireError } from '../errors/index.ts';
import type { PlainRecord } from '../load/plain-record.ts';
import { field, optionalString, warn, type NormaliseContext } from './normalise-context.ts';
import { mergeParameterLists } from './merge-parameter-lists.ts';
import { normaliseParameter } from './normalise-parameter.ts';
import { normaliseSwagger2Parameters } from './swagger2-parameters.ts';
import { normaliseRequestBody } from './normalise-request-body.ts';
import { normaliseResponses } from './normalise-responses.ts';
import { normaliseSecurityRequirements } from './normalise-security.ts';
import { normaliseServers } from './normalise-servers.ts';
import { normaliseCallbacks } from './normalise-webhooks.ts';
import { reconcilePathParameters } from './path-placeholders.ts';

/** Document-wide values an operation falls back on. */
export interface OperationDefaults {
  security: string[][];
  knownSchemes: Set<string>;
  /** 2.0 `consumes` / `produces` of the document. */
  consumes: string[];
  produces: string[];
}

/** Methods the Fetch standard forbids (it throws before sending): such an action could never run. */
const UNSENDABLE_METHODS: ReadonlySet<HttpMethod> = new Set(['trace']);

export function normaliseOperation(options: {
  context: NormaliseContext;
  path: string;
  method: HttpMethod;
  operation: PlainRecord;
  /** The (resolved) path item the operation belongs to. */
  pathItem: PlainRecord;
  /** Pointer of the resolved path item (where its parameters live). */
  pathItemPointer: string;
  /** Pointer of the operation as listed under `paths`. */
  pointer: string;
  /** Servers declared on the path item, if any. */
  pathServers: ServerIR[] | undefined;
  defaults: OperationDefaults;
}): OperationIR {
  const { context, path, method, operation, defaults } = options;
  if (UNSENDABLE_METHODS.has(method)) {
    throw new SpecwireError(`${method.toUpperCase()} cannot be sent by fetch, which the runtime sends requests with`, { file: context.file, pointer: options.pointer });
  }
  const operationPointer = childPointer(options.pathItemPointer, method);
  const merged = mergeParameterLists({
    context,
    pathLevel: field(options.pathItem, 'parameters'),
    pathPointer: childPointer(options.pathItemPointer, 'parameters'),
    operationLevel: field(operation, 'parameters'),
    operationPointer: childPointer(operationPointer, 'parameters'),
  });

  let parameters: ParameterIR[];
  let requestBody: RequestBodyIR | undefined;
  if (context.version === '2.0') {
    const converted = normaliseSwagger2Parameters({
      context,
      parameters: merged,
      consumes: mediaTypeList(field(operation, 'consumes')) ?? defaults.consumes,
    });
    parameters = converted.parameters;
    requestBody = converted.requestBody;
  } else {
    parameters = merged.map((parameter) => normaliseParameter({ context, parameter })).filter((parameter): parameter is ParameterIR => parameter !== undefined);
    const rawBody = field(operation, 'requestBody');
    if (rawBody !== undefined) requestBody = normaliseRequestBody({ context, value: rawBody, pointer: childPointer(operationPointer, 'requestBody') });
  }
  parameters = reconcilePathParameters({ context, path, operationPointer: options.pointer, parameters });

  const rawSecurity = field(operation, 'security');
  const result: OperationIR = {
    pointer: options.pointer,
    method,
    path,
    tags: stringList(field(operation, 'tags')),
    deprecated: field(operation, 'deprecated') === true,
    parameters,
    responses: normaliseResponses({
      context,
      value: field(operation, 'responses'),
      pointer: childPointer(operationPointer, 'responses'),
      produces: mediaTypeList(field(operation, 'produces')) ?? defaults.produces,
    }),
    security:
      rawSecurity === undefined
        ? defaults.security
        : normaliseSecurityRequirements({ context, value: rawSecurity, pointer: childPointer(operationPointer, 'security'), known: defaults.knownSchemes }),
    callbacks: normaliseCallbacks({ context, value: field(operation, 'callbacks'), pointer: childPointer(operationPointer, 'callbacks') }),
    extensions: Object.fromEntries(Object.entries(operation).filter(([key]) => key.startsWith('x-'))),
  };
  const operationId = field(operation, 'operationId');
  if (typeof operationId === 'string' && operationId !== '') result.operationId = operationId;
  else if (operationId !== undefined) warn(context, childPointer(operationPointer, 'operationId'), 'operationId is not a non-empty string; ignored');
  const summary = optionalString(field(operation, 'summary'));
  const description = optionalString(field(operation, 'description'));
  if (summary !== undefined) result.summary = summary;
  if (description !== undefined) result.description = description;
  if (requestBody !== undefined) result.requestBody = requestBody;
  const servers = field(operation, 'servers') !== undefined
    ? normaliseServers({ context, value: field(operation, 'servers'), pointer: childPointer(operationPointer, 'servers') })
    : options.pathServers;
  if (servers !== undefined && servers.length > 0) result.servers = servers;
  return result;
}

/** A 2.0 `consumes`/`produces` list, or undefined when absent (so the document's applies). */
export function mediaTypeList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((item): item is string => typeof item === 'string');
  return list.length > 0 ? list : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
