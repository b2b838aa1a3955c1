/** One selected operation → its action definition (what the runtime executes) and its action plan. */
import type { ActionDefinition, ApiBlock, AuthScheme } from '@specwire/runtime';
import type { SelectedOperation } from '../override/types.ts';
import type { ActionPlan, ActionTypeShape } from './types.ts';
import { filterSecurity } from './auth.ts';
import { acceptHeaderFor, chooseSuccessResponse, isSuccessStatus, responseTypeOf } from './choose-media-type.ts';
import { planActionInput, type ActionInputPlan } from './input-schema.ts';
import { humanLabel } from './names.ts';
import { planOutputSchema } from './output-schema.ts';
import type { SchemaTable } from './resolve-schema.ts';
import { substituteServerDefaults } from './servers.ts';

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
}): PlannedAction {
  const { entry, names, schemas } = options;
  const { operation, override } = entry;
  const security = filterSecurity({ security: operation.security, schemes: options.schemes });
  const input = planActionInput({ operation, schemas, schemes: options.schemes, security });
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
    paramMapping: input.paramMapping,
    ...(input.body ? { body: input.body } : {}),
    // No success content declared: `none` when a 2XX says so, else let the runtime read JSON.
    response: success
      ? { type: responseTypeOf(success.mediaType), contentType: success.mediaType }
      : { type: hasEmptySuccess ? 'none' : 'json' },
    security,
  };
  const description = override.description?.trim() || operation.description?.trim() || operation.summary?.trim() || '';
  const definition: ActionDefinition = {
    id: names.actionId,
    name: oneLine(override.name) ?? oneLine(operation.summary) ?? humanLabel(names.actionId),
    description,
    category: override.category?.trim() || operation.tags[0] || 'general',
    ...(operation.deprecated ? { deprecated: true } : {}),
    api,
    inputSchema: input.inputSchema,
    ...(success ? { outputSchema: planOutputSchema({ schema: success.schema, schemas }) } : {}),
  };
  const typeShape: ActionTypeShape = {
    parameterLocations: input.parameterLocations,
    ...(input.bodyShape ? { body: input.bodyShape } : {}),
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
  return { definition, plan, input };
}
