/** The `webhooks:` and `triggers:` keys of an override file: schema, names, and `webhooks.source`. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/load/index.ts';
import { normaliseSpec } from '../../src/normalise/index.ts';
import { mergeSources } from '../../src/merge/index.ts';
import { applyOverrides, parseOverrides } from '../../src/override/index.ts';
import { makeApi, makeBody, makeOperation } from '../plan/factories.ts';
import { errorOf } from '../support/error-of.ts';

const ir = makeApi({
  operations: [makeOperation({ operationId: 'listThings', path: '/things' })],
  webhooks: [{ name: 'thing-created', pointer: '/webhooks/thing-created/post', method: 'post', requestBody: makeBody({ type: 'object' }) }],
});

function curate(text: string) {
  return applyOverrides({ ir, overrides: parseOverrides({ file: 'overrides/things.yaml', text }), defaultName: 'things' });
}


describe('webhooks and triggers keys', () => {
  it('carries webhooks settings and trigger declarations; event names match loosely', () => {
    const curated = curate('webhooks:\n  verification: { preset: github }\ntriggers:\n  created: { webhook: { event: thing.created } }\n');
    expect(curated.webhooks).toEqual({ verification: { preset: 'github' } });
    expect(curated.triggers).toEqual([{ id: 'created', webhook: { event: 'thing.created' } }]);
  });

  it('refuses an unknown preset and an hmac without its header, at the line', () => {
    expect(errorOf(() => curate('webhooks:\n  verification: { preset: gitlab }\n'))).toMatch(/^overrides\/things\.yaml:2:/);
    expect(errorOf(() => curate('webhooks:\n  verification: { preset: hmac, algorithm: sha256, encoding: hex }\n'))).toMatch(/^overrides\/things\.yaml:2:/);
  });

  it('refuses a webhook event the spec does not declare, suggesting the closest', () => {
    expect(errorOf(() => curate('triggers:\n  t:\n    webhook: { event: thing.creatd }\n'))).toBe(
      'overrides/things.yaml:3:23: trigger "t": webhook event "thing.creatd" is not declared by the spec (did you mean "thing-created"?)',
    );
  });

  it('accepts events the file declares when it gives their payload schema', () => {
    expect(curate('webhooks: { payload_schema: Event, events: [other.thing] }\ntriggers:\n  t: { webhook: { event: other.thing } }\n').triggers).toHaveLength(1);
  });

  it('validates the polling keys (cursor type, order) by schema, and the action by name', () => {
    expect(errorOf(() => curate('triggers:\n  t:\n    polling: { action: listThings, cursor: { path: id, type: random } }\n'))).toMatch(/^overrides\/things\.yaml:3:/);
    expect(errorOf(() => curate('triggers:\n  t:\n    polling: { action: listThing }\n'))).toContain('polling action "listThing" names no operation (did you mean "listThings"?)');
    expect(curate('triggers:\n  t:\n    polling: { action: listThings, order: oldest_first, cursor: { path: id, type: increasing_id } }\n').triggers[0]!.polling).toEqual({
      action: 'listThings',
      order: 'oldest_first',
      cursor: { path: 'id', type: 'increasing_id' },
    });
  });
});

describe('webhooks.source', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'specwire-webhook-source-'));
  mkdirSync(join(workspace, 'specs'));
  writeFileSync(
    join(workspace, 'specs/api.json'),
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'API', version: '1' },
      paths: { '/things': { get: { operationId: 'listThings', responses: { '200': { description: 'ok' } } } } },
      'x-webhooks': { stale: { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } } } },
      components: { schemas: { user: { type: 'object', properties: { login: { type: 'string' } } }, shared: { type: 'string' } } },
    }),
  );
  writeFileSync(
    join(workspace, 'specs/hooks.json'),
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Hooks', version: '1' },
      webhooks: {
        'thing-created': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/thing-event' } } } } } },
        'thing-deleted': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      components: {
        schemas: {
          'thing-event': { type: 'object', properties: { sender: { $ref: '#/components/schemas/user' }, kind: { $ref: '#/components/schemas/shared' }, self: { $ref: '#/components/schemas/thing-event' } } },
          user: { type: 'object', properties: { id: { type: 'integer' } } },
          shared: { type: 'string' },
        },
      },
    }),
  );

  async function merged(text: string) {
    const overrides = parseOverrides({ file: 'overrides/api.yaml', text });
    return mergeSources({ loaded: await loadSpec({ file: join(workspace, 'specs/api.json') }), overrides, workspaceRoot: workspace });
  }

  it("replaces the spec's webhooks with the listed events of the source, copying what they reference", async () => {
    const loaded = await merged('webhooks:\n  source: { spec: specs/hooks.json }\n  events: [thing.created]\n');
    const document = loaded.document as { 'x-webhooks': Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document['x-webhooks'])).toEqual(['thing-created']);
    // `user` differs from the spec's own: copied under another name; `shared` is the same: shared.
    expect(document.components.schemas['thing-event']).toEqual({
      type: 'object',
      properties: { sender: { $ref: '#/components/schemas/user__webhooks' }, kind: { $ref: '#/components/schemas/shared' }, self: { $ref: '#/components/schemas/thing-event' } },
    });
    expect(document.components.schemas.user).toEqual({ type: 'object', properties: { login: { type: 'string' } } });
    expect(document.components.schemas.user__webhooks).toEqual({ type: 'object', properties: { id: { type: 'integer' } } });
    expect(normaliseSpec(loaded).webhooks.map((hook) => hook.name)).toEqual(['thing-created']);
  });

  it('refuses a source outside the workspace and a package that is not installed', async () => {
    await expect(merged('webhooks:\n  source: { spec: ../elsewhere.json }\n')).rejects.toThrow(/must be a path inside the workspace/);
    await expect(merged('webhooks:\n  source: { npm: "@nobody/not-installed/hooks.json" }\n')).rejects.toThrow(/package "@nobody\/not-installed" is not installed/);
    await expect(merged('webhooks:\n  source: { npm: "pkg/../../etc/passwd" }\n')).rejects.toThrow(/must look like <package>\/<file inside it>/);
  });
});
