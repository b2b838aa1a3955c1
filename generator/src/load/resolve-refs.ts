import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { Warning } from '../ir/types.ts';
import { SpecwireError, jsonPointer } from '../errors/index.ts';
import type { SpecLimits } from './types.ts';
import { setOwnProperty, type PlainRecord } from './plain-record.ts';
import { resolvePointer } from './resolve-pointer.ts';
import { parseSpecText } from './parse-spec-text.ts';
import { checkDocumentSize } from './check-document-size.ts';
import { limitExceededMessage } from './limit-message.ts';

/** Keys whose object values map user-chosen names to things, so a child named `$ref`/`example` is a name. */
const NAME_MAP_KEYS = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'schemas', 'parameters', 'responses', 'headers',
  'requestBodies', 'securitySchemes', 'securityDefinitions', 'links', 'callbacks', 'pathItems', 'paths',
  'webhooks', 'x-webhooks', 'dependentSchemas', 'variables', 'encoding', 'content', 'mapping', 'scopes',
]);
/** Bounds the work external inlining can cause (a small file referenced from everywhere, recursively). */
const MAX_EXTERNAL_INLINES = 10_000;

interface RefWalkState {
  file: string;
  document: PlainRecord;
  allowExternalRefs: boolean;
  allowRemoteRefs: boolean;
  /** Remote documents fetched so far, parsed, by URL without fragment. */
  remoteDocuments: ReadonlyMap<string, unknown>;
  /** Remote documents this walk needed but did not have: URL → pointer of the first ref to it. */
  missingRemote: Map<string, string>;
  /** Files and URLs inlined, in first-use order. */
  resolved: Set<string>;
  /** Real path of the spec's folder: the only place external refs may read from. */
  rootDir?: string;
  limits: SpecLimits;
  warnings: Warning[];
  externalDocuments: Map<string, unknown>;
  activeInlines: string[];
  inlineCount: number;
}

/** Where the walker is: which document a `#` fragment refers to, and which folder relative refs start from. */
interface RefScope {
  /** Undefined for the main document, whose internal refs are checked and kept. */
  externalFile?: string;
  root: unknown;
  baseDir: string;
  /** Set inside a fetched document: its relative refs are URLs too, never local files. */
  baseUrl?: string;
}

export interface ResolveRefsResult {
  /** Remote documents to fetch before walking again: URL → pointer of the first ref to it. */
  missingRemote: Map<string, string>;
  /** Files (real paths) and URLs inlined, in first-use order. */
  resolvedRefs: string[];
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Leaves internal `$ref`s to the normaliser (a dangling one degrades only the part using it) and
 * removes every external one: replaced by `{}` with a warning, or, when allowed, inlined from a relative file inside the spec's
 * folder or from an already fetched remote document. Nothing outside that folder is read and nothing
 * is fetched here: remote documents this walk lacks are listed in `missingRemote` for the caller,
 * which checks and fetches them and walks a fresh copy again.
 */
export function resolveRefs(options: {
  file: string;
  document: PlainRecord;
  allowExternalRefs: boolean;
  allowRemoteRefs?: boolean;
  remoteDocuments?: ReadonlyMap<string, unknown>;
  limits: SpecLimits;
  warnings: Warning[];
}): ResolveRefsResult {
  const baseDir = dirname(resolve(options.file));
  const state: RefWalkState = {
    ...options,
    allowRemoteRefs: options.allowRemoteRefs === true,
    remoteDocuments: options.remoteDocuments ?? new Map(),
    missingRemote: new Map(),
    resolved: new Set(),
    rootDir: options.allowExternalRefs ? realpathSync(baseDir) : undefined,
    externalDocuments: new Map(),
    activeInlines: [],
    inlineCount: 0,
  };
  walkRecord(state, { root: options.document, baseDir }, options.document, [], false);
  return { missingRemote: state.missingRemote, resolvedRefs: [...state.resolved] };
}

interface WalkStep {
  state: RefWalkState;
  scope: RefScope;
  node: unknown;
  path: string[];
  isNameMap: boolean;
}

/**
 * Returns the node to keep in place of `node` (a replacement when it was an external ref). The walk
 * visits every value of the document, so it passes its place as arguments rather than a step object
 * per value, and builds a ref's pointer only when something is reported or inlined at it.
 */
function walkNode(state: RefWalkState, scope: RefScope, node: unknown, path: string[], isNameMap: boolean): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) {
    walkArray(state, scope, node, path);
    return node;
  }
  if (!isNameMap && typeof (node as PlainRecord).$ref === 'string' && Object.hasOwn(node, '$ref')) {
    const ref = (node as PlainRecord).$ref as string;
    // An internal ref of the main document is kept as written (the normaliser checks it).
    if (!(ref.startsWith('#') && scope.externalFile === undefined)) {
      const replacement = handleRef({ state, scope, node: node as PlainRecord, path, isNameMap, ref });
      if (replacement !== node) return replacement;
    }
  }
  walkRecord(state, scope, node as PlainRecord, path, isNameMap);
  return node;
}

