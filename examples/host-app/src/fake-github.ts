import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake API saw, so the example (and its test) can show what the connector sent. */
export interface SeenRequest {
  method: string;
  url: string;
  authorization?: string;
  body: unknown;
}

/**
 * A stand-in for api.github.com on 127.0.0.1: creates issues and reads repositories, enough to show
 * a host app driving a generated connector without touching the network.
 */
export async function startFakeGithub(): Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  let nextIssue = 1;
  const server: Server = createServer(async (request, response) => {
    const body = await readJson(request);
    seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
    response.setHeader('content-type', 'application/json');
    if (request.headers.authorization !== 'Bearer example-token') {
      response.statusCode = 401;
      response.end(JSON.stringify({ message: 'Bad credentials' }));
      return;
    }
    const issues = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(request.url ?? '');
    if (request.method === 'POST' && issues) {
      response.statusCode = 201;
      const number = nextIssue++;
      const { title } = body as { title: string };
      response.end(JSON.stringify({ number, title, state: 'open', html_url: `https://github.test/${issues[1]}/${issues[2]}/issues/${number}` }));
      return;
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ message: 'Not Found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}
