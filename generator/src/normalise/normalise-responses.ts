import type { ResponseIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import { isPlainRecord } from '../load/plain-record.ts';
import { field, optionalString, recordEntries, resolveObject, degrade, type NormaliseContext } from './normalise-context.ts';
import { normaliseContent } from './normalise-content.ts';
import { normaliseSchema } from './normalise-schema.ts';

/**
 * Responses in key order. For 2.0, a response `schema` is offered under every `produces` media type
 * (the operation's, else the document's, else JSON).
 */
export function normaliseResponses(options: { context: NormaliseContext; value: unknown; pointer: string; produces: string[] }): ResponseIR[] {
  const { context, pointer } = options;
  const responses: ResponseIR[] = [];
  for (const [status, raw] of recordEntries(options.value)) {
    if (status.startsWith('x-')) continue;
    const at = childPointer(pointer, status);
    const resolved = resolveObject({ context, value: raw, pointer: at });
    if (resolved === undefined) continue;
    const response = resolved.value;
    const contents =
      context.version === '2.0'
        ? swagger2Contents({ context, response, pointer: resolved.pointer, produces: options.produces })
        : normaliseContent({ context, content: field(response, 'content'), pointer: childPointer(resolved.pointer, 'content') }).map(
            ({ mediaType, schema }) => ({ mediaType, schema }),
          );
    const entry: ResponseIR = { status, contents, headers: recordEntries(field(response, 'headers')).map(([name]) => name) };
    const description = optionalString(field(response, 'description'));
    if (description !== undefined) entry.description = description;
    responses.push(entry);
  }
  return responses;
}

function swagger2Contents(options: { context: NormaliseContext; response: Record<string, unknown>; pointer: string; produces: string[] }): ResponseIR['contents'] {
  const { context, response, pointer } = options;
  const raw = field(response, 'schema');
  if (raw === undefined) return [];
  if (!isPlainRecord(raw)) {
    degrade(context, childPointer(pointer, 'schema'), 'response schema is not an object; ignored');
    return [];
  }
  const schema = normaliseSchema({ context, schema: raw, pointer: childPointer(pointer, 'schema') });
  return options.produces.map((mediaType) => ({ mediaType, schema }));
}
