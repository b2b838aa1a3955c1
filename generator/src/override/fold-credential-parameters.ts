import type { ApiIR, OperationIR, ParameterIR, SecuritySchemeIR, Warning } from '../ir/types.ts';

/**
 * Query and header parameter names that carry a credential in specs that forgot to declare a
 * security scheme, compared case-insensitively. Kept narrow on purpose: `key`, `auth` or `id`
 * name ordinary inputs often enough that folding them would hide real parameters.
 */
const CREDENTIAL_PARAMETER_NAMES = new Set([
  'api_key',
  'apikey',
  'api-key',
  'x-api-key',
  'x_api_key',
  'api_token',
  'apitoken',
  'api-token',
  'access_token',
  'accesstoken',
  'access-token',
  'x-access-token',
  'auth_token',
  'x-auth-token',
  'token',
]);

/** A string-valued parameter (no enum, no other type): a credential, not a choice or a number. */
function isCredentialParameter(parameter: ParameterIR): boolean {
  if (parameter.in !== 'query' && parameter.in !== 'header') return false;
  if (!CREDENTIAL_PARAMETER_NAMES.has(parameter.name.toLowerCase())) return false;
  const schema = parameter.schema;
  if (typeof schema !== 'object') return schema === true;
  if (schema.enum !== undefined || schema.const !== undefined) return false;
  return schema.type === undefined || schema.type === 'string';
}

/** One location of a credential: a header name matches in any case, a query name exactly. */
function locationKey(parameter: ParameterIR): string {
  return parameter.in === 'header' ? `header:${parameter.name.toLowerCase()}` : `query:${parameter.name}`;
}

/**
 * A spec with no security scheme whose operations take `api_key` (and the like) in the query or a
 * header gets an apiKey scheme per such parameter: the operations that take it require the scheme
 * (or leave it optional where the parameter is), so the planner sends it from the connection's
 * credentials, redacts it, and leaves it out of the action's inputs. Each fold is a warning naming
 * the parameter; `auth.fold_credential_parameters: false` keeps them inputs.
 */
export function foldCredentialParameters(options: { ir: ApiIR; enabled: boolean }): ApiIR {
  const { ir } = options;
  if (!options.enabled || ir.securitySchemes.length > 0) return ir;
  const schemes = new Map<string, SecuritySchemeIR>();
  const warnings: Warning[] = [];
  const usedIds = new Set<string>();
  const schemeFor = (parameter: ParameterIR): SecuritySchemeIR => {
    const key = locationKey(parameter);
    const existing = schemes.get(key);
    if (existing) return existing;
    let id = parameter.name;
    for (let counter = 2; usedIds.has(id); counter += 1) id = `${parameter.name}_${parameter.in}${counter === 2 ? '' : counter}`;
    usedIds.add(id);
    const scheme: SecuritySchemeIR = {
      name: id,
      type: 'apiKey',
      in: parameter.in === 'header' ? 'header' : 'query',
      paramName: parameter.name,
      ...(parameter.description !== undefined ? { description: parameter.description } : {}),
    };
    schemes.set(key, scheme);
    warnings.push({
      pointer: parameter.pointer,
      // The name is cut short: a warning carries no long spec text.
      message: `${parameter.in} parameter ${JSON.stringify(parameter.name.slice(0, 100))} looks like a credential and the spec declares no security scheme: it is sent as an API key from the connection's credentials (and redacted) instead of being an action input; set auth.fold_credential_parameters: false to keep it an input`,
    });
    return scheme;
  };
  const operations = ir.operations.map((operation): OperationIR => {
    const folded = operation.parameters.filter(isCredentialParameter);
    if (folded.length === 0) return operation;
    const ids = [...new Set(folded.map((parameter) => schemeFor(parameter).name))];
    const optional = folded.some((parameter) => !parameter.required);
    return { ...operation, security: optional ? [ids, []] : [ids] };
  });
  if (schemes.size === 0) return ir;
  return { ...ir, securitySchemes: [...schemes.values()], operations, warnings: [...ir.warnings, ...warnings] };
}
