/**
 * Which request body media type an action sends and which response it reads. The definition's body,
 * the type shape and the types document all use these choices, so they always agree.
 */
import type { ResponseType } from '@specwire/runtime';
import type { BodyEncodingIR, MediaTypeIR, RequestBodyIR, ResponseIR, SchemaIR } from '../../ir/types.ts';

const ENCODING_PREFERENCE: BodyEncodingIR[] = ['json', 'form', 'multipart'];

/**
 * JSON first, then form, then multipart, then whatever the spec lists first; among the media types
 * `canCarry` accepts when it accepts any (a form whose schema names no field is chosen last).
 */
export function chooseRequestMedia(body: RequestBodyIR | undefined, canCarry?: (media: MediaTypeIR) => boolean): MediaTypeIR | undefined {
  if (!body || body.contents.length === 0) return undefined;
  const carried = canCarry ? body.contents.filter(canCarry) : body.contents;
  const contents = carried.length > 0 ? carried : body.contents;
  for (const encoding of ENCODING_PREFERENCE) {
    const match = contents.find((content) => content.encoding === encoding);
    if (match) return match;
  }
  return contents[0];
}

export interface SuccessResponse {
  status: string;
  mediaType: string;
  schema: SchemaIR;
}

export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || essence.endsWith('+json') || essence.endsWith('/json');
}

/** The first 2XX response with content, in spec order; its JSON media type if it has one, else its first. */
export function chooseSuccessResponse(responses: readonly ResponseIR[]): SuccessResponse | undefined {
  const response = responses.find((candidate) => isSuccessStatus(candidate.status) && candidate.contents.length > 0);
  if (!response) return undefined;
  const content = response.contents.find((candidate) => isJsonMediaType(candidate.mediaType)) ?? response.contents[0];
  return content ? { status: response.status, mediaType: content.mediaType, schema: content.schema } : undefined;
}

/**
 * How the runtime reads the body: JSON types and wildcards as JSON (most APIs that say `*\/*` send
 * JSON; the runtime still looks at the actual Content-Type), `text/*` and XML as text, the rest binary.
 */
export function responseTypeOf(mediaType: string): ResponseType {
  const essence = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (isJsonMediaType(essence) || essence === '*/*' || essence === 'application/*' || essence === '') return 'json';
  if (essence.startsWith('text/') || essence.endsWith('/xml') || essence.endsWith('+xml')) return 'text';
  return 'binary';
}

const PLAIN_MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;

/**
 * Whether to pin an `Accept` header: only for a concrete, non-JSON success media type (servers that
 * negotiate would otherwise pick JSON or HTML). Anything but a plain `type/subtype` is left out.
 */
export function acceptHeaderFor(mediaType: string): string | undefined {
  if (isJsonMediaType(mediaType) || !PLAIN_MEDIA_TYPE.test(mediaType)) return undefined;
  return mediaType;
}
