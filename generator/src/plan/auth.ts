/**
 * Auth: which of the offered security schemes the runtime can apply, the credential key each one
 * reads, the connection form's fields, and the definition's `auth_type`.
 */
import type { AuthField, AuthScheme, AuthType, OAuthConfig } from '@specwire/runtime';
import type { OAuthFlowIR, SecuritySchemeIR } from '../ir/types.ts';
import type { CuratedApi } from '../override/types.ts';
import { humanLabel, toCamelCase } from './names.ts';
import { ownValue } from './schemas/own-record.ts';

export interface AuthPlan {
  authType: AuthType;
  /** Executable schemes, in the order offered. */
  schemes: AuthScheme[];
  fields: AuthField[];
  oauthConfig?: OAuthConfig;
}

/** An HTTP auth-scheme token (RFC 7235); anything else is not put in a header. */
const HTTP_AUTH_SCHEME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** HTTP schemes that need a challenge/response the runtime does not do. */
const UNSUPPORTED_HTTP_SCHEMES = new Set(['digest', 'negotiate', 'ntlm', 'mutual', 'hoba', 'vapid', 'scram-sha-1', 'scram-sha-256']);

const DEFAULT_LABELS: Record<string, string> = {
  apiKey: 'API Key',
  accessToken: 'Access Token',
  username: 'Username',
  password: 'Password',
  clientId: 'Client ID',
  clientSecret: 'Client Secret',
  refreshToken: 'Refresh Token',
  expiresAt: 'Access Token Expiry',
};

/** The OAuth2 keys besides the access token (the runtime's defaults), with what each one is for. */
const OAUTH2_CLIENT_FIELDS: ReadonlyArray<{ key: string; type: AuthField['type']; description: string }> = [
  { key: 'clientId', type: 'string', description: 'Client id of the OAuth2 app registered with the provider.' },
  { key: 'clientSecret', type: 'password', description: 'Client secret of the OAuth2 app (absent for a public client using PKCE).' },
  { key: 'refreshToken', type: 'password', description: 'Refresh token from the authorization; the connector renews the access token with it.' },
  { key: 'expiresAt', type: 'string', description: 'When the access token expires (epoch milliseconds or ISO date); set by the host after the authorization.' },
];

function authTypeOf(scheme: AuthScheme): AuthType {
  switch (scheme.type) {
    case 'apiKey':
      return 'api_key';
    case 'bearer':
      return 'bearer_token';
    case 'basic':
      return 'basic_auth';
    case 'oauth2':
      return 'oauth2';
  }
}

/** The flow whose URLs the host uses: the first authorizationCode flow, else the first of any kind. */
function chooseOAuthFlow(flows: readonly OAuthFlowIR[]): OAuthFlowIR | undefined {
  return flows.find((flow) => flow.flow === 'authorizationCode') ?? flows[0];
}

/**
 * Credential key of an API key scheme: the first is `apiKey`; later ones are named after the scheme
 * (`partner` → `partnerApiKey`), unique.
 */
function apiKeyCredential(options: { scheme: SecuritySchemeIR; used: Set<string> }): string {
  if (!options.used.has('apiKey')) return 'apiKey';
  const camel = toCamelCase(options.scheme.name) || 'extra';
  const base = /apikey$/i.test(camel) ? camel : `${camel}ApiKey`;
  let key = base;
  for (let counter = 2; options.used.has(key); counter += 1) key = `${base}${counter}`;
  return key;
}