function walkArray(state: RefWalkState, scope: RefScope, node: unknown[], path: string[]): void {
  for (let index = 0; index < node.length; index++) {
    const item = node[index];
    if (typeof item !== 'object' || item === null) continue;
    path.push(String(index));
    const next = walkNode(state, scope, item, path, false);
    if (next !== item) node[index] = next;
    path.pop();
  }
}

function walkRecord(state: RefWalkState, scope: RefScope, node: PlainRecord, path: string[], isNameMap: boolean): void {
  for (const key of Object.keys(node)) {
    const item = node[key];
    if (typeof item !== 'object' || item === null) continue;
    path.push(key);
    const next = walkNode(state, scope, item, path, !isNameMap && NAME_MAP_KEYS.has(key));
    if (next !== item) setOwnProperty(node, key, next);
    path.pop();
  }
}

function handleRef(step: WalkStep & { node: PlainRecord; ref: string }): unknown {
  const { state, scope, ref } = step;
  const pointer = jsonPointer(...step.path);
  if (ref.startsWith('#')) {
    // A dangling internal ref is left for the normaliser, which degrades just the part that uses it.
    if (scope.externalFile === undefined) return step.node;
    return inlineExternal({ ...step, targetFile: scope.externalFile, fragment: ref, pointer });
  }
  if (scope.baseUrl !== undefined || URL_SCHEME.test(ref) || ref.startsWith('//')) return handleRemoteRef({ ...step, pointer });
  if (!state.allowExternalRefs) {
    state.warnings.push({ pointer, message: `external $ref "${ref}" not resolved (external refs are off); treated as untyped`, effect: 'degraded' });
    return {};
  }
  const hashIndex = ref.indexOf('#');
  const relativePath = hashIndex === -1 ? ref : ref.slice(0, hashIndex);
  const fragment = hashIndex === -1 ? '#' : ref.slice(hashIndex);
  const targetFile = confinedRealPath({ state, baseDir: scope.baseDir, relativePath });
  if (targetFile === undefined) {
    state.warnings.push({ pointer, message: `external $ref "${ref}" not resolved (only files inside the spec's folder may be referenced); treated as untyped`, effect: 'degraded' });
    return {};
  }
  return inlineExternal({ ...step, targetFile, fragment, pointer });
}

/**
 * A URL ref (or any ref inside a fetched document). Only http(s), only with `allowRemoteRefs`; the
 * address policy is applied by the caller before anything is fetched.
 */
