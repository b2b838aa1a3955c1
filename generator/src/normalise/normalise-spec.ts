import type { ApiIR, ExcludedOperationIR, OperationIR, ServerIR, Warning } from '../ir/types.ts';
import type { LoadedSpec } from '../load/index.ts';
import { childPointer, isSpecwireError, isStackOverflow, jsonPointer, nestingTooDeepError } from '../errors/index.ts';
import { isPlainRecord } from '../load/plain-record.ts';
import { createNormaliseContext, field, optionalString, recordEntries, resolveObject, warn, type NormaliseContext } from './normalise-context.ts';
import { normaliseSchema } from './normalise-schema.ts';
import { componentsField, normaliseSecurityRequirements, normaliseSecuritySchemes } from './normalise-security.ts';
import { normaliseServers, swagger2Servers } from './normalise-servers.ts';
import { mediaTypeList, normaliseOperation, type OperationDefaults } from './normalise-operation.ts';
import { normaliseWebhooks } from './normalise-webhooks.ts';
import { HTTP_METHODS } from './http-methods.ts';
import { attributeDegradations } from './attribute-degradations.ts';

/**
 * The loaded document → IR. Pure: reads `loaded`, never mutates it, and returns the same IR for the
 * same input. `ir.warnings` holds this stage's warnings only (the load stage's stay on `loaded`).
 */
export function normaliseSpec(loaded: LoadedSpec): ApiIR {
  try {
    return normaliseSpecUnguarded(loaded);
  } catch (error) {
    // Schemas are normalised recursively; a raised --max-depth can outgrow the stack.
    if (isStackOverflow(error)) throw nestingTooDeepError({ file: loaded.file, stage: 'normalise' });
    throw error;
  }
}

function normaliseSpecUnguarded(loaded: LoadedSpec): ApiIR {
  const context = createNormaliseContext(loaded);
  const swagger2 = context.version === '2.0';
  const schemaContainer = swagger2 ? field(context.document, 'definitions') : componentsField(context, 'schemas');
  const schemaBase = swagger2 ? jsonPointer('definitions') : jsonPointer('components', 'schemas');
  const componentSchemas = recordEntries(schemaContainer);
  for (const [name] of componentSchemas) context.schemaNames.add(name);
  for (const [name, schema] of componentSchemas) {
    context.schemas.push([name, normaliseSchema({ context, schema, pointer: childPointer(schemaBase, name) })]);
  }

  const servers = swagger2 ? swagger2Servers(context) : normaliseServers({ context, value: field(context.document, 'servers'), pointer: '/servers' });
  const securitySchemes = normaliseSecuritySchemes(context);
  const rawSecurity = field(context.document, 'security');
  const defaults: OperationDefaults = {
    knownSchemes: new Set(securitySchemes.map((scheme) => scheme.name)),
    security: [],
    consumes: mediaTypeList(field(context.document, 'consumes')) ?? ['application/json'],
    produces: mediaTypeList(field(context.document, 'produces')) ?? ['application/json'],
  };
  if (rawSecurity !== undefined) {
    defaults.security = normaliseSecurityRequirements({ context, value: rawSecurity, pointer: '/security', known: defaults.knownSchemes });
  }

  const normalised = normaliseOperations({ context, defaults });
  const webhooks = [
    ...normaliseWebhooks({ context, value: field(context.document, 'webhooks'), pointer: '/webhooks' }),
    ...normaliseWebhooks({ context, value: field(context.document, 'x-webhooks'), pointer: '/x-webhooks' }),
  ];
  drainHoistQueue(context);
  const info = normaliseInfo(context);
  const schemas = Object.fromEntries(context.schemas);
  const warnings = sortWarnings(context.warnings);
  const degradations = [...loaded.warnings, ...warnings].filter((warning) => warning.effect === 'degraded');
  const operations = attributeDegradations({
    context,
    operations: normalised.operations,
    sources: normalised.sources,
    schemas,
    schemaBase,
    degradations,
  });

  return {
    specVersion: context.version,
    info,
    servers,
    securitySchemes,
    operations,
    schemas,
    webhooks,
    warnings,
    ...(degradations.length > 0 ? { degradations } : {}),
    ...(normalised.excluded.length > 0 ? { excludedOperations: normalised.excluded } : {}),
  };
}

interface NormalisedOperations {
  operations: OperationIR[];
  excluded: ExcludedOperationIR[];
  /** Per operation: pointers of what it is made of besides its own subtree (ref targets). */
  sources: Map<OperationIR, Set<string>>;
}

