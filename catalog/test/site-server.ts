// One local server on 127.0.0.1: the built catalog under /, and under /api a recorder that answers
// every request with JSON and keeps what it received (same origin, so no CORS in the way).
import { createServer, type IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface RecordedRequest {
  method: string;
  url: string;
  contentType: string | undefined;
  apiKey: string | undefined;
  body: string;
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSiteServer(options: {
  root: string;
  /** A test's own answer for an /api URL (path and query after /api); `undefined` falls back to the default. */
  answer?: (url: string) => unknown;
}): Promise<{ origin: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/api/')) {
      requests.push({
        method: request.method ?? '',
        url: url.slice('/api'.length),
        contentType: request.headers['content-type']?.split(';')[0],
        apiKey: request.headers['x-api-key'] as string | undefined,
        body: await bodyOf(request),
      });
      // A repository list for dynamic options (GitHub's repos_list_for_authenticated_user); else a plain answer.
      const answer = options.answer?.(url.slice('/api'.length)) ?? (url.startsWith('/api/user/repos') ? [{ name: 'specwire', full_name: 'acme/specwire' }] : { ok: true });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      return;
    }
    const file = path.join(options.root, decodeURIComponent(url.split('?')[0] === '/' ? '/index.html' : url.split('?')[0]));
    if (!file.startsWith(options.root)) return void response.writeHead(403).end();
    const content = await readFile(file).catch(() => undefined);
    if (content === undefined) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
