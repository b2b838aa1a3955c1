import type { RequestBodyIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import { field, optionalString, resolveObject, type NormaliseContext } from './normalise-context.ts';
import { normaliseContent } from './normalise-content.ts';

/** An OpenAPI 3 request body (possibly a `$ref` to `#/components/requestBodies/*`). */
export function normaliseRequestBody(options: { context: NormaliseContext; value: unknown; pointer: string }): RequestBodyIR | undefined {
  const { context } = options;
  const resolved = resolveObject({ context, value: options.value, pointer: options.pointer });
  if (resolved === undefined) return undefined;
  const body = resolved.value;
  const result: RequestBodyIR = {
    required: field(body, 'required') === true,
    contents: normaliseContent({ context, content: field(body, 'content'), pointer: childPointer(resolved.pointer, 'content') }),
  };
  const description = optionalString(field(body, 'description'));
  if (description !== undefined) result.description = description;
  return result;
}