function normaliseOperations(options: { context: NormaliseContext; defaults: OperationDefaults }): NormalisedOperations {
  const { context, defaults } = options;
  const operations: OperationIR[] = [];
  const excluded: ExcludedOperationIR[] = [];
  const sources = new Map<OperationIR, Set<string>>();
  for (const [path, rawItem] of recordEntries(field(context.document, 'paths'))) {
    if (path.startsWith('x-')) continue;
    const listedPointer = jsonPointer('paths', path);
    const resolved = resolveObject({ context, value: rawItem, pointer: listedPointer });
    if (resolved === undefined) continue;
    const pathItem = resolved.value;
    const pathServersValue = field(pathItem, 'servers');
    const pathServers: ServerIR[] | undefined =
      pathServersValue === undefined ? undefined : normaliseServers({ context, value: pathServersValue, pointer: childPointer(resolved.pointer, 'servers') });
    for (const method of HTTP_METHODS) {
      const operation = field(pathItem, method);
      if (operation === undefined) continue;
      const pointer = childPointer(listedPointer, method);
      if (!isPlainRecord(operation)) {
        excludeOperation({ context, excluded, operation: { pointer, method, path, reason: 'the operation is not an object' } });
        continue;
      }
      context.followedPointers = new Set([childPointer(resolved.pointer, method)]);
      try {
        const normalised = normaliseOperation({ context, path, method, operation, pathItem, pathItemPointer: resolved.pointer, pointer, pathServers, defaults });
        operations.push(normalised);
        sources.set(normalised, context.followedPointers);
      } catch (error) {
        // One operation the spec gets wrong costs that operation, never the connector.
        if (!isSpecwireError(error)) throw error;
        const operationId = field(operation, 'operationId');
        excludeOperation({
          context,
          excluded,
          operation: { pointer, method, path, reason: `${error.message} (at ${error.pointer ?? pointer})`, ...(typeof operationId === 'string' && operationId !== '' ? { operationId } : {}) },
        });
      } finally {
        context.followedPointers = undefined;
      }
    }
  }
  return { operations, excluded, sources };
}

function excludeOperation(options: { context: NormaliseContext; excluded: ExcludedOperationIR[]; operation: ExcludedOperationIR }): void {
  const { operation } = options;
  options.excluded.push(operation);
  options.context.warnings.push({ pointer: operation.pointer, message: `operation left out: ${operation.reason}`, effect: 'excluded' });
}

/** Normalises hoisted schemas; each may hoist more, and a name is only ever queued once. */
function drainHoistQueue(context: NormaliseContext): void {
  for (let next = context.hoistQueue.shift(); next !== undefined; next = context.hoistQueue.shift()) {
    context.schemas.push([next.name, normaliseSchema({ context, schema: next.source, pointer: next.pointer })]);
  }
}

function normaliseInfo(context: NormaliseContext): ApiIR['info'] {
  const info = isPlainRecord(context.document.info) ? context.document.info : {};
  const title = optionalString(field(info, 'title'));
  const rawVersion = field(info, 'version');
  if (title === undefined) warn(context, '/info/title', 'the API has no title');
  const result: ApiIR['info'] = {
    title: title ?? '',
    version: typeof rawVersion === 'string' || typeof rawVersion === 'number' ? String(rawVersion) : '',
  };
  const description = optionalString(field(info, 'description'));
  const termsOfService = optionalString(field(info, 'termsOfService'));
  if (description !== undefined) result.description = description;
  if (termsOfService !== undefined) result.termsOfService = termsOfService;
  const license = normaliseLicense(field(info, 'license'));
  if (license !== undefined) result.license = license;
  return result;
}

/** `info.license`: `name` (2.0, 3.x), `url`, and the SPDX `identifier` of 3.1. */
function normaliseLicense(value: unknown): ApiIR['info']['license'] {
  if (!isPlainRecord(value)) return undefined;
  const license: NonNullable<ApiIR['info']['license']> = {};
  for (const key of ['name', 'identifier', 'url'] as const) {
    const text = optionalString(field(value, key));
    if (text !== undefined && text.trim() !== '') license[key] = text.trim();
  }
  return Object.keys(license).length > 0 ? license : undefined;
}

function sortWarnings(warnings: Warning[]): Warning[] {
  const unique = new Map<string, Warning>();
  for (const warning of warnings) unique.set(`${warning.pointer}\u0000${warning.message}`, warning);
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, warning]) => warning);
}
