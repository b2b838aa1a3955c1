import { boolCoreTag, CORE_SCHEMA, floatCoreTag, intCoreTag, load, NOT_RESOLVED, nullCoreTag } from 'js-yaml';

/** A plain scalar written as a number (the YAML 1.2 core forms, before any range check). */
const NUMBER_FORM = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

class DeclinedScalar extends Error {}

/** Set by the scalar resolvers below when one yields `.inf`/`.nan`; reset by each parse (parsing is synchronous). */
let sawNonFinite = false;

/**
 * The core schema, except that two cases are declined rather than resolved, because the positioned
 * parser reads them differently and the two parses must never disagree: a number too large for a
 * double (`1e400`: read as Infinity there, which the load stage then degrades with a warning; a
 * string here), and an explicit `!!null`/`!!bool`/`!!int`/`!!float` tag (each parser has its own
 * rules for a value that does not fit its tag).
 */
const SCHEMA = CORE_SCHEMA.withTags(
  ...[nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag].map((tag) => ({
    ...tag,
    resolve: (source: string, isExplicit: boolean, tagName: string): unknown => {
      if (isExplicit) throw new DeclinedScalar(source);
      const value = tag.resolve(source, isExplicit, tagName);
      if (value === NOT_RESOLVED && tag === floatCoreTag && NUMBER_FORM.test(source)) throw new DeclinedScalar(source);
      if (typeof value === 'number' && !Number.isFinite(value)) sawNonFinite = true;
      return value;
    },
  })),
);

/**
 * YAML straight to plain data, with no positioned document: about four times faster on a large spec
 * (Stripe's 4 MB), and all an ordinary spec needs. Anything out of the ordinary is declined, so the
 * caller parses again with the positioned document and reports it exactly as before: a syntax
 * error, a duplicate key, an alias (the expansion limit counts on the positioned tree), a tag
 * outside the YAML 1.2 core schema or an explicit scalar tag, a complex key, a directive (`%YAML`), a number out of range, or
 * nesting deeper than `maxDepth`. Both parsers read the core schema, so a document accepted here
 * yields the same data.
 */
export function parsePlainYaml(options: { text: string; maxDepth: number }): { value: unknown; allFinite: boolean } | undefined {
  // A directive could switch the positioned parser to YAML 1.1 rules; leave those documents to it.
  if (/^%/m.test(options.text)) return undefined;
  sawNonFinite = false;
  try {
    const value = load(options.text, { schema: SCHEMA, maxAliases: 0, maxDepth: options.maxDepth });
    // Numbers come only from these resolvers, so this says whether any number is `.inf`/`.nan`.
    return { value, allFinite: !sawNonFinite };
  } catch {
    // Including a RangeError from a stack too shallow for maxDepth: the positioned parse reports it.
    return undefined;
  }
}
