/**
 * Mutations of parsed specs, as plain data so a failing case can be printed and replayed: each picks
 * a node by a fraction of the walk order and changes it. Hostile strings carry the marker `PWNED`,
 * which the oracle then looks for outside string literals and comments in the output.
 */
import fc from 'fast-check';

export const HOSTILE_STRINGS: readonly string[] = [
  '*/ globalThis.PWNED=1; /*',
  '*/globalThis.PWNED=1//',
  '\u2028globalThis.PWNED=1',
  '\u2029globalThis.PWNED=1',
  '\r\nglobalThis.PWNED=1;//',
  "'); globalThis.PWNED=1; ('",
  '"); globalThis.PWNED=1; ("',
  '`${globalThis.PWNED=1}`',
  '${globalThis.PWNED=1}',
  'a: string; } globalThis.PWNED=1; interface J { b',
  '"]: string; } globalThis.PWNED=1; type X = { ["',
  '</script><script>globalThis.PWNED=1</script>',
  '\\',
  '\\u2028PWNED',
  '\u202eglobalThis.PWNED=1',
  '\u0000PWNED\u0007',
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'delete', 'default', 'await', '1abc', '',
  ' ', 'paths', 'components', 'operations', 'RenamedKeys', 'executeAction', 'definition',
  '^(a+)+$', '/[a-z]+/g', '(?<x>a)\\k<x>', '[', '#/components/schemas/Nope', '#/paths/~1x', '#', '#/__proto__/polluted',
  '../../etc/passwd', '/etc/passwd', 'file:///etc/hostname', 'http://169.254.169.254/', 'http://127.1/',
  '{id}', '/x/{id}/{id}', '/{__proto__}', 'x'.repeat(5_000), '🙂PWNED', 'application/json', 'multipart/form-data',
];

export type Mutation =
  | { kind: 'setString'; at: number; text: string }
  | { kind: 'renameKey'; at: number; text: string }
  | { kind: 'wrongType'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'refTo'; at: number; target: number }
  | { kind: 'copy'; at: number; target: number };

const hostileText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...HOSTILE_STRINGS)).map(([prefix, payload]) => `${prefix}${payload}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }).map((text) => `${text}PWNED`) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
);

const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { $ref: 1 }, { type: 'nope' }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  hostileText,
);

/** Picks a node uniformly (fast-check's default bias would keep hitting the first few keys). */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((value) => value / 1_000_000);

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('setString' as const), at: fraction, text: hostileText }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('renameKey' as const), at: fraction, text: hostileText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wrongType' as const), at: fraction, value: wrongValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fraction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refTo' as const), at: fraction, target: fraction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), at: fraction, target: fraction }) },
);

export interface FuzzCase {
  seed: number;
  mutations: Mutation[];
  /** Write the mutated spec as YAML instead of JSON (exercises the YAML parser on hostile text). */
  yaml: boolean;
}

export function fuzzCaseArbitrary(seedCount: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seed: fc.nat({ max: seedCount - 1 }),
    mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }),
    yaml: fc.boolean(),
  });
}

interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  pointer: string;
}

/** Every (container, key) in the document, depth first, in key order. */
function slots(document: unknown): Slot[] {
  const found: Slot[] = [];
  const stack: Array<{ node: unknown; pointer: string; depth: number }> = [{ node: document, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, pointer, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object' || depth > 60) continue;
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node);
    for (const [key, value] of entries.reverse()) {
      const child = `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      found.push({ parent: node as Slot['parent'], key, pointer: child });
      stack.push({ node: value, pointer: child, depth: depth + 1 });
    }
  }
  return found;
}

function setOwn(parent: Slot['parent'], key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Applies the mutations in order to `document` (mutated in place). */
export function applyMutations(options: { document: Record<string, unknown>; mutations: Mutation[] }): void {
  for (const mutation of options.mutations) {
    const all = slots(options.document);
    if (all.length === 0) return;
    const slot = all[Math.floor(mutation.at * all.length)]!;
    switch (mutation.kind) {
      case 'setString': {
        // Prefer a string nearby: descriptions, names, refs, patterns and enum values are strings.
        const index = all.indexOf(slot);
        const string = all.slice(index).find((candidate) => typeof (candidate.parent as Record<string | number, unknown>)[candidate.key] === 'string') ?? slot;
        setOwn(string.parent, string.key, mutation.text);
        break;
      }
      case 'renameKey': {
        if (Array.isArray(slot.parent)) break;
        const entries = Object.entries(slot.parent);
        for (const key of Object.keys(slot.parent)) delete slot.parent[key];
        for (const [key, value] of entries) setOwn(slot.parent, key === slot.key ? mutation.text : key, value);
        break;
      }
      case 'wrongType':
        setOwn(slot.parent, slot.key, structuredClone(mutation.value));
        break;
      case 'delete':
        if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
        else delete slot.parent[slot.key as string];
        break;
      case 'refTo': {
        // A ref to any node, often an ancestor of itself: cycles, refs into data, refs to non-schemas.
        const target = all[Math.floor(mutation.target * all.length)]!;
        setOwn(slot.parent, slot.key, { $ref: `#${target.pointer}` });
        break;
      }
      case 'copy': {
        const target = all[Math.floor(mutation.target * all.length)]!;
        const value = (target.parent as Record<string | number, unknown>)[target.key];
        const copy = slots(value).length > 2_000 ? null : structuredClone(value);
        setOwn(slot.parent, slot.key, copy);
        break;
      }
    }
  }
}
