/**
 * Readies a vendor document for openapi-backend without changing what it allows: every operation gets
 * an id of its own (`GET /path`; vendor ids may be missing or repeated), and a request body declared
 * only under a JSON-flavoured media type (`application/vnd.x+json`, `application/json; charset=…`) is
 * also listed under `application/json`, the one key the validator reads JSON bodies from. Schema
 * spellings ajv reads differently from OpenAPI 3.0 are rewritten (see `normaliseSchemaSpellings`), and
 * header parameters OpenAPI says to ignore (Accept, Content-Type, Authorization) are left out.
 * Required read-only properties bind responses only, so they leave `required` (see
 * `releaseReadOnlyRequirements`), and a discriminator's mapping chooses its variant (see
 * `applyDiscriminatorMappings`).
 */
import { applyDiscriminatorMappings } from './discriminator-mapping.ts';
import { decodePointerSegment, resolveLocalRef, stepInto } from './local-ref.ts';
import { normaliseSchemaSpellings } from './normalise-schemas.ts';
import { releaseReadOnlyRequirements } from './read-only-required.ts';
import { isRecord, type VendorDocument } from './vendor-spec.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface PreparedDocument {
  document: VendorDocument;
  /** Path prefixes of the document's servers (root, path and operation level), longest first. */
  serverPaths: string[];
  /** Path of the document's first top-level server (`''` for none): where a user would aim a connector that has no base URL. */
  firstServerPath: string;
}

export function prepareDocument(document: VendorDocument): PreparedDocument {
  normaliseSchemaSpellings(document, { refSiblingsIgnored: typeof document.openapi === 'string' && document.openapi.startsWith('3.0') });
  dropUnresolvableMappings(document);
  mendReferences(document);
  releaseReadOnlyRequirements(document);
  applyDiscriminatorMappings(document);
  const topLevel = serverPathsOf(document.servers);
  const serverPaths = new Set<string>(topLevel);
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const prefix of serverPathsOf(item.servers)) serverPaths.add(prefix);
    if (Array.isArray(item.parameters)) item.parameters = withoutIgnoredHeaders({ document, parameters: item.parameters });
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      operation.operationId = operationKey({ method, path });
      if (Array.isArray(operation.parameters)) operation.parameters = withoutIgnoredHeaders({ document, parameters: operation.parameters });
      for (const prefix of serverPathsOf(operation.servers)) serverPaths.add(prefix);
      const body = resolveLocalRef({ document, value: operation.requestBody });
      if (isRecord(body) && isRecord(body.content)) {
        operation.requestBody = { ...body, content: aliasJsonMediaType(body.content) };
      }
    }
  }
  if (serverPaths.size === 0) serverPaths.add('');
  return { document, serverPaths: [...serverPaths].sort((a, b) => b.length - a.length), firstServerPath: topLevel[0] ?? '' };
}

export function operationKey(options: { method: string; path: string }): string {
  return `${options.method.toUpperCase()} ${options.path}`;
}

/** OpenAPI: header parameters named Accept, Content-Type or Authorization "SHALL be ignored". */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function withoutIgnoredHeaders(options: { document: VendorDocument; parameters: unknown[] }): unknown[] {
  return options.parameters.filter((parameter) => {
    const resolved = resolveLocalRef({ document: options.document, value: parameter });
    return !(isRecord(resolved) && resolved.in === 'header' && typeof resolved.name === 'string' && IGNORED_HEADERS.has(resolved.name.toLowerCase()));
  });
}

function aliasJsonMediaType(content: Record<string, unknown>): Record<string, unknown> {
  if (Object.hasOwn(content, 'application/json')) return content;
  const jsonish = Object.keys(content).find((type) => /^application\/(?:[^;]*\+)?json\s*(?:;|$)/i.test(type) || type.trim() === '*/*');
  return jsonish === undefined ? content : { ...content, 'application/json': content[jsonish] };
}

/**
 * A discriminator mapping entry whose reference names nothing cannot choose a variant, and the
 * validator's dereferencer crashes on it, losing the whole document; `oneOf` still decides which
 * variant a value fits, so the entry is dropped (the generator degrades it the same way).
 */
function dropUnresolvableMappings(document: VendorDocument): void {
  const stack: unknown[] = [document];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const discriminator = isRecord(node) && !Array.isArray(node) ? node.discriminator : undefined;
    if (isRecord(discriminator) && isRecord(discriminator.mapping)) {
      for (const [value, ref] of Object.entries(discriminator.mapping)) {
        if (typeof ref === 'string' && ref.startsWith('#/') && resolvePointer({ document, ref }) === undefined) {
          delete discriminator.mapping[value];
        }
      }
    }
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
}

/** Where hoisted reference targets are kept: a key of the document that no OpenAPI field uses. */
const HOISTED = 'x-conformance-ref-targets';

/**
 * Mends the references the validator's fast dereferencer cannot follow, each of which would cost the
 * whole document. It splits a pointer on `/` without decoding `~1`, `~0` or `%xx`, so a reference
 * into `#/paths/~1users/...` (common in bundled specs) resolves to nothing: each such target is also
 * filed under a plain key, the same object (so cycles stay cycles), and the reference points there.
 */
function mendReferences(document: VendorDocument): void {
  const hoisted: Record<string, unknown> = {};
  const keyOf = new Map<string, string>();
  const stack: unknown[] = [document];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (isRecord(node) && typeof node.$ref === 'string' && !isResolvable({ document, ref: node.$ref })) {
      // A reference to nothing (a missing schema, or an external file the judge does not read) allows
      // any value, as the generator degrades it; left in, it would cost the whole document.
      delete node.$ref;
    } else if (isRecord(node) && typeof node.$ref === 'string' && /^#\/.*(?:~|%)/.test(node.$ref)) {
      const ref = node.$ref;
      let key = keyOf.get(ref);
      if (key === undefined) {
        const target = resolvePointer({ document, ref });
        if (target !== undefined) {
          key = `t${keyOf.size}`;
          keyOf.set(ref, key);
          hoisted[key] = target;
        }
      }
      if (key !== undefined) node.$ref = `#/${HOISTED}/${key}`;
    }
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  if (keyOf.size > 0) (document as Record<string, unknown>)[HOISTED] = hoisted;
}

function isResolvable(options: { document: VendorDocument; ref: string }): boolean {
  return options.ref.startsWith('#/') && resolvePointer(options) !== undefined;
}

/** A JSON pointer resolved with its escapes decoded, following references met on the way. */
function resolvePointer(options: { document: VendorDocument; ref: string }): unknown {
  let target: unknown = options.document;
  for (const part of options.ref.slice(2).split('/')) {
    target = resolveLocalRef({ document: options.document, value: target });
    const key = decodePointerSegment(part);
    if (key === undefined) return undefined;
    // Arrays too: a pointer may step through `oneOf/0`.
    target = stepInto(target, key);
  }
  return target;
}

/** `/v1` for `https://api.example.com/v1/`, with server variables at their defaults. */
function serverPathsOf(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  const prefixes: string[] = [];
  for (const server of servers) {
    if (!isRecord(server) || typeof server.url !== 'string') continue;
    const variables = isRecord(server.variables) ? server.variables : {};
    const url = server.url.replace(/\{([^{}]*)\}/g, (_, name: string) => {
      const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
      return isRecord(variable) && variable.default !== undefined ? String(variable.default) : '';
    });
    try {
      const pathname = new URL(url, 'http://server.invalid').pathname.replace(/\/+$/, '');
      prefixes.push(pathname);
    } catch {
      // A server URL that does not parse contributes no prefix.
    }
  }
  return prefixes;
}
