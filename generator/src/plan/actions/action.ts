/** One selected operation → its action definition (what the runtime executes) and its action plan. */
import type { ActionDefinition, ApiBlock, AuthScheme } from '@specwire/runtime';
import type { SelectedOperation } from '../../override/types.ts';
import type { ActionPlan, ActionTypeShape } from '../types.ts';
import { filterSecurity, requireSuppliedSchemes } from '../auth.ts';
import { acceptHeaderFor, chooseSuccessResponse, isSuccessStatus, responseTypeOf } from './choose-media-type.ts';
import { checkPagination, curateActionInput, type CuratedInput, type Locate, type ResolveAction } from '../inputs/curate-input.ts';
import { planActionInput, type ActionInputPlan } from '../inputs/input-schema.ts';
import { humanLabel } from '../names.ts';
import { ownValue } from '../schemas/own-record.ts';
import { planOutputSchema } from '../schemas/output-schema.ts';
import type { SchemaTable } from '../schemas/resolve-schema.ts';
import { substituteServerDefaults } from '../servers.ts';
import { planPagination } from './pagination.ts';

export interface ActionNames {
  actionId: string;
  methodName: string;
  inputTypeName: string;
  outputTypeName: string;
}

export interface PlannedAction {
  definition: ActionDefinition;
  plan: ActionPlan;
  input: ActionInputPlan;
  /** The input after the override file's field curation (renames, hidden and fixed fields). */
  curation: CuratedInput;
}

/**
 * Only POST and PATCH need a key to be retried safely; an action's own header wins over the
 * connector-wide one.
 */
function idempotencyHeaderFor(options: { method: string; action?: string; connector?: string }): { idempotencyHeader?: string } {
  const header = options.action ?? (options.method === 'post' || options.method === 'patch' ? options.connector : undefined);
  return header ? { idempotencyHeader: header } : {};
}

function oneLine(text: string | undefined): string | undefined {
  const line = text?.replace(/\s+/g, ' ').trim();
  return line ? line : undefined;
}

export function planAction(options: {
  entry: SelectedOperation;
  names: ActionNames;
  schemas: SchemaTable;
  schemes: readonly AuthScheme[];
  /** The connector's default base URL; an operation server equal to it needs no override. */
  defaultBaseUrl: string;
  /** Override-file positions, for errors about field names. */
  locate: Locate;
  resolveAction: ResolveAction;
  /** The override file's connector-wide `retry.idempotency_header`, for POST and PATCH actions. */
  idempotencyHeader?: string;
}): PlannedAction {
  const { entry, names, schemas } = options;
  const { operation, override } = entry;
  const security = requireSuppliedSchemes({
    security: filterSecurity({ security: operation.security, schemes: options.schemes }),
    schemes: options.schemes,
    parameters: operation.parameters,
  });
  const input = planActionInput({ operation, schemas, schemes: options.schemes, security });
  const curation = curateActionInput({
    actionId: names.actionId,
    inputSchema: input.inputSchema,
    paramMapping: input.paramMapping,
    override,
    locate: options.locate,
    resolveAction: options.resolveAction,
  });
  checkPagination({ actionId: names.actionId, override, paramMapping: curation.paramMapping, locate: options.locate });
  const success = chooseSuccessResponse(operation.responses);
  const accept = success ? acceptHeaderFor(success.mediaType) : undefined;
  const hasEmptySuccess = operation.responses.some((response) => isSuccessStatus(response.status));
  const operationServer = operation.servers?.[0];
  const baseUrl = operationServer ? substituteServerDefaults(operationServer) : undefined;

  const api: ApiBlock = {
    endpoint: operation.path,
    method: operation.method.toUpperCase() as ApiBlock['method'],
    ...(baseUrl !== undefined && baseUrl !== options.defaultBaseUrl ? { baseUrl } : {}),
    headers: accept ? { Accept: accept } : {},
    paramMapping: curation.paramMapping,
    ...(input.body ? { body: input.body } : {}),
    // No success content declared: `none` when a 2XX says so, else let the runtime read JSON.
    response: success
      ? { type: responseTypeOf(success.mediaType), contentType: success.mediaType }
      : { type: hasEmptySuccess ? 'none' : 'json' },
    security,
    ...(Object.keys(curation.fixedValues).length > 0 ? { fixedValues: curation.fixedValues } : {}),
    ...(Object.keys(curation.defaultValues).length > 0 ? { defaultValues: curation.defaultValues } : {}),
    ...(override.pagination ? { pagination: planPagination(override.pagination) } : {}),
    ...idempotencyHeaderFor({ method: operation.method, action: override.retry?.idempotencyHeader, connector: options.idempotencyHeader }),
  };
  const description = override.description?.trim() || operation.description?.trim() || operation.summary?.trim() || '';
  const definition: ActionDefinition = {
    id: names.actionId,
    name: oneLine(override.name) ?? oneLine(operation.summary) ?? humanLabel(names.actionId),
    description,
    category: override.category?.trim() || operation.tags[0] || 'general',
    ...(operation.deprecated ? { deprecated: true } : {}),
    api,
    inputSchema: curation.inputSchema,
    ...(success ? { outputSchema: planOutputSchema({ schema: success.schema, schemas }) } : {}),
  };
  const bodyShape = curatedBodyShape({ input, curation });
  const typeShape: ActionTypeShape = {
    parameterLocations: input.parameterLocations.filter((location) =>
      Object.entries(input.paramMapping).some(([field, target]) => target.in === location && !curation.hidden.has(field)),
    ),
    ...(bodyShape ? { body: bodyShape } : {}),
    ...(input.renamedParameters.length > 0 ? { renamedParameters: input.renamedParameters } : {}),
    ...(success ? { output: { status: success.status, mediaType: success.mediaType } } : {}),
  };
  const summary = oneLine(override.name) ?? oneLine(operation.summary);
  const planDescription = override.description?.trim() || operation.description?.trim();
  const plan: ActionPlan = {
    ...names,
    ...(summary ? { summary } : {}),
    ...(planDescription ? { description: planDescription } : {}),
    deprecated: operation.deprecated,
    pointer: operation.pointer,
    typeShape,
  };
  return { definition, plan, input, curation };
}

/**
 * The body's type shape after curation. A curated spread body is inlined in the types document
 * with final field names (see `planTypesDocument`), so it needs no `renamed` map; a whole-body field
 * takes its final name, or disappears from the input type when hidden.
 */
function curatedBodyShape(options: { input: ActionInputPlan; curation: CuratedInput }): ActionTypeShape['body'] {
  const { input, curation } = options;
  const shape = input.bodyShape;
  if (!shape) return undefined;
  if (shape.mode === 'field') {
    const field = shape.field ?? 'body';
    if (curation.hidden.has(field)) return undefined;
    return { ...shape, field: curation.finalNames.get(field) ?? field };
  }
  if (!bodyIsCurated(options)) return shape;
  const { renamed: _renamed, ...rest } = shape;
  return rest;
}

/** Whether any spread body field was hidden, renamed or had its `required` changed. */
export function bodyIsCurated(options: { input: ActionInputPlan; curation: CuratedInput }): boolean {
  const { input, curation } = options;
  return Object.entries(input.paramMapping).some(([field, target]) => {
    if (target.in !== 'body' || target.name === undefined) return false;
    if (curation.hidden.has(field)) return true;
    const final = curation.finalNames.get(field) ?? field;
    const before = ownValue({ record: input.inputSchema, key: field })?.required;
    return final !== field || ownValue({ record: curation.inputSchema, key: final })?.required !== before;
  });
}
