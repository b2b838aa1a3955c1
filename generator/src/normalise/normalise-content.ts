import type { MediaTypeIR, ParameterStyleIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import { isPlainRecord } from '../load/plain-record.ts';
import { field, recordEntries, resolveObject, degrade, type NormaliseContext } from './normalise-context.ts';
import { normaliseSchema } from './normalise-schema.ts';
import { classifyMediaType } from './classify-media-type.ts';

const STYLES = new Set<string>(['form', 'simple', 'label', 'matrix', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

/**
 * An OpenAPI 3 `content` map → media types in spec order (no schema means untyped). Some vendors
 * (Lob) write the whole map, or a media type object, as a `$ref`; that is non-standard but
 * unambiguous, so it is followed.
 */
export function normaliseContent(options: { context: NormaliseContext; content: unknown; pointer: string }): MediaTypeIR[] {
  const { context } = options;
  if (options.content === undefined) return [];
  const map = resolveObject({ context, value: options.content, pointer: options.pointer });
  if (map === undefined) return [];
  const result: MediaTypeIR[] = [];
  for (const [mediaType, rawMedia] of Object.entries(map.value)) {
    const at = childPointer(map.pointer, mediaType);
    const resolvedMedia = isPlainRecord(rawMedia) ? resolveObject({ context, value: rawMedia, pointer: at }) : undefined;
    const media: unknown = resolvedMedia?.value ?? rawMedia;
    if (!isPlainRecord(media)) {
      degrade(context, at, 'media type object is not an object; treated as untyped');
    }
    const rawSchema = isPlainRecord(media) ? field(media, 'schema') : undefined;
    const schema = rawSchema === undefined ? {} : normaliseSchema({ context, schema: rawSchema, pointer: childPointer(at, 'schema') });
    const entry: MediaTypeIR = { mediaType, encoding: classifyMediaType({ mediaType, schema }), schema };
    const propertyEncoding = isPlainRecord(media) ? normalisePropertyEncoding(field(media, 'encoding')) : undefined;
    if (propertyEncoding !== undefined) entry.propertyEncoding = propertyEncoding;
    result.push(entry);
  }
  return result;
}

function normalisePropertyEncoding(value: unknown): MediaTypeIR['propertyEncoding'] {
  const entries = recordEntries(value);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([name, encoding]) => {
      const out: { contentType?: string; style?: ParameterStyleIR; explode?: boolean } = {};
      if (isPlainRecord(encoding)) {
        const contentType = field(encoding, 'contentType');
        const style = field(encoding, 'style');
        const explode = field(encoding, 'explode');
        if (typeof contentType === 'string') out.contentType = contentType;
        if (typeof style === 'string' && STYLES.has(style)) out.style = style as ParameterStyleIR;
        if (typeof explode === 'boolean') out.explode = explode;
      }
      return [name, out];
    }),
  );
}
