// A union of plain values (`string | integer`, GitHub's issue title) is one text box, not a JSON
// editor or a chooser: the typed text is read as the first alternative that accepts it (a number
// where a number fits, else the text), and text that fits none is marked invalid on the spot.
import type { InputField } from '@specwire/runtime';
import { h } from './dom.ts';

const INTEGER_FORMATS = new Set(['int8', 'int16', 'int32', 'int64', 'integer', 'uint8', 'uint16', 'uint32', 'uint64']);
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Every alternative is a plain string, number or boolean field (no structure, no fixed choices). */
export function isPrimitiveUnion(field: InputField): boolean {
  const variants = field.variants ?? [];
  return variants.length > 0 && variants.every(({ field: variant }) =>
    (variant.type === 'string' || variant.type === 'number' || variant.type === 'boolean')
    && !variant.variants && !variant.properties && !variant.opaque && !variant.loadOptionsSource
    && variant.inputType !== 'file');
}

/** The value the text stands for under one alternative, or `undefined` when that alternative refuses it. */
function readAs(options: { variant: InputField; text: string }): { value: unknown } | undefined {
  const { variant, text } = options;
  if (variant.type === 'boolean') return text === 'true' || text === 'false' ? { value: text === 'true' } : undefined;
  if (variant.type === 'number') {
    if (!NUMBER_TEXT.test(text)) return undefined;
    const value = Number(text);
    if (variant.format !== undefined && INTEGER_FORMATS.has(variant.format) && !Number.isInteger(value)) return undefined;
    return { value };
  }
  const pattern = variant.validation?.pattern;
  if (pattern !== undefined && !safeTest({ pattern, text })) return undefined;
  if (variant.validation?.minLength !== undefined && text.length < variant.validation.minLength) return undefined;
  if (variant.validation?.maxLength !== undefined && text.length > variant.validation.maxLength) return undefined;
  return { value: text };
}

function safeTest(options: { pattern: string; text: string }): boolean {
  try {
    return new RegExp(options.pattern, 'u').test(options.text);
  } catch {
    return true; // the runtime checks the pattern again when the action runs
  }
}

/** Numbers and booleans are tried before text, so `42` is sent as the integer 42 when one fits. */
export function readPrimitiveUnion(options: { field: InputField; text: string }): { value: unknown } | undefined {
  const variants = [...(options.field.variants ?? [])].sort((a, b) => rank(a.field) - rank(b.field));
  for (const { field: variant } of variants) {
    const read = readAs({ variant, text: options.text });
    if (read) return read;
  }
  return undefined;
}

function rank(field: InputField): number {
  return field.type === 'string' ? 1 : 0;
}

export function renderPrimitiveUnion(field: InputField, context: { path: string }): { element: HTMLElement; read(): unknown } {
  const accepted = (field.variants ?? []).map((variant) => variant.label).join(' or ');
  const input = h('input', { id: context.path, name: context.path, type: 'text', placeholder: field.placeholder ?? accepted, class: 'union' });
  const error = h('span', { class: 'field-error', role: 'status' });
  const check = (): void => {
    const fits = input.value === '' || readPrimitiveUnion({ field, text: input.value }) !== undefined;
    const message = fits ? '' : `expected ${accepted}`;
    input.setCustomValidity(message);
    if (fits) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    error.textContent = message;
  };
  input.addEventListener('input', check);
  if (typeof field.default === 'string' || typeof field.default === 'number') input.value = String(field.default);
  return {
    element: h('div', { class: 'union-field' }, input, error),
    read() {
      if (input.value === '') return undefined;
      // Text that fits no alternative is sent as typed, so the runtime's validation message shows.
      return readPrimitiveUnion({ field, text: input.value })?.value ?? input.value;
    },
  };
}
