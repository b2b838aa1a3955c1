/**
 * The request's query as the validator should see it. openapi-backend parses a query string with
 * `qs` and nothing else, which misreads two things OpenAPI defines:
 * - a parameter whose name has brackets (`limit[subcategories]=5`) is nested by `qs` into
 *   `{ limit: { subcategories: '5' } }`; pairs named exactly as a declared parameter stay flat;
 * - a `form` object parameter with `explode: true` (the default) is sent as its own `key=value`
 *   pairs, which are gathered back under the parameter's name here (its declared properties, those of
 *   its allOf/oneOf/anyOf branches included, or for a map, every pair no other parameter claims). Sent empty it has no pairs at all, and a server
 *   cannot tell it from absent, so a required one with nothing required inside counts as `{}`.
 * The rest (deepObject `filter[name]=x` included) is parsed by `qs` as before.
 */
import type OpenAPIBackend from 'openapi-backend';
import type { Request as JudgedRequest } from 'openapi-backend';
import { isRecord } from './vendor-spec.ts';

export function queryForValidator(options: { backend: OpenAPIBackend; query: URLSearchParams; parameters: readonly unknown[] }): JudgedRequest['query'] {
  const declared = queryParameters(options.parameters);
  const names = new Set(declared.map((parameter) => parameter.name));
  const flat: Record<string, unknown> = {};
  const undeclared: Array<[string, string]> = [];
  for (const [name, value] of options.query) {
    if (!names.has(name)) {
      undeclared.push([name, value]);
      continue;
    }
    const seen = Object.hasOwn(flat, name) ? flat[name] : undefined;
    setOwn({ record: flat, key: name, value: seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value] });
  }
  let rest = undeclared;
  for (const parameter of declared.filter(isExplodedFormObject)) {
    if (Object.hasOwn(flat, parameter.name)) continue;
    const properties = declaredProperties(parameter.schema);
    const isMap = parameter.schema.additionalProperties !== undefined && parameter.schema.additionalProperties !== false;
    const taken = rest.filter(([name]) => properties.has(name) || isMap);
    rest = rest.filter((pair) => !taken.includes(pair));
    const required = Array.isArray(parameter.schema.required) && parameter.schema.required.length > 0;
    const minProperties = typeof parameter.schema.minProperties === 'number' ? parameter.schema.minProperties : 0;
    if (taken.length > 0 || (parameter.required && !required && minProperties === 0)) {
      const gathered: Record<string, string> = {};
      for (const [name, value] of taken) setOwn({ record: gathered, key: name, value });
      setOwn({ record: flat, key: parameter.name, value: gathered });
    }
  }
  const nested = options.backend.router.parseRequestQuery({ method: 'get', path: '/', headers: {}, query: new URLSearchParams(rest).toString() });
  // Nested and gathered values are objects; openapi-backend's type says strings but it reads any JSON.
  return { ...(isRecord(nested) ? nested : {}), ...flat } as JudgedRequest['query'];
}

interface QueryParameter {
  name: string;
  required: boolean;
  style: string;
  explode: boolean;
  schema: Record<string, unknown>;
  /** Declared with `content` (a media type) instead of a style. */
  hasContent: boolean;
}

function queryParameters(parameters: readonly unknown[]): QueryParameter[] {
  return parameters.flatMap((parameter): QueryParameter[] => {
    if (!isRecord(parameter) || parameter.in !== 'query' || typeof parameter.name !== 'string') return [];
    const style = typeof parameter.style === 'string' ? parameter.style : 'form';
    return [{
      name: parameter.name,
      required: parameter.required === true,
      style,
      explode: typeof parameter.explode === 'boolean' ? parameter.explode : style === 'form',
      schema: isRecord(parameter.schema) ? parameter.schema : {},
      hasContent: parameter.content !== undefined,
    }];
  });
}

function isExplodedFormObject(parameter: QueryParameter): boolean {
  const { schema } = parameter;
  const isObject = schema.type === 'object' || (schema.type === undefined && (isRecord(schema.properties) || schema.additionalProperties !== undefined));
  return isObject && parameter.style === 'form' && parameter.explode && !parameter.hasContent;
}

/**
 * The property names an object schema declares, its `allOf`/`oneOf`/`anyOf` branches included (a
 * filter that is one of `{user_id}`, `{email}`, … has its pairs in the branches).
 */
function declaredProperties(schema: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  const stack: Array<{ node: unknown; depth: number }> = [{ node: schema, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isRecord(node) || depth > 8) continue;
    if (isRecord(node.properties)) for (const name of Object.keys(node.properties)) names.add(name);
    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) stack.push({ node: branch, depth: depth + 1 });
    }
  }
  return names;
}

function setOwn(options: { record: Record<string, unknown>; key: string; value: unknown }): void {
  Object.defineProperty(options.record, options.key, { value: options.value, enumerable: true, writable: true, configurable: true });
}
