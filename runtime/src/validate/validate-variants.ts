import type { FieldVariant, InputField } from '../definition.ts';
import { describeValueKind, isPlainObject, listAllowedValues } from './describe-value.ts';
import { propertyPath } from './field-path.ts';
import type { FieldIssue } from './limits.ts';
import type { ValidateFieldOptions } from './validate-field.ts';

type ValidateField = (options: ValidateFieldOptions) => void;

/**
 * oneOf: exactly one variant must fit; anyOf: at least one. Without `variantMode` the lenient anyOf
 * applies, because real specs often write overlapping `oneOf`s and the server validates again.
 * With a discriminator the variant is chosen by the discriminator property alone.
 */
export function validateVariants(
  options: ValidateFieldOptions & { variants: FieldVariant[]; validateField: ValidateField },
): void {
  const { field, value, path, issues, variants, validateField } = options;
  if (field.discriminator && isPlainObject(value)) {
    validateByDiscriminator({ ...options, discriminator: field.discriminator, value });
    return;
  }
  const results = variants.map((variant) => {
    const variantIssues: FieldIssue[] = [];
    validateField({ ...options, field: variant.field, issues: variantIssues });
    return { variant, issues: variantIssues };
  });
  const fitting = results.filter((result) => result.issues.length === 0);
  const labels = variants.map((variant) => variant.label).join(', ');
  if (fitting.length === 0) {
    const closest = [...results].sort((a, b) => a.issues.length - b.issues.length)[0];
    const hint = closest?.issues[0] ? `; closest ("${closest.variant.label}"): ${closest.issues[0].path}: ${closest.issues[0].message}` : '';
    issues.push({ path, message: `${describeValueKind(value)} matches none of the variants (${labels})${hint}` });
  } else if (field.variantMode === 'oneOf' && fitting.length > 1) {
    const matched = fitting.map((result) => result.variant.label).join(', ');
    issues.push({ path, message: `matches more than one variant (${matched}) where exactly one is allowed` });
  }
}

function validateByDiscriminator(
  options: ValidateFieldOptions & { variants: FieldVariant[]; validateField: ValidateField; discriminator: string; value: Record<string, unknown> },
): void {
  const { value, path, issues, variants, discriminator, validateField } = options;
  const tagPath = propertyPath({ parent: path, key: discriminator });
  const tag = Object.hasOwn(value, discriminator) ? value[discriminator] : undefined;
  if (tag === undefined) {
    issues.push({ path: tagPath, message: 'is required to choose a variant' });
    return;
  }
  const chosen = variants.find((variant) => variantTags({ field: variant.field, discriminator, label: variant.label }).includes(tag));
  if (!chosen) {
    const allowed = variants.flatMap((variant) => variantTags({ field: variant.field, discriminator, label: variant.label }).slice(0, 1));
    issues.push({ path: tagPath, message: `must be one of: ${listAllowedValues(allowed)}` });
    return;
  }
  validateField({ ...options, field: chosen.field });
}

/** The discriminator values that select a variant: its property's options, its default, its label. */
function variantTags(options: { field: InputField; discriminator: string; label: string }): unknown[] {
  const property = options.field.properties?.[options.discriminator];
  const tags: unknown[] = property?.options?.map((option) => option.value) ?? [];
  if (property?.default !== undefined) tags.push(property.default);
  tags.push(options.label);
  return tags;
}
