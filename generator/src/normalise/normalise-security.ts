import type { OAuthFlowIR, SecuritySchemeIR } from '../ir/types.ts';
import { childPointer, jsonPointer } from '../errors/index.ts';
import { isPlainRecord, type PlainRecord } from '../load/plain-record.ts';
import { field, optionalString, recordEntries, resolveObject, warn, type NormaliseContext } from './normalise-context.ts';

const SWAGGER2_FLOWS: Record<string, OAuthFlowIR['flow']> = {
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
  accessCode: 'authorizationCode',
};
const OAS3_FLOWS = new Set<string>(['implicit', 'password', 'clientCredentials', 'authorizationCode']);

/** Security schemes from 3.x `components.securitySchemes` or 2.0 `securityDefinitions`, in key order. */
export function normaliseSecuritySchemes(context: NormaliseContext): SecuritySchemeIR[] {
  const swagger2 = context.version === '2.0';
  const base = swagger2 ? jsonPointer('securityDefinitions') : jsonPointer('components', 'securitySchemes');
  const container = swagger2 ? field(context.document, 'securityDefinitions') : componentsField(context, 'securitySchemes');
  const schemes: SecuritySchemeIR[] = [];
  for (const [name, raw] of recordEntries(container)) {
    const resolved = resolveObject({ context, value: raw, pointer: childPointer(base, name) });
    if (resolved === undefined) continue;
    const scheme = normaliseScheme({ context, name, scheme: resolved.value, pointer: resolved.pointer });
    if (scheme !== undefined) schemes.push(scheme);
  }
  return schemes;
}

export function componentsField(context: NormaliseContext, key: string): unknown {
  const components = field(context.document, 'components');
  return isPlainRecord(components) ? field(components, key) : undefined;
}

function normaliseScheme(options: { context: NormaliseContext; name: string; scheme: PlainRecord; pointer: string }): SecuritySchemeIR | undefined {
  const { context, name, scheme, pointer } = options;
  const type = field(scheme, 'type');
  const description = optionalString(field(scheme, 'description'));
  const withDescription = <T extends SecuritySchemeIR>(value: T): T => (description === undefined ? value : { ...value, description });
  if (type === 'apiKey') {
    const location = field(scheme, 'in');
    const paramName = field(scheme, 'name');
    if ((location !== 'header' && location !== 'query' && location !== 'cookie') || typeof paramName !== 'string') {
      warn(context, pointer, 'apiKey scheme needs "in" (header, query or cookie) and "name"; ignored');
      return undefined;
    }
    return withDescription({ name, type: 'apiKey', in: location, paramName });
  }
  if (type === 'basic') return withDescription({ name, type: 'http', scheme: 'basic' });
  if (type === 'http') {
    const httpScheme = optionalString(field(scheme, 'scheme'));
    if (httpScheme === undefined) {
      warn(context, pointer, 'http scheme without "scheme"; ignored');
      return undefined;
    }
    const result: SecuritySchemeIR = { name, type: 'http', scheme: httpScheme.toLowerCase() };
    const bearerFormat = optionalString(field(scheme, 'bearerFormat'));
    if (bearerFormat !== undefined) result.bearerFormat = bearerFormat;
    return withDescription(result);
  }
  if (type === 'oauth2') {
    const flows = context.version === '2.0' ? [swagger2Flow({ context, scheme, pointer })] : oas3Flows({ context, scheme, pointer });
    return withDescription({ name, type: 'oauth2', flows: flows.filter((flow): flow is OAuthFlowIR => flow !== undefined) });
  }
  if (type === 'openIdConnect') {
    const url = optionalString(field(scheme, 'openIdConnectUrl'));
    if (url === undefined) {
      warn(context, pointer, 'openIdConnect scheme without "openIdConnectUrl"; ignored');
      return undefined;
    }
    return withDescription({ name, type: 'openIdConnect', openIdConnectUrl: url });
  }
  warn(context, pointer, `security scheme type ${JSON.stringify(type)} is not supported; ignored`);
  return undefined;
}

function swagger2Flow(options: { context: NormaliseContext; scheme: PlainRecord; pointer: string }): OAuthFlowIR | undefined {
  const rawFlow = field(options.scheme, 'flow');
  const flow = typeof rawFlow === 'string' && Object.hasOwn(SWAGGER2_FLOWS, rawFlow) ? SWAGGER2_FLOWS[rawFlow] : undefined;
  if (flow === undefined) {
    warn(options.context, childPointer(options.pointer, 'flow'), `unknown OAuth2 flow ${JSON.stringify(rawFlow)}; ignored`);
    return undefined;
  }
  return flowObject({ flow, value: options.scheme });
}

function oas3Flows(options: { context: NormaliseContext; scheme: PlainRecord; pointer: string }): Array<OAuthFlowIR | undefined> {
  return recordEntries(field(options.scheme, 'flows')).map(([flow, value]) => {
    if (!OAS3_FLOWS.has(flow) || !isPlainRecord(value)) {
      warn(options.context, childPointer(options.pointer, 'flows', flow), `unknown OAuth2 flow "${flow}"; ignored`);
      return undefined;
    }
    return flowObject({ flow: flow as OAuthFlowIR['flow'], value });
  });
}

function flowObject(options: { flow: OAuthFlowIR['flow']; value: PlainRecord }): OAuthFlowIR {
  const { flow, value } = options;
  const result: OAuthFlowIR = {
    flow,
    scopes: Object.fromEntries(recordEntries(field(value, 'scopes')).map(([scope, text]) => [scope, typeof text === 'string' ? text : ''])),
  };
  for (const key of ['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const) {
    const url = optionalString(field(value, key));
    if (url !== undefined) result[key] = url;
  }
  return result;
}

/**
 * A security requirement list → alternatives of scheme names. `[]` (public) stays `[]`; an empty
 * requirement `{}` stays an empty inner list, meaning "or no auth at all".
 */
export function normaliseSecurityRequirements(options: { context: NormaliseContext; value: unknown; pointer: string; known: Set<string> }): string[][] {
  const { context, value, pointer } = options;
  if (!Array.isArray(value)) {
    warn(context, pointer, '"security" is not an array; ignored');
    return [];
  }
  return value.map((requirement, index) => {
    const names = recordEntries(requirement).map(([name]) => name);
    for (const name of names) {
      if (!options.known.has(name)) warn(context, childPointer(pointer, index), `security requirement names undeclared scheme "${name}"`);
    }
    return names;
  });
}
