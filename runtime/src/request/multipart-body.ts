import type { BodyDefinition, InputField } from '../definition.ts';
import { isPlainObject } from '../validate/describe-value.ts';
import { fileValueToBlob, isBinaryValue, isFileField, isFileInput, toBlobPart } from './file-value.ts';
import { atomToString } from './style-value.ts';

/**
 * multipart/form-data, encoded here rather than through FormData because FormData cannot give a
 * non-file part a Content-Type: objects go as `application/json` parts without a filename, files
 * as parts with a filename and their type. Arrays become one part per item (same name). `null`
 * is left out: an empty part would be a value (`""`), not "no value". Names and filenames are escaped as the HTML standard does
 * (`"` → `%22`, CR → `%0D`, LF → `%0A`), so no value can break out of its part header.
 */
export async function buildMultipartBody(options: {
  properties: Array<{ name: string; value: unknown; field?: InputField }>;
  definition: BodyDefinition;
}): Promise<{ body: Uint8Array; contentType: string }> {
  const boundary = `----specwire${crypto.randomUUID().replace(/-/g, '')}`;
  const chunks: Array<Uint8Array | Blob> = [];
  const encoder = new TextEncoder();
  for (const { name, value, field } of options.properties) {
    const items = Array.isArray(value) && !isFileField(field) ? value : [value];
    const itemField = Array.isArray(value) ? field?.itemSchema ?? field : field;
    for (const item of items) {
      // multipart has no null: a null field (or item) is left out, like an absent one.
      if (item === undefined || item === null) continue;
      const part = toPart({ name, value: item, field: itemField, partType: options.definition.propertyEncoding?.[name]?.contentType });
      chunks.push(encoder.encode(`--${boundary}\r\n${part.header}\r\n`), part.data, encoder.encode('\r\n'));
    }
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(await new Blob(chunks.map(toBlobPart)).arrayBuffer());
  const mediaType = options.definition.contentType.split(';')[0]?.trim() || 'multipart/form-data';
  return { body, contentType: `${mediaType}; boundary=${boundary}` };
}

interface Part {
  header: string;
  data: Uint8Array | Blob;
}

function toPart(options: { name: string; value: unknown; field?: InputField; partType?: string }): Part {
  const { name, value, field, partType } = options;
  const disposition = `Content-Disposition: form-data; name="${escapeQuoted(name)}"`;
  if (isBinaryValue(value) || isFileInput(value) || (isFileField(field) && typeof value === 'string')) {
    const filename = isFileInput(value) && value.filename ? value.filename : name;
    const blob = fileValueToBlob({ value, contentType: isFileInput(value) ? value.contentType : undefined });
    const type = (isFileInput(value) && value.contentType) || blob.type || partType || 'application/octet-stream';
    return { header: `${disposition}; filename="${escapeQuoted(filename)}"\r\nContent-Type: ${stripLineBreaks(type)}\r\n`, data: blob };
  }
  if (isPlainObject(value) || Array.isArray(value)) {
    const type = partType ?? 'application/json';
    return { header: `${disposition}\r\nContent-Type: ${stripLineBreaks(type)}\r\n`, data: new TextEncoder().encode(JSON.stringify(value)) };
  }
  const typeLine = partType && !partType.startsWith('text/plain') ? `\r\nContent-Type: ${stripLineBreaks(partType)}` : '';
  return { header: `${disposition}${typeLine}\r\n`, data: new TextEncoder().encode(atomToString(value)) };
}

function escapeQuoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function stripLineBreaks(value: string): string {
  return value.replace(/[\r\n\u0000]/g, '');
}
