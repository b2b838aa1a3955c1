/**
 * The generated request tests: for each action that can be exercised predictably, a sample input and
 * what a local server must see. Everything comes from the definition itself, so the tests check that
 * the runtime does what the definition says. Actions the planner cannot predict simply are not listed
 * (files, opaque or variant inputs, label/matrix path styles, operation-level servers, ambiguous auth).
 */
import { Buffer } from 'node:buffer';
import type { ActionDefinition, AuthScheme, ConnectorDefinition, InputField, ParamTarget } from '@specwire/runtime';
import type { PlannedTestCase, TestPlan } from '../types.ts';
import { ownValue, recordFromEntries } from '../schemas/own-record.ts';
import { isFileField, sampleFieldValue } from './sample-value.ts';
import { basePathOf } from '../servers.ts';

export const MAX_TEST_CASES = 60;

/** Characters a literal path part may hold for the expected path to equal what the server sees. */
const PLAIN_PATH_LITERAL = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;
const PRIMITIVE_TYPES = new Set(['string', 'number', 'boolean', 'select']);
const SEQUENCE_STYLES = new Set(['form', 'spaceDelimited', 'pipeDelimited']);

export function credentialValue(key: string): string {
  return `test-${key}`;
}

export function planTests(definition: ConnectorDefinition): TestPlan {
  const credentials = recordFromEntries(definition.auth_fields.map((field) => [field.key, credentialValue(field.key)]));
  const basePath = basePathOf(definition.endpoints.base_url);
  const cases: PlannedTestCase[] = [];
  for (const action of definition.supported_actions) {
    const planned = planTestCase({ action, schemes: definition.auth, credentials, basePath });
    if (planned) cases.push(planned);
  }
  return { credentials, basePath, cases: spreadSample(cases) };
}

