import type { ApiIR, SecuritySchemeIR } from '../ir/types.ts';
import type { DefinedScheme } from './file-types.ts';

type Fail = (message: string, path: Array<string | number>) => never;

/**
 * Adds the override file's `auth.define` schemes to the IR. Operations that require no auth get the
 * new schemes as alternatives, which is what a spec that forgot to declare its auth means.
 */
export function defineSchemes(options: { ir: ApiIR; define: Record<string, DefinedScheme> | undefined; fail: Fail }): ApiIR {
  const { ir, define, fail } = options;
  if (!define || Object.keys(define).length === 0) return ir;
  const added: SecuritySchemeIR[] = Object.entries(define).map(([name, scheme]) => {
    if (ir.securitySchemes.some((existing) => existing.name === name)) {
      fail(`auth.define "${name}" is already a security scheme of the spec`, ['auth', 'define', name]);
    }
    return toSchemeIR({ name, scheme, fail });
  });
  const alternatives = added.map((scheme) => [scheme.name]);
  return {
    ...ir,
    securitySchemes: [...ir.securitySchemes, ...added],
    operations: ir.operations.map((operation) =>
      operation.security.length === 0 ? { ...operation, security: alternatives } : operation,
    ),
  };
}

function toSchemeIR(options: { name: string; scheme: DefinedScheme; fail: Fail }): SecuritySchemeIR {
  const { name, scheme, fail } = options;
  const at = ['auth', 'define', name];
  switch (scheme.type) {
    case 'apiKey':
      if (!scheme.in || !scheme.name) fail(`auth.define "${name}": an apiKey scheme needs "in" and "name"`, at);
      return { name, type: 'apiKey', in: scheme.in!, paramName: scheme.name!, description: scheme.description };
    case 'http':
      if (!scheme.scheme) fail(`auth.define "${name}": an http scheme needs "scheme" (bearer or basic)`, at);
      return { name, type: 'http', scheme: scheme.scheme!, description: scheme.description };
    case 'oauth2':
      return {
        name,
        type: 'oauth2',
        description: scheme.description,
        flows: [
          {
            flow: 'authorizationCode',
            authorizationUrl: scheme.authorization_url,
            tokenUrl: scheme.token_url,
            scopes: Object.fromEntries((scheme.scopes ?? []).map((scope) => [scope, ''])),
          },
        ],
      };
  }
}
