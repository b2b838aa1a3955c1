import type { FieldVariant, InputField } from '../definition.ts';
import { describeValueKind, isPlainObject, listAllowedValues } from './describe-value.ts';
import { propertyPath } from './field-path.ts';
import type { FieldIssue } from './limits.ts';
import type { ValidateFieldOptions } from './validate-field.ts';

type ValidateField = (options: ValidateFieldOptions) => void;
type VariantOptions = ValidateFieldOptions & { variants: FieldVariant[]; validateField: ValidateField };

/**
 * oneOf: exactly one variant must fit; anyOf: at least one. Without `variantMode` the lenient anyOf
 * applies, because real specs often write overlapping `oneOf`s and the server validates again.
 * A oneOf is refused as ambiguous only when two variants that were checked in full and differ both
 * fit: an opaque variant (cut off, accepted unchecked) fits anything, and two identical variants
 * cannot be told apart by any value, so neither says the value is ambiguous. With a discriminator
 * the variant is chosen by the discriminator property.
 */
export function validateVariants(options: VariantOptions): void {
  const { field, value } = options;
  if (field.discriminator && isPlainObject(value)) {
    validateByDiscriminator({ ...options, discriminator: field.discriminator, value });
    return;
  }
  validateAlternatives(options);
}

function validateAlternatives(options: VariantOptions): void {
  const { field, value, path, issues, variants, validateField } = options;
  const results = variants.map((variant) => {
    const variantIssues: FieldIssue[] = [];
    validateField({ ...options, field: variant.field, issues: variantIssues });
    return { variant, issues: variantIssues };
  });
  const fitting = results.filter((result) => result.issues.length === 0);
  if (fitting.length === 0) {
    const labels = variants.map((variant) => variant.label).join(', ');
    const closest = [...results].sort((a, b) => a.issues.length - b.issues.length)[0];
    const hint = closest?.issues[0] ? `; closest ("${closest.variant.label}"): ${closest.issues[0].path}: ${closest.issues[0].message}` : '';
    issues.push({ path, message: `${describeValueKind(value)} matches none of the variants (${labels})${hint}` });
    return;
  }
  if (field.variantMode !== 'oneOf' || fitting.length < 2) return;
  const conclusive = distinctShapes(fitting.map((result) => result.variant.field).filter((candidate) => !candidate.opaque));
  if (conclusive.length > 1) {
    const matched = fitting.map((result) => result.variant.label).join(', ');
    issues.push({ path, message: `matches more than one variant (${matched}) where exactly one is allowed` });
  }
}

/** Variants with the same shape (labels aside) count once: no value can tell them apart. */
function distinctShapes(fields: InputField[]): InputField[] {
  const seen = new Set<string>();
  return fields.filter((candidate) => {
    const key = shapeKey(candidate);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shapeKey(field: InputField): string {
  return JSON.stringify(field, (key, item: unknown) => (key === 'label' || key === 'description' || key === 'placeholder' ? undefined : item));
}

function validateByDiscriminator(options: VariantOptions & { discriminator: string; value: Record<string, unknown> }): void {
  const { value, path, issues, variants, discriminator, validateField } = options;
  const tagPath = propertyPath({ parent: path, key: discriminator });
  const tag = Object.hasOwn(value, discriminator) ? value[discriminator] : undefined;
  if (tag === undefined) {
    issues.push({ path: tagPath, message: 'is required to choose a variant' });
    return;
  }
  const tagged = variants.map((variant) => ({ variant, tags: variantTags({ variant, discriminator }) }));
  const chosen = tagged.find((entry) => entry.tags?.includes(tag));
  if (chosen) {
    validateField({ ...options, field: chosen.variant.field });
    return;
  }
  // A variant whose tags are unknown (cut to opaque JSON, no enum on its tag) may be the one meant:
  // the value must then fit one of those variants (the discriminator, not the shape, would have
  // made the choice unique, so overlapping shapes are no ambiguity).
  const untagged = tagged.filter((entry) => entry.tags === undefined).map((entry) => entry.variant);
  if (untagged.length > 0) {
    validateAlternatives({ ...options, field: { ...options.field, variantMode: 'anyOf' }, variants: untagged });
    return;
  }
  const allowed = tagged.flatMap((entry) => entry.tags ?? []);
  issues.push({ path: tagPath, message: `must be one of: ${listAllowedValues(allowed)}` });
}

const MAX_TAG_DEPTH = 8;

/**
 * The discriminator values that choose a variant: those the definition lists (the spec's mapping),
 * its tag property's options and default, else those of its own variants (a nested oneOf).
 * `undefined` when none can be known; a variant label is a title, never a tag.
 */
function variantTags(options: { variant: FieldVariant; discriminator: string; depth?: number }): unknown[] | undefined {
  const { variant, discriminator } = options;
  const depth = options.depth ?? 0;
  const property = variant.field.properties?.[discriminator];
  const tags: unknown[] = [...(variant.discriminatorValues ?? []), ...(property?.options?.map((option) => option.value) ?? [])];
  if (property?.default !== undefined) tags.push(property.default);
  if (tags.length > 0) return tags;
  if (variant.field.variants && depth < MAX_TAG_DEPTH) {
    const nested = variant.field.variants.map((inner) => variantTags({ variant: inner, discriminator, depth: depth + 1 }));
    if (nested.every((list) => list !== undefined)) return nested.flat();
  }
  return undefined;
}
