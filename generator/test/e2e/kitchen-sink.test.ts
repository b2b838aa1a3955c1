/**
 * End to end on the team's own spec: every action of the committed kitchen-sink connector runs
 * against a recording server on 127.0.0.1, and the exact request is checked against OpenAPI's
 * serialisation rules (styles, encodings, auth placement). The generated package's own tests cover
 * the actions the planner can predict; this file covers all of them, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector, type BaseConnector } from '@specwire/runtime';
import { startRecordingServer } from '@specwire/runtime/testing';
import { definition, KitchenSinkConnector } from '../../../generated/kitchen-sink/src/index.ts';

type Server = Awaited<ReturnType<typeof startRecordingServer>>;

const credentials = {
  apiKey: 'key-1',
  apiKeyQueryApiKey: 'query-key-1',
  apiKeyCookieApiKey: 'cookie-key-1',
  accessToken: 'token-1',
  username: 'ann',
  password: 'pw',
};

let server: Server;
let connector: BaseConnector;

beforeAll(async () => {
  server = await startRecordingServer();
  connector = createConnector(definition, { baseUrl: `${server.url}/v1`, credentials });
});
afterAll(() => server.close());

async function send(actionId: string, input: Record<string, unknown>) {
  const before = server.requests.length;
  const result = await connector.executeAction(actionId, input);
  expect(result.error).toBeUndefined();
  expect(server.requests).toHaveLength(before + 1);
  return server.requests[before];
}

const bearer = { authorization: 'Bearer token-1' };

const expectationsById = new Map<string, () => Promise<void>>([
  ['get_health', async () => {
    const request = await send('get_health', {});
    expect(request.path).toBe('/v1/health');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers.accept).toBe('text/plain');
  }],
  ['list_notes', async () => {
    // form explode=true repeats the name; form explode=false joins with commas; header param sent as-is.
    const request = await send('list_notes', { tag: ['a b', 'c'], ids: [1, 2], limit: 5, 'X-Request-Id': 'r-1' });
    expect(request.path).toBe('/v1/notes?tag=a%20b&tag=c&ids=1,2&limit=5');
    expect(request.headers).toMatchObject({ ...bearer, 'x-request-id': 'r-1' });
  }],
  ['create_note', async () => {
    const request = await send('create_note', {
      title: 'Hi',
      status: 'draft',
      labels: [{ name: 'x', colour: 'red' }],
      location: { lat: 1.5, place: { name: 'P' } },
    });
    expect(request.method).toBe('POST');
    expect(request.contentType).toBe('application/json');
    expect(request.body.toString()).toBe('{"title":"Hi","status":"draft","labels":[{"name":"x","colour":"red"}],"location":{"lat":1.5,"place":{"name":"P"}}}');
  }],
  ['search_notes', async () => {
    const request = await send('search_notes', {
      words: ['a', 'b'],
      colours: ['red', 'blue'],
      filter: { author: 'ann', pinned: true },
      range: { from: '2024-01-01', to: '2024-02-01' },
      sort: { field: 'title', dir: 'asc' },
      where: { x: [1] },
    });
    // spaceDelimited, pipeDelimited, deepObject, form explode object, form object, JSON content parameter.
    expect(request.path).toBe(
      '/v1/notes/search?words=a%20b&colours=red|blue&filter[author]=ann&filter[pinned]=true' +
        '&from=2024-01-01&to=2024-02-01&sort=field,title,dir,asc&where=%7B%22x%22%3A%5B1%5D%7D',
    );
  }],
  ['get_note', async () => {
    const request = await send('get_note', { noteId: 'note-1', 'X-Trace': 'trace-1', session: 's1' });
    expect(request.path).toBe('/v1/notes/note-1');
    expect(request.headers).toMatchObject({ ...bearer, 'x-trace': 'trace-1', cookie: 'session=s1' });
  }],
  ['delete_note', async () => {
    const request = await send('delete_note', { noteId: 'n1' });
    expect([request.method, request.path]).toEqual(['DELETE', '/v1/notes/n1']);
  }],
  ['update_note', async () => {
    // This operation accepts an API key or basic auth: the first alternative with credentials wins.
    const request = await send('update_note', { noteId: 'n1', pinned: true });
    expect([request.method, request.path, request.body.toString()]).toEqual(['PATCH', '/v1/notes/n1', '{"pinned":true}']);
    expect(request.headers['x-api-key']).toBe('key-1');
    expect(request.headers.authorization).toBeUndefined();
  }],
  ['pin_note', async () => {
    const request = await send('pin_note', { noteId: 'n1' });
    expect([request.method, request.path, request.body.length]).toEqual(['PUT', '/v1/notes/n1/pin', 0]);
  }],
  ['post_notes_note_id_archive', async () => {
    const request = await send('post_notes_note_id_archive', { noteId: 'n1' });
    expect([request.method, request.path]).toEqual(['POST', '/v1/notes/n1/archive']);
  }],
  ['get_folder', async () => {
    // A path value is one segment: its slash is encoded, never a new path segment.
    const request = await send('get_folder', { folderPath: 'docs/2024 q1' });
    expect(request.pathname).toBe('/v1/folders/docs%2F2024%20q1');
  }],
  ['get_labels', async () => {
    const request = await send('get_labels', { labelIds: [3, 4] });
    expect(request.pathname).toBe('/v1/labels/.3.4');
  }],
  ['get_label_usage', async () => {
    const request = await send('get_label_usage', { labelIds: [3, 4] });
    expect(request.pathname).toBe('/v1/labels/;labelIds=3,4/usage');
  }],
  ['upload_attachment', async () => {
    const request = await send('upload_attachment', {
      file: { data: 'hello', filename: 'a.txt', contentType: 'text/plain' },
      metadata: { caption: 'c' },
      noteIds: ['n1', 'n2'],
    });
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(request.headers['content-type'] ?? '')?.[1];
    expect(boundary).toBeTruthy();
    const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
    expect(request.body.toString()).toBe(
      part('Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain', 'hello') +
        part('Content-Disposition: form-data; name="metadata"\r\nContent-Type: application/json', '{"caption":"c"}') +
        part('Content-Disposition: form-data; name="noteIds"', 'n1') +
        part('Content-Disposition: form-data; name="noteIds"', 'n2') +
        `--${boundary}--\r\n`,
    );
  }],
  ['download_attachment', async () => {
    server.respondWith(() => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 255, 7]) }));
    try {
      const result = await connector.executeAction('download_attachment', { attachmentId: 'att1' });
      expect(result.success).toBe(true);
      expect([...new Uint8Array(result.data as ArrayBuffer | Uint8Array)]).toEqual([0, 255, 7]);
      expect(server.requests.at(-1)?.headers.accept).toBe('application/octet-stream');
    } finally {
      server.respondWith(() => ({ status: 200, json: { ok: true } }));
    }
  }],
  ['replace_attachment_content', async () => {
    const request = await send('replace_attachment_content', { attachmentId: 'att1', body: new Uint8Array([1, 2, 3]) });
    expect(request.contentType).toBe('application/octet-stream');
    expect([...request.body]).toEqual([1, 2, 3]);
  }],
  ['export_note', async () => {
    // API key in the query string, only for this operation.
    const request = await send('export_note', { noteId: 'n1' });
    expect(request.path).toBe('/v1/notes/n1/export?api_key=query-key-1');
    expect(request.headers.authorization).toBeUndefined();
  }],
  ['export_note_2', async () => {
    // The duplicate operationId got a distinct action id; API key in a cookie.
    const request = await send('export_note_2', { noteId: 'n1' });
    expect(request.path).toBe('/v1/notes/n1/markdown');
    expect(request.headers.cookie).toBe('notes_key=cookie-key-1');
  }],
  ['send_feedback', async () => {
    const request = await send('send_feedback', { email: 'a@b.test', message: 'hi there', topics: ['bug', 'idea'] });
    expect(request.contentType).toBe('application/x-www-form-urlencoded');
    expect(request.body.toString()).toBe('email=a%40b.test&message=hi+there&topics=bug&topics=idea');
  }],
  ['get_tree', async () => {
    const request = await send('get_tree', { treeId: 't1', depth: 2 });
    expect(request.path).toBe('/v1/trees/t1?depth=2');
  }],
  ['create_shape', async () => {
    const request = await send('create_shape', { body: { kind: 'circle', radius: 2 } });
    expect(request.body.toString()).toBe('{"kind":"circle","radius":2}');
  }],
  ['get_current_user', async () => {
    const request = await send('get_current_user', {});
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('ann:pw').toString('base64')}`);
  }],
  ['get_settings', async () => {
    const request = await send('get_settings', {});
    expect(request.headers['x-api-key']).toBe('key-1');
  }],
]);

describe('kitchen-sink: every action sends the request its definition describes', () => {
  it('covers every action of the spec in this file', () => {
    const covered = new Set(expectationsById.keys());
    expect(definition.supported_actions.map((action) => action.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each([...expectationsById.entries()])('%s', async (_id, check) => {
    await check();
  });
});

describe('kitchen-sink: input is validated before anything is sent', () => {
  it('refuses a path value that breaks the declared pattern, naming the field', async () => {
    const before = server.requests.length;
    const result = await connector.executeAction('get_note', { noteId: '../admin' });
    expect(result.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'input.noteId: must match the pattern "^[a-z0-9-]+$"' });
    expect(server.requests).toHaveLength(before);
  });

  it('refuses a discriminated variant that misses a required property', async () => {
    const result = await connector.executeAction('create_shape', { body: { kind: 'rectangle', width: 2 } });
    expect(result.error?.code).toBe('VALIDATION_ERROR');
    expect(result.error?.message).toContain('input.body.height');
  });

  it('refuses an unknown input field', async () => {
    const result = await connector.executeAction('get_tree', { treeId: 't1', dept: 2 });
    expect(result.error?.message).toContain('input.dept: is not a known input field');
  });

  it('keeps the request on the base URL origin whatever a path value holds', async () => {
    const request = await send('get_folder', { folderPath: '//evil.test/x' });
    expect(request.pathname).toBe('/v1/folders/%2F%2Fevil.test%2Fx');
  });
});

describe('kitchen-sink: the typed class runs the same requests', () => {
  it('sends a typed call exactly like the generic one', async () => {
    const typed = new KitchenSinkConnector({ baseUrl: `${server.url}/v1`, credentials });
    const result = await typed.getTree({ treeId: 't1', depth: 3 });
    expect(result.success).toBe(true);
    expect(server.requests.at(-1)?.path).toBe('/v1/trees/t1?depth=3');
  });
});
