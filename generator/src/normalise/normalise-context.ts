import type { SchemaIR, Warning } from '../ir/types.ts';
import type { LoadedSpec, SpecVersion } from '../load/index.ts';
import { isPlainRecord, type PlainRecord } from '../load/plain-record.ts';
import { resolvePointer } from '../load/resolve-pointer.ts';
import { parsePointerFragment, jsonPointer } from '../errors/index.ts';

/** A schema found away from `#/components/schemas` and given a component name of its own. */
export interface HoistedSchema {
  name: string;
  /** Source pointer of the schema. */
  pointer: string;
  source: unknown;
}

/** Shared state of one normalisation run. Created per call, so `normaliseSpec` stays pure. */
export interface NormaliseContext {
  file: string;
  document: PlainRecord;
  version: SpecVersion;
  warnings: Warning[];
  /** Source pointer → component name, for schemas hoisted into `#/components/schemas`. */
  hoistedNames: Map<string, string>;
  /** Hoisted schemas still to normalise (a queue, so circular ones terminate). */
  hoistQueue: HoistedSchema[];
  /** Every component schema name in use, original and hoisted. */
  schemaNames: Set<string>;
  /** Normalised component schemas, filled by `normaliseSpec`. */
  schemas: Array<[string, SchemaIR]>;
  /**
   * While one operation is normalised: the pointers of the shared objects (parameters, bodies,
   * responses) its `$ref`s led to, so a degraded part there is attributed to it.
   */
  followedPointers?: Set<string>;
  /**
   * Schema `$ref` as written → its rewritten form, for refs that resolved: a large spec names the
   * same few hundred components tens of thousands of times, and the answer depends only on the ref.
   */
  rewrittenRefs: Map<string, string>;
}

export function createNormaliseContext(loaded: LoadedSpec): NormaliseContext {
  return {
    file: loaded.file,
    document: loaded.document,
    version: loaded.specVersion,
    warnings: [],
    hoistedNames: new Map(),
    hoistQueue: [],
    schemaNames: new Set(),
    schemas: [],
    rewrittenRefs: new Map(),
  };
}

export function warn(context: NormaliseContext, pointer: string, message: string): void {
  context.warnings.push({ pointer, message });
}

/** A warning for a part that was made untyped or left out so the rest could be kept (listed in coverage). */
export function degrade(context: NormaliseContext, pointer: string, message: string): void {
  context.warnings.push({ pointer, message, effect: 'degraded' });
}

export interface ResolvedObject {
  value: PlainRecord;
  /** Pointer of the object actually used (the ref target when it was a `$ref`). */
  pointer: string;
}

/** Limit on `$ref` → `$ref` chains, so a ref cycle between components ends with a warning. */
const MAX_REF_HOPS = 32;

/**
 * Follows internal `$ref`s of a non-schema object (parameter, response, …) to the object itself.
 * Returns undefined (with a warning) when it is not an object or the chain loops.
 */
export function resolveObject(options: { context: NormaliseContext; value: unknown; pointer: string }): ResolvedObject | undefined {
  const { context } = options;
  let value = options.value;
  let pointer = options.pointer;
  for (let hop = 0; hop <= MAX_REF_HOPS; hop++) {
    if (!isPlainRecord(value)) {
      degrade(context, pointer, `expected an object, found ${value === null ? 'null' : typeof value}; ignored`);
      return undefined;
    }
    const ref = Object.hasOwn(value, '$ref') ? value.$ref : undefined;
    if (typeof ref !== 'string') return { value, pointer };
    const segments = parsePointerFragment(ref);
    const target = ref.startsWith('#') ? resolvePointer({ root: context.document, fragment: ref }) : { found: false as const };
    if (segments === undefined || !target.found) {
      degrade(context, pointer, `$ref "${ref}" cannot be followed; ignored`);
      return undefined;
    }
    value = target.value;
    pointer = jsonPointer(...segments);
    context.followedPointers?.add(pointer);
  }
  degrade(context, options.pointer, `$ref chain longer than ${MAX_REF_HOPS} hops (circular?); ignored`);
  return undefined;
}

/** Own entries of an object, or none when the value is not an object. */
export function recordEntries(value: unknown): Array<[string, unknown]> {
  return isPlainRecord(value) ? Object.entries(value) : [];
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Own property of a record (never a prototype member such as `constructor`). */
export function field(record: PlainRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
