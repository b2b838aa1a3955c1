import type { ApiIR, OAuthFlowIR, SecuritySchemeIR } from '../ir/types.ts';
import { didYouMean } from './did-you-mean.ts';
import type { OAuth2Settings } from './file-types.ts';

type Fail = (message: string, path: Array<string | number>) => never;

/**
 * `auth.oauth2.<scheme>`: URLs and scopes for an oauth2 scheme. URLs replace the spec's on every
 * flow; `scopes` narrows the requested scopes, and each must be one the spec lists (when it lists any).
 */
export function applyOAuth2Settings(options: { ir: ApiIR; settings: Record<string, OAuth2Settings> | undefined; fail: Fail }): ApiIR {
  const { ir, settings, fail } = options;
  if (!settings || Object.keys(settings).length === 0) return ir;
  const oauthNames = ir.securitySchemes.filter((scheme) => scheme.type === 'oauth2').map((scheme) => scheme.name);
  for (const name of Object.keys(settings)) {
    const scheme = ir.securitySchemes.find((candidate) => candidate.name === name);
    if (!scheme) {
      fail(`auth.oauth2 "${name}" is not a security scheme${didYouMean({ name, candidates: oauthNames })}`, ['auth', 'oauth2', name]);
    } else if (scheme.type !== 'oauth2') {
      fail(`auth.oauth2 "${name}" is a ${scheme.type} scheme, not oauth2${oauthNames.length > 0 ? ` (oauth2 schemes: ${oauthNames.join(', ')})` : ''}`, ['auth', 'oauth2', name]);
    }
  }
  return {
    ...ir,
    securitySchemes: ir.securitySchemes.map((scheme) => {
      const setting = Object.hasOwn(settings, scheme.name) ? settings[scheme.name] : undefined;
      if (!setting || scheme.type !== 'oauth2') return scheme;
      return { ...scheme, flows: applyToFlows({ scheme, setting, fail }) } satisfies SecuritySchemeIR;
    }),
  };
}

function applyToFlows(options: { scheme: Extract<SecuritySchemeIR, { type: 'oauth2' }>; setting: OAuth2Settings; fail: Fail }): OAuthFlowIR[] {
  const { scheme, setting, fail } = options;
  const known = new Set(scheme.flows.flatMap((flow) => Object.keys(flow.scopes)));
  (setting.scopes ?? []).forEach((scope, index) => {
    if (known.size > 0 && !known.has(scope)) {
      fail(`auth.oauth2.${scheme.name}: scope "${scope}" is not offered by the spec${didYouMean({ name: scope, candidates: known })}`, ['auth', 'oauth2', scheme.name, 'scopes', index]);
    }
  });
  const flows: OAuthFlowIR[] = scheme.flows.length > 0 ? scheme.flows : [{ flow: 'authorizationCode', scopes: {} }];
  return flows.map((flow) => ({
    ...flow,
    ...(setting.authorization_url !== undefined ? { authorizationUrl: setting.authorization_url } : {}),
    ...(setting.token_url !== undefined ? { tokenUrl: setting.token_url } : {}),
    ...(setting.refresh_url !== undefined ? { refreshUrl: setting.refresh_url } : {}),
    ...(setting.scopes !== undefined
      ? { scopes: Object.fromEntries(setting.scopes.map((scope) => [scope, Object.hasOwn(flow.scopes, scope) ? (flow.scopes[scope] ?? '') : ''])) }
      : {}),
  }));
}
