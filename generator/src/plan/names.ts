/**
 * Name shaping. Spec text (operationIds, paths, scheme names) is reduced to ASCII words, so every name
 * built here is a plain identifier-like string whatever the spec contains.
 */
import type { OperationIR } from '../ir/types.ts';
import type { SelectedOperation } from '../override/types.ts';
import { SpecwireError } from '../errors/index.ts';
import { RESERVED_METHOD_NAMES } from './reserved-names.ts';

/**
 * Splits text into ASCII alphanumeric words at separators and case changes:
 * `getHTTPServer/v2-list` → `get`, `HTTP`, `Server`, `v2`, `list`. Other characters are dropped.
 */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

export function toSnakeCase(text: string): string {
  return splitWords(text)
    .map((word) => word.toLowerCase())
    .join('_');
}

export function toCamelCase(text: string): string {
  const words = splitWords(text);
  return words.map((word, index) => (index === 0 ? word.toLowerCase() : capitalise(word))).join('');
}

export function toPascalCase(text: string): string {
  return splitWords(text).map(capitalise).join('');
}

/** Labels already built: a large spec repeats the same property names thousands of times. */
const humanLabels = new Map<string, string>();
const MAX_REMEMBERED_LABELS = 50_000;

/** A human label from a property or id: `per_page` → `Per Page`, `repoName` → `Repo Name`. */
export function humanLabel(text: string): string {
  let label = humanLabels.get(text);
  if (label === undefined) {
    if (humanLabels.size >= MAX_REMEMBERED_LABELS) humanLabels.clear();
    label = buildHumanLabel(text);
    humanLabels.set(text, label);
  }
  return label;
}

function buildHumanLabel(text: string): string {
  const words = splitWords(text);
  if (words.length === 0) return text.trim() === '' ? 'Value' : text.trim();
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** Returns `base` if free, else `base<separator>2`, `base<separator>3`, …; records the result. */
export function claimUnique(options: {
  base: string;
  taken: Set<string>;
  separator: string;
  isAllowed?: (name: string) => boolean;
}): string {
  const { base, taken, separator } = options;
  const isAllowed = options.isAllowed ?? (() => true);
  let candidate = base;
  for (let counter = 2; taken.has(candidate) || !isAllowed(candidate); counter += 1) {
    candidate = `${base}${separator}${counter}`;
  }
  taken.add(candidate);
  return candidate;
}

/** The action id an operation gets without an override: its operationId in snake_case, else method + path. */
export function deriveActionId(operation: OperationIR): string {
  const fromOperationId = operation.operationId === undefined ? '' : toSnakeCase(operation.operationId);
  if (fromOperationId !== '') return fromOperationId;
  const fromRoute = toSnakeCase(`${operation.method} ${operation.path}`);
  return fromRoute === '' ? operation.method : fromRoute;
}

/**
 * Action ids for the selected operations, in their order. Override ids are claimed first (they are
 * explicit choices); then derived ids in spec order. A taken id gets `_2`, `_3`, ….
 */
export function planActionIds(selected: readonly SelectedOperation[]): string[] {
  const taken = new Set<string>();
  const ids: Array<string | undefined> = selected.map(() => undefined);
  selected.forEach((entry, index) => {
    const overrideId = entry.override.id?.trim();
    if (overrideId) ids[index] = claimUnique({ base: overrideId, taken, separator: '_' });
  });
  selected.forEach((entry, index) => {
    if (ids[index] === undefined) {
      ids[index] = claimUnique({ base: deriveActionId(entry.operation), taken, separator: '_' });
    }
  });
  return ids.map((id) => id ?? '');
}

/** Prefixes names that would start with a digit (not a valid identifier start). */
function withIdentifierStart(options: { name: string; prefix: string }): string {
  return /^[0-9]/.test(options.name) ? `${options.prefix}${options.name}` : options.name;
}

/**
 * Method names for action ids: camelCase, valid identifiers, not reserved (JS words, BaseConnector and
 * Object.prototype members, `then` and the other names of `reserved-names.ts` get an `Action`
 * suffix), unique (`…2`, `…3`).
 */
export function planMethodNames(actionIds: readonly string[]): string[] {
  const taken = new Set<string>();
  return actionIds.map((id) => {
    let base = withIdentifierStart({ name: toCamelCase(id) || 'action', prefix: 'op' });
    if (RESERVED_METHOD_NAMES.has(base)) base = `${base}Action`;
    return claimUnique({ base, taken, separator: '', isAllowed: (name) => !RESERVED_METHOD_NAMES.has(name) });
  });
}

/** `Input`/`Output` type names for action ids: PascalCase, valid identifiers, unique. */
export function planTypeNames(actionIds: readonly string[]): Array<{ input: string; output: string }> {
  const taken = new Set<string>();
  return actionIds.map((id) => {
    const base = withIdentifierStart({ name: toPascalCase(id) || 'Action', prefix: 'Op' });
    const unique = claimUnique({ base, taken, separator: '' });
    return { input: `${unique}Input`, output: `${unique}Output` };
  });
}

const CONNECTOR_NAME = /^[a-z][a-z0-9-]*$/;

/** Package and class names for a connector; the name must already be a valid connector id. */
export function planConnectorNames(name: string): { name: string; packageName: string; className: string } {
  if (!CONNECTOR_NAME.test(name)) {
    throw new SpecwireError(`connector.name ${JSON.stringify(name)} must match ${CONNECTOR_NAME.source}`, {
      pointer: '/connector/name',
    });
  }
  const pascal = withIdentifierStart({ name: toPascalCase(name), prefix: 'Api' });
  // The class file imports `BaseConnector`; a connector called "base" must not redeclare it.
  const className = `${pascal}Connector` === 'BaseConnector' ? 'BaseApiConnector' : `${pascal}Connector`;
  return { name, packageName: `@specwire/connector-${name}`, className };
}
