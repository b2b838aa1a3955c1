import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it, before any decoding. */
export interface RecordedRequest {
  method: string;
  /** Raw request target: path and query exactly as sent (`/a%2Fb?x=1`). */
  path: string;
  /** Raw path without the query, undecoded. */
  pathname: string;
  /** Decoded query (form rules: `+` is a space), name → values in order. */
  query: Record<string, string[]>;
  /** Lower-cased header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Buffer;
  /** Content-Type header, or `undefined`. */
  contentType: string | undefined;
}

/** What the handler answers. Default: 200 with JSON `{ "ok": true }`. */
export interface MockResponse {
  status?: number;
  headers?: Record<string, string | string[]>;
  /** Raw body. */
  body?: string | Uint8Array;
  /** JSON body (sets `content-type: application/json` unless given). */
  json?: unknown;
  /** Wait this long before answering (to test timeouts). */
  delayMs?: number;
  /** Destroy the socket instead of answering (to test network errors). */
  destroySocket?: boolean;
  /**
   * Send the status and headers at once, then the body `chunk` by `chunk` every `intervalMs`,
   * `count` times (to test a body that trickles). `body`/`json` are ignored.
   */
  trickle?: { chunk: string; intervalMs: number; count: number };
}

export type RecordingHandler = (request: RecordedRequest) => MockResponse | void | Promise<MockResponse | void>;

export interface RecordingServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  requests: RecordedRequest[];
  /** Replaces the handler for the following requests. */
  respondWith(handler: RecordingHandler): void;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1, random port, that records every request and answers through a
 * handler. For connector tests and example apps; never listens on another address.
 */
export async function startRecordingServer(handler?: RecordingHandler): Promise<RecordingServer> {
  let current: RecordingHandler | undefined = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void handle({ req, res, requests, handler: current });
  });
  // A client that blocks its event loop between requests (a judge compiling a large spec's schemas)
  // reuses its kept-alive socket after Node's 5-second idle timeout has run out; the server then
  // resets it (ECONNRESET). Idle sockets are left to the client to close; close() ends them all.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(options: {
  req: IncomingMessage;
  res: ServerResponse;
  requests: RecordedRequest[];
  handler: RecordingHandler | undefined;
}): Promise<void> {
  const { req, res } = options;
  try {
    const recorded = await record(req);
    options.requests.push(recorded);
    const answer = (await options.handler?.(recorded)) ?? {};
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.destroySocket) {
      req.socket.destroy();
      return;
    }
    if (answer.trickle) {
      trickle({ res, answer, trickle: answer.trickle });
      return;
    }
    send({ res, answer });
  } catch (error) {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`recording server handler failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const path = req.url ?? '/';
  const queryStart = path.indexOf('?');
  const pathname = queryStart === -1 ? path : path.slice(0, queryStart);
  const query: Record<string, string[]> = {};
  if (queryStart !== -1) {
    for (const [name, value] of new URLSearchParams(path.slice(queryStart + 1))) {
      (query[name] ??= []).push(value);
    }
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', path, pathname, query, headers, body: Buffer.concat(chunks), contentType: headers['content-type'] };
}

function send(options: { res: ServerResponse; answer: MockResponse }): void {
  const { res, answer } = options;
  const headers: Record<string, string | string[]> = { ...answer.headers };
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  let body: string | Uint8Array | undefined = answer.body;
  if (answer.json !== undefined || (answer.body === undefined && answer.status === undefined && answer.headers === undefined)) {
    body = JSON.stringify(answer.json ?? { ok: true });
    if (!hasContentType) headers['content-type'] = 'application/json';
  }
  res.writeHead(answer.status ?? 200, headers);
  res.end(body);
}

function trickle(options: { res: ServerResponse; answer: MockResponse; trickle: NonNullable<MockResponse['trickle']> }): void {
  const { res, answer } = options;
  const { chunk, intervalMs, count } = options.trickle;
  res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= count) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    sent += 1;
    res.write(chunk);
  }, intervalMs);
  res.on('close', () => clearInterval(timer));
}