/** RFC 9110 `token`: what a header field name (and a cookie name) may be. */
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function toAuthScheme(options: { scheme: SecuritySchemeIR; usedKeys: Set<string> }): AuthScheme | undefined {
  const { scheme } = options;
  switch (scheme.type) {
    case 'apiKey':
      // A header or cookie name that is not an RFC 9110 token cannot carry the key (the runtime refuses
      // such a definition): the scheme is unsupported, like an unknown HTTP scheme.
      if (scheme.in !== 'query' && !HTTP_TOKEN.test(scheme.paramName)) return undefined;
      return { id: scheme.name, type: 'apiKey', in: scheme.in, name: scheme.paramName, credential: apiKeyCredential({ scheme, used: options.usedKeys }) };
    case 'http': {
      const word = scheme.scheme.trim();
      const lower = word.toLowerCase();
      if (lower === 'basic') return { id: scheme.name, type: 'basic', usernameCredential: 'username', passwordCredential: 'password' };
      if (lower === 'bearer') return { id: scheme.name, type: 'bearer', credential: 'accessToken' };
      // Other token schemes (`Token`, `Bot`) send `Authorization: <scheme> <token>`.
      if (UNSUPPORTED_HTTP_SCHEMES.has(lower) || !HTTP_AUTH_SCHEME.test(word)) return undefined;
      return { id: scheme.name, type: 'bearer', credential: 'accessToken', scheme: word };
    }
    case 'oauth2': {
      const flow = chooseOAuthFlow(scheme.flows);
      return {
        id: scheme.name,
        type: 'oauth2',
        credential: 'accessToken',
        ...(flow?.authorizationUrl ? { authorizationUrl: flow.authorizationUrl } : {}),
        ...(flow?.tokenUrl ? { tokenUrl: flow.tokenUrl } : {}),
        scopes: flow ? Object.keys(flow.scopes) : [],
      };
    }
    case 'openIdConnect':
      // The host obtains the token through discovery; the request carries it as a bearer token.
      return { id: scheme.name, type: 'bearer', credential: 'accessToken' };
  }
}

/**
 * Two API-key schemes that put their key in the same place (`api_key` in the query, say) are one
 * credential on the wire: the later one reads the earlier one's key, so the form asks once.
 */
function withSharedCredential(options: { auth: AuthScheme; schemes: readonly AuthScheme[] }): AuthScheme {
  const { auth } = options;
  if (auth.type !== 'apiKey') return auth;
  const sameName = (name: string): boolean => (auth.in === 'query' ? name === auth.name : name.toLowerCase() === auth.name.toLowerCase());
  const twin = options.schemes.find((scheme) => scheme.type === 'apiKey' && scheme.in === auth.in && sameName(scheme.name));
  return twin?.type === 'apiKey' ? { ...auth, credential: twin.credential } : auth;
}

export function credentialKeysOf(scheme: AuthScheme): string[] {
  return scheme.type === 'basic' ? [scheme.usernameCredential, scheme.passwordCredential] : [scheme.credential];
}

/** Whether the chosen flow is client credentials: the connector fetches the access token itself. */
function isClientCredentials(scheme: Extract<AuthScheme, { type: 'oauth2' }>): boolean {
  return (scheme.flow ?? (scheme.tokenUrl !== undefined && scheme.authorizationUrl === undefined ? 'clientCredentials' : 'authorizationCode')) === 'clientCredentials';
}

/**
 * `auth_type` is the one kind all executable schemes share (`none` without any), else `multiple`.
 * Credential fields are required unless the kinds differ (then the user fills in the ones they use).
 */