function handleRemoteRef(step: WalkStep & { node: PlainRecord; ref: string; pointer: string }): unknown {
  const { state, scope, ref, pointer } = step;
  const untyped = (reason: string): unknown => {
    state.warnings.push({ pointer, message: `external $ref "${ref}" not resolved (${reason}); treated as untyped`, effect: 'degraded' });
    return {};
  };
  if (!state.allowRemoteRefs) return untyped(state.allowExternalRefs ? 'URLs are fetched only with --allow-remote-refs' : 'external refs are off');
  let url: URL;
  try {
    url = new URL(ref, scope.baseUrl);
  } catch {
    return untyped('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return untyped('only http(s) URLs are fetched');
  const fragment = url.hash === '' ? '#' : url.hash;
  url.hash = '';
  const documentUrl = url.href;
  if (!state.remoteDocuments.has(documentUrl)) {
    if (!state.missingRemote.has(documentUrl)) state.missingRemote.set(documentUrl, pointer);
    return {};
  }
  return inlineExternal({ ...step, targetFile: documentUrl, fragment, pointer });
}

/** Real path of a relative ref target, or undefined when it is absolute, missing, or escapes the spec folder. */
function confinedRealPath(options: { state: RefWalkState; baseDir: string; relativePath: string }): string | undefined {
  const { state, relativePath } = options;
  if (relativePath === '' || isAbsolute(relativePath) || relativePath.includes('\0') || state.rootDir === undefined) return undefined;
  let real: string;
  try {
    real = realpathSync(resolve(options.baseDir, decodeURIComponent(relativePath)));
    if (!statSync(real).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return real.startsWith(state.rootDir + sep) ? real : undefined;
}

function inlineExternal(step: WalkStep & { targetFile: string; fragment: string; pointer: string; ref: string }): unknown {
  const { state, targetFile, fragment, pointer, ref } = step;
  const key = `${targetFile}${fragment}`;
  if (state.activeInlines.includes(key)) {
    state.warnings.push({ pointer, message: `external $ref "${ref}" is circular; the inner occurrence is treated as untyped`, effect: 'degraded' });
    return {};
  }
  state.inlineCount++;
  if (state.inlineCount > MAX_EXTERNAL_INLINES) {
    throw new SpecwireError(`too many external $ref inlines (more than ${MAX_EXTERNAL_INLINES})`, { file: state.file, pointer });
  }
  const isRemote = state.remoteDocuments.has(targetFile);
  const root = isRemote ? state.remoteDocuments.get(targetFile) : loadExternalDocument({ state, targetFile });
  const target = resolvePointer({ root, fragment });
  if (!target.found) {
    state.warnings.push({ pointer, message: `external $ref "${ref}" does not resolve in ${targetFile}; treated as untyped`, effect: 'degraded' });
    return {};
  }
  state.resolved.add(targetFile);
  const copy: unknown = structuredClone(target.value);
  state.activeInlines.push(key);
  const scope: RefScope = isRemote
    ? { externalFile: targetFile, root, baseDir: step.scope.baseDir, baseUrl: targetFile }
    : { externalFile: targetFile, root, baseDir: dirname(targetFile) };
  const result = walkNode(state, scope, copy, step.path, false);
  state.activeInlines.pop();
  return result;
}

function loadExternalDocument(options: { state: RefWalkState; targetFile: string }): unknown {
  const { state, targetFile } = options;
  const cached = state.externalDocuments.get(targetFile);
  if (cached !== undefined) return cached;
  const size = statSync(targetFile).size;
  if (size > state.limits.maxSpecBytes) {
    throw new SpecwireError(limitExceededMessage({ what: 'referenced file size', actual: `${size} bytes`, key: 'maxSpecBytes', limit: state.limits.maxSpecBytes }), { file: targetFile });
  }
  const parsed = parseSpecText({ file: targetFile, text: readFileSync(targetFile, 'utf8'), maxDepth: state.limits.maxDepth, maxYamlAliasNodes: state.limits.maxYamlAliasNodes });
  checkDocumentSize({ file: targetFile, value: parsed.value, limits: state.limits });
  state.warnings.push(...parsed.warnings.map((warning) => ({ ...warning, message: `${targetFile}: ${warning.message}` })));
  state.externalDocuments.set(targetFile, parsed.value);
  return parsed.value;
}
