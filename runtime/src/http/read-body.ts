import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';

/**
 * Reads a response body, stopping (and cancelling the stream) as soon as it passes `maxBytes`.
 * Counts decoded bytes, so a gzip bomb is stopped too.
 */
export function readBodyWithLimit(options: { response: Response; maxBytes: number }): Promise<Uint8Array> {
  const { response, maxBytes } = options;
  const declared = Number(response.headers.get('content-length') ?? NaN);
  // Fast path (see below), without an async frame of its own: it runs for most responses.
  if (Number.isFinite(declared) && declared <= maxBytes && response.body && response.headers.get('content-encoding') === null) {
    return response.arrayBuffer().then(toBytes);
  }
  return readChecked({ response, maxBytes, declared });
}

async function readChecked(options: { response: Response; maxBytes: number; declared: number }): Promise<Uint8Array> {
  const { response, maxBytes, declared } = options;
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  // Fast path: an unencoded body of a declared length within the cap cannot grow past it (the
  // HTTP parser stops at Content-Length), so fetch's own buffering is safe and cheaper.
  if (Number.isFinite(declared) && response.headers.get('content-encoding') === null) {
    return new Uint8Array(await response.arrayBuffer());
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function toBytes(buffer: ArrayBuffer): Uint8Array {
  return new Uint8Array(buffer);
}

function tooLarge(maxBytes: number): ConnectorError {
  return new ConnectorError({
    code: ErrorCode.responseTooLarge,
    message: `response body exceeds the ${maxBytes}-byte limit`,
  });
}