export function planAuth(curated: Pick<CuratedApi, 'authSchemes' | 'authFieldText'>): AuthPlan {
  const usedKeys = new Set<string>();
  const schemes: AuthScheme[] = [];
  const descriptions = new Map<string, string | undefined>();
  const sourceNames = new Map<string, string>();
  /** Scheme ids reading each credential key, in order. */
  const readers = new Map<string, string[]>();
  const types = new Map<string, AuthField['type']>();
  /** Keys the user may leave empty even with one kind of auth (OAuth2 client fields, say). */
  const optional = new Set<string>();
  const use = (options: { key: string; schemeId: string; description?: string; sourceName: string }): void => {
    const { key } = options;
    if (!usedKeys.has(key)) {
      usedKeys.add(key);
      descriptions.set(key, options.description);
      sourceNames.set(key, options.sourceName);
    }
    const ids = readers.get(key) ?? [];
    if (!ids.includes(options.schemeId)) ids.push(options.schemeId);
    readers.set(key, ids);
  };
  for (const scheme of curated.authSchemes) {
    if (schemes.some((existing) => existing.id === scheme.name)) continue;
    const planned = toAuthScheme({ scheme, usedKeys });
    if (!planned) continue;
    const auth = withSharedCredential({ auth: planned, schemes });
    schemes.push(auth);
    for (const key of credentialKeysOf(auth)) use({ key, schemeId: auth.id, description: scheme.description, sourceName: scheme.name });
    if (auth.type === 'oauth2') {
      // The client fields are listed so a host can ask for them; with client credentials the
      // connector fetches the access token, so that is the one left optional instead.
      const clientCredentials = isClientCredentials(auth);
      if (clientCredentials) optional.add(auth.credential);
      for (const field of OAUTH2_CLIENT_FIELDS) {
        use({ key: field.key, schemeId: auth.id, description: field.description, sourceName: field.key });
        types.set(field.key, field.type);
        if (!(clientCredentials && (field.key === 'clientId' || field.key === 'clientSecret'))) optional.add(field.key);
      }
    }
  }
  const kinds = [...new Set(schemes.map(authTypeOf))];
  const authType: AuthType = kinds.length === 0 ? 'none' : kinds.length === 1 && kinds[0] ? kinds[0] : 'multiple';
  const fields: AuthField[] = [...usedKeys].map((key) => {
    const text = ownValue({ record: curated.authFieldText, key }) ?? {};
    const label = text.label ?? ownValue({ record: DEFAULT_LABELS, key }) ?? humanLabel(sourceNames.get(key) ?? key);
    const description = text.description ?? descriptions.get(key);
    return {
      key,
      label,
      type: types.get(key) ?? (key === 'username' ? 'string' : 'password'),
      required: authType !== 'multiple' && !optional.has(key),
      ...(text.placeholder !== undefined ? { placeholder: text.placeholder } : {}),
      ...(description !== undefined && description.trim() !== '' ? { description: description.trim() } : {}),
      schemes: readers.get(key) ?? [],
    };
  });
  const oauth = schemes.find((scheme): scheme is Extract<AuthScheme, { type: 'oauth2' }> => scheme.type === 'oauth2');
  const oauthConfig: OAuthConfig | undefined = oauth
    ? {
        ...(oauth.authorizationUrl ? { authorization_url: oauth.authorizationUrl } : {}),
        ...(oauth.tokenUrl ? { token_url: oauth.tokenUrl } : {}),
        scopes: oauth.scopes,
      }
    : undefined;
  return { authType, schemes, fields, ...(oauthConfig ? { oauthConfig } : {}) };
}

/**
 * An operation's security limited to executable offered schemes: an alternative naming any other
 * scheme is dropped (`[]`, auth optional, stays). If nothing is left the action sends no auth.
 */
export function filterSecurity(options: { security: readonly string[][]; schemes: readonly AuthScheme[] }): string[][] {
  const offered = new Set(options.schemes.map((scheme) => scheme.id));
  return options.security.filter((alternative) => alternative.every((id) => offered.has(id))).map((alternative) => [...alternative]);
}

/**
 * A required parameter that an offered apiKey scheme of the operation supplies makes that scheme
 * required: the spec says no request is valid without it, even where its security lists the schemes
 * as alternatives (Trello-style `security: [{key}, {token}]` beside required `key` and `token`
 * parameters). The alternatives that hold every such scheme are kept; when none does, the schemes the
 * parameters require form the one alternative, so the runtime sends all of them. Security with an
 * empty alternative (credentials optional) is left as it is.
 */
export function requireSuppliedSchemes(options: {
  security: readonly string[][];
  schemes: readonly AuthScheme[];
  parameters: ReadonlyArray<{ in: string; name: string; required: boolean }>;
}): string[][] {
  if (options.security.some((alternative) => alternative.length === 0)) return options.security.map((alternative) => [...alternative]);
  const named = new Set(options.security.flat());
  const required = options.schemes
    .filter(
      (scheme) =>
        scheme.type === 'apiKey' &&
        named.has(scheme.id) &&
        options.parameters.some(
          (parameter) =>
            parameter.required &&
            parameter.in === scheme.in &&
            (parameter.in === 'header' ? parameter.name.toLowerCase() === scheme.name.toLowerCase() : parameter.name === scheme.name),
        ),
    )
    .map((scheme) => scheme.id);
  if (required.length === 0) return options.security.map((alternative) => [...alternative]);
  const holding = options.security.filter((alternative) => required.every((id) => alternative.includes(id)));
  return holding.length > 0 ? holding.map((alternative) => [...alternative]) : [required];
}