/** At most MAX_TEST_CASES, picked evenly across the list so every part of the API is touched. */
function spreadSample<T>(items: T[]): T[] {
  if (items.length <= MAX_TEST_CASES) return items;
  return Array.from({ length: MAX_TEST_CASES }, (_, index) => items[Math.floor((index * items.length) / MAX_TEST_CASES)] as T);
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

interface SampledField {
  name: string;
  field?: InputField;
  target: ParamTarget;
  value: unknown;
  /** False for values the runtime adds itself (an override's fixed and default values). */
  fromInput: boolean;
}

/** Every required field, plus the first optional primitive query parameter. */
function sampleInput(action: ActionDefinition): SampledField[] | undefined {
  const sampled: SampledField[] = [];
  for (const [name, field] of Object.entries(action.inputSchema)) {
    if (!field.required) continue;
    const target = ownValue({ record: action.api.paramMapping, key: name });
    if (!target) return undefined;
    const value = sampleFieldValue({ field, role: target.in === 'path' ? 'path' : 'other' });
    if (value === undefined) return undefined;
    sampled.push({ name, field, target, value, fromInput: true });
  }
  for (const [name, field] of Object.entries(action.inputSchema)) {
    const target = ownValue({ record: action.api.paramMapping, key: name });
    if (field.required || target?.in !== 'query' || target.style !== 'form' || target.json) continue;
    if (!PRIMITIVE_TYPES.has(field.type) || field.opaque || isFileField(field)) continue;
    const value = sampleFieldValue({ field, role: 'other' });
    if (value === undefined) continue;
    sampled.push({ name, field, target, value, fromInput: true });
    break;
  }
  // What the runtime adds on its own is expected on the wire too: fixed values always, override
  // defaults for the fields the sample leaves out.
  const presets = [...Object.entries(action.api.defaultValues ?? {}), ...Object.entries(action.api.fixedValues ?? {})];
  for (const [name, value] of presets) {
    const target = ownValue({ record: action.api.paramMapping, key: name });
    if (!target) return undefined;
    const index = sampled.findIndex((item) => item.name === name);
    if (index >= 0 && sampled[index]?.fromInput && !Object.hasOwn(action.api.fixedValues ?? {}, name)) continue;
    if (index >= 0) sampled.splice(index, 1);
    sampled.push({ name, target, value, fromInput: false });
  }
  return sampled;
}

function expectedPath(options: { action: ActionDefinition; sampled: SampledField[]; basePath: string }): string | undefined {
  const { endpoint } = options.action.api;
  if (!endpoint.startsWith('/')) return undefined;
  let path = '';
  let rest = endpoint;
  for (let match = /\{([^{}]*)\}/.exec(rest); match; match = /\{([^{}]*)\}/.exec(rest)) {
    const literal = rest.slice(0, match.index);
    if (!PLAIN_PATH_LITERAL.test(literal)) return undefined;
    const placeholder = match[1];
    const entry = options.sampled.find((item) => item.target.in === 'path' && item.target.name === placeholder);
    if (!entry || entry.target.in !== 'path' || entry.target.style !== 'simple' || !isPrimitive(entry.value)) return undefined;
    path += literal + encodeURIComponent(String(entry.value));
    rest = rest.slice(match.index + match[0].length);
  }
  if (!PLAIN_PATH_LITERAL.test(rest)) return undefined;
  return options.basePath + path + rest;
}

function expectedQuery(sampled: SampledField[]): Array<[string, string[]]> | undefined {
  const query: Array<[string, string[]]> = [];
  for (const { target, value } of sampled) {
    if (target.in !== 'query') continue;
    if (target.json) return undefined;
    if (isPrimitive(value)) query.push([target.name, [String(value)]]);
    else if (Array.isArray(value) && value.length === 1 && isPrimitive(value[0]) && SEQUENCE_STYLES.has(target.style)) {
      query.push([target.name, [String(value[0])]]);
    } else return undefined;
  }
  return query;
}

/** Auth the runtime applies for the first security alternative, with the dummy credentials. */
function expectedAuth(options: {
  action: ActionDefinition;
  schemes: readonly AuthScheme[];
  credentials: Record<string, string>;
}): { headers: Array<[string, string]>; query: Array<[string, string[]]>; cookies: string[] } | undefined {
  const { security } = options.action.api;
  const first = security[0] ?? [];
  // `[[], [scheme]]`: whether the runtime sends auth is a runtime policy, not something to pin here.
  if (first.length === 0 && security.length > 1) return undefined;
  const credential = (key: string): string => ownValue({ record: options.credentials, key }) ?? '';
  const headers: Array<[string, string]> = [];
  const query: Array<[string, string[]]> = [];
  const cookies: string[] = [];
  for (const id of first) {
    const scheme = options.schemes.find((candidate) => candidate.id === id);
    if (!scheme) return undefined;
    if (scheme.type === 'bearer') headers.push(['authorization', `${scheme.scheme ?? 'Bearer'} ${credential(scheme.credential)}`]);
    else if (scheme.type === 'oauth2') headers.push(['authorization', `Bearer ${credential(scheme.credential)}`]);
    else if (scheme.type === 'basic') {
      const pair = `${credential(scheme.usernameCredential)}:${credential(scheme.passwordCredential)}`;
      headers.push(['authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`]);
    } else if (scheme.in === 'header') headers.push([scheme.name.toLowerCase(), credential(scheme.credential)]);
    else if (scheme.in === 'query') query.push([scheme.name, [credential(scheme.credential)]]);
    else cookies.push(`${scheme.name}=${credential(scheme.credential)}`);
  }
  if (cookies.length > 0) headers.push(['cookie', cookies.join('; ')]);
  const names = headers.map(([name]) => name);
  if (new Set(names).size !== names.length) return undefined;
  return { headers, query, cookies };
}

function planTestCase(options: {
  action: ActionDefinition;
  schemes: readonly AuthScheme[];
  credentials: Record<string, string>;
  basePath: string;
}): PlannedTestCase | undefined {
  const { action } = options;
  const { api } = action;
  if (api.baseUrl !== undefined || api.body?.encoding === 'binary') return undefined;
  const sampled = sampleInput(action);
  if (!sampled) return undefined;
  const path = expectedPath({ action, sampled, basePath: options.basePath });
  const query = expectedQuery(sampled);
  const auth = expectedAuth({ action, schemes: options.schemes, credentials: options.credentials });
  if (path === undefined || query === undefined || auth === undefined) return undefined;
  // Header and cookie parameters are sent but not asserted; they must not clash with auth headers.
  const clashes = sampled.some(
    ({ target }) =>
      (target.in === 'cookie' && auth.cookies.length > 0) ||
      (target.in === 'header' && auth.headers.some(([name]) => name === target.name.toLowerCase())),
  );
  const queryNames = new Set(query.map(([name]) => name));
  if (clashes || auth.query.some(([name]) => queryNames.has(name))) return undefined;

  const expect: PlannedTestCase['expect'] = {
    method: api.method,
    path,
    query: recordFromEntries([...query, ...auth.query]),
    headers: recordFromEntries(auth.headers),
  };
  const bodyFields = sampled.filter((item) => item.target.in === 'body');
  if (api.body && bodyFields.length > 0) {
    expect.contentType = api.body.contentType;
    const whole = bodyFields.find((item) => item.target.in === 'body' && item.target.name === undefined);
    const properties = bodyFields.map((item) => [item.target.in === 'body' ? (item.target.name ?? '') : '', item.value] as [string, unknown]);
    if (api.body.encoding === 'json') expect.jsonBody = whole ? whole.value : recordFromEntries(properties);
    if (api.body.encoding === 'form' && !whole && properties.every(([, value]) => isPrimitive(value))) {
      expect.formBody = recordFromEntries(properties.map(([name, value]) => [name, [String(value)]]));
    }
  }
  return {
    actionId: action.id,
    input: recordFromEntries(sampled.filter((item) => item.fromInput).map((item) => [item.name, item.value])),
    expect,
  };
}
