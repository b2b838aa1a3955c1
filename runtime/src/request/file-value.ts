import type { InputField } from '../definition.ts';

/** A file given with a name and type; `data` as text, bytes or a Blob. */
export interface FileInput {
  data: string | Uint8Array | Blob;
  filename?: string;
  contentType?: string;
}

/** What a file field (`inputType: 'file'` or `format: 'binary'`) accepts. */
export type FileValue = Blob | Uint8Array | FileInput;

const FILE_INPUT_KEYS = new Set(['data', 'filename', 'contentType']);

export function isFileField(field: InputField | undefined): boolean {
  return field?.inputType === 'file' || field?.format === 'binary';
}

export function isBinaryValue(value: unknown): value is Blob | Uint8Array {
  return value instanceof Uint8Array || value instanceof Blob;
}

export function isFileInput(value: unknown): value is FileInput {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isBinaryValue(value)) return false;
  const keys = Object.keys(value);
  if (!keys.includes('data') || !keys.every((key) => FILE_INPUT_KEYS.has(key))) return false;
  const { data, filename, contentType } = value as Record<string, unknown>;
  return (
    (typeof data === 'string' || isBinaryValue(data)) &&
    (filename === undefined || typeof filename === 'string') &&
    (contentType === undefined || typeof contentType === 'string')
  );
}

/** Converts any accepted file value to a Blob (keeping a given content type). */
export function fileValueToBlob(options: { value: FileValue | string; contentType?: string }): Blob {
  const { value } = options;
  if (value instanceof Blob) return value;
  if (typeof value === 'string' || value instanceof Uint8Array) {
    return new Blob([toBlobPart(value)], options.contentType ? { type: options.contentType } : {});
  }
  return fileValueToBlob({ value: value.data, contentType: value.contentType ?? options.contentType });
}

/** TypeScript types Uint8Array over ArrayBufferLike, which BlobPart does not accept; Blob copies. */
export function toBlobPart(value: string | Uint8Array | Blob): BlobPart {
  return value as BlobPart;
}
