import type { WebhookIR } from '../ir/types.ts';
import { childPointer } from '../errors/index.ts';
import { isPlainRecord } from '../load/plain-record.ts';
import { field, optionalString, recordEntries, resolveObject, type NormaliseContext } from './normalise-context.ts';
import { HTTP_METHODS } from './http-methods.ts';
import { normaliseRequestBody } from './normalise-request-body.ts';

/** 3.1 `webhooks` or 3.0 `x-webhooks`: event name → path item; one entry per method. */
export function normaliseWebhooks(options: { context: NormaliseContext; value: unknown; pointer: string }): WebhookIR[] {
  const { context } = options;
  // An `x-` entry that is not a path item (`x-sdk-exclude: true`) is an extension, not an event.
  return recordEntries(options.value).flatMap(([name, pathItem]) =>
    name.startsWith('x-') && !isPlainRecord(pathItem) ? [] : webhookOperations({ context, name, pathItem, pointer: childPointer(options.pointer, name) }),
  );
}

/** Operation `callbacks`: callback name → { expression → path item }. */
export function normaliseCallbacks(options: { context: NormaliseContext; value: unknown; pointer: string }): WebhookIR[] {
  const { context } = options;
  return recordEntries(options.value).flatMap(([name, raw]) => {
    const callback = resolveObject({ context, value: raw, pointer: childPointer(options.pointer, name) });
    if (callback === undefined) return [];
    return Object.entries(callback.value).flatMap(([expression, pathItem]) =>
      expression.startsWith('x-') ? [] : webhookOperations({ context, name, pathItem, pointer: childPointer(callback.pointer, expression) }),
    );
  });
}

function webhookOperations(options: { context: NormaliseContext; name: string; pathItem: unknown; pointer: string }): WebhookIR[] {
  const { context, name } = options;
  const resolved = resolveObject({ context, value: options.pathItem, pointer: options.pointer });
  if (resolved === undefined) return [];
  const result: WebhookIR[] = [];
  for (const method of HTTP_METHODS) {
    const operation = field(resolved.value, method);
    if (!isPlainRecord(operation)) continue;
    const pointer = childPointer(resolved.pointer, method);
    const webhook: WebhookIR = { name, pointer, method };
    const summary = optionalString(field(operation, 'summary'));
    const description = optionalString(field(operation, 'description'));
    if (summary !== undefined) webhook.summary = summary;
    if (description !== undefined) webhook.description = description;
    const rawBody = field(operation, 'requestBody');
    if (rawBody !== undefined) {
      const body = normaliseRequestBody({ context, value: rawBody, pointer: childPointer(pointer, 'requestBody') });
      if (body !== undefined) webhook.requestBody = body;
    }
    result.push(webhook);
  }
  return result;
}
