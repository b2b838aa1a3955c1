import { describe, expect, it } from 'vitest';
import type { ApiIR } from '../../src/ir/types.ts';
import { applyOverrides, parseOverrides } from '../../src/override/index.ts';
import { planAuth } from '../../src/plan/auth.ts';
import { planConnector } from '../../src/plan/index.ts';
import { makeApi, makeOperation, makeProvenance } from '../plan/factories.ts';
import { errorOf } from '../support/error-of.ts';

const FILE = 'overrides/mail.yaml';

const api: ApiIR = makeApi({
  securitySchemes: [
    { name: 'key', type: 'apiKey', in: 'header', paramName: 'X-Key' },
    {
      name: 'oauth',
      type: 'oauth2',
      flows: [{ flow: 'authorizationCode', authorizationUrl: 'https://mail.test/authorize', tokenUrl: 'https://mail.test/token', scopes: { 'mail.read': 'Read', 'mail.send': 'Send' } }],
    },
  ],
  operations: [
    makeOperation({ operationId: 'messages.list', path: '/messages', tags: ['messages'] }),
    makeOperation({ operationId: 'messages.send', method: 'post', path: '/messages', tags: ['messages'] }),
    makeOperation({ operationId: 'me.get', path: '/me', tags: ['account'] }),
    makeOperation({
      operationId: 'hooks.create',
      method: 'post',
      path: '/hooks',
      tags: ['hooks'],
      callbacks: [{ name: 'messageReceived', pointer: '/paths/~1hooks/post/callbacks/messageReceived', method: 'post' }],
    }),
  ],
  webhooks: [{ name: 'messageBounced', pointer: '/webhooks/messageBounced', method: 'post' }],
});

function curate(...text: string[]) {
  return applyOverrides({ ir: api, overrides: parseOverrides({ file: FILE, text: `${text.join('\n')}\n` }), defaultName: 'mail' });
}


describe('selection defaults and decisions', () => {
  it('records which rule decided each operation, and whether the file chose the default', () => {
    const implicit = curate('operations:', '  - include: { tag: messages }');
    expect(implicit.excluded.map((entry) => entry.decision)).toEqual([
      { rule: 'matched by no include rule', implicit: true },
      { rule: 'matched by no include rule', implicit: true },
    ]);
    const explicit = curate('operations:', '  - include: { operationId: [me.get, messages.send] }', 'operations_default: exclude');
    expect(explicit.selected.map((entry) => entry.decision)).toEqual([
      { ruleIndex: 0, rule: 'operations[0] include operationId=messages.send', implicit: false },
      { ruleIndex: 0, rule: 'operations[0] include operationId=me.get', implicit: false },
    ]);
    expect(explicit.excluded.map((entry) => entry.reason)).toEqual(['operations_default: exclude', 'operations_default: exclude']);
  });

  it('lets operations_default exclude what an exclude-only rule list leaves', () => {
    const curated = curate('operations:', '  - exclude: { tag: hooks }', 'operations_default: include');
    expect(curated.selected.map((entry) => entry.operation.operationId)).toEqual(['messages.list', 'messages.send', 'me.get']);
    expect(curated.selected[0]!.decision).toEqual({ rule: 'operations_default: include', implicit: false });
  });

  it('refuses curating an operation that is not an action', () => {
    expect(errorOf(() => curate('operations:', '  - exclude: { tag: hooks }', 'actions:', '  hooks.create: { name: Create hook }'))).toBe(
      'overrides/mail.yaml:4:3: actions key "hooks.create" curates an operation that is not an action (operations[0] exclude tag=hooks); include it in operations or remove the entry',
    );
  });

  it('refuses two action keys for one operation', () => {
    expect(errorOf(() => curate('actions:', '  me.get: { name: Me }', '  GET /me: { name: Me again }'))).toBe(
      'overrides/mail.yaml:3:3: actions key "GET /me" names the same operation as another key; keep one',
    );
  });

  it('refuses an unknown operations_default', () => {
    expect(errorOf(() => curate('operations_default: some'))).toBe('overrides/mail.yaml:1:21: "operations_default" must be one of: include, exclude');
  });
});

describe('auth: OAuth2 settings, order and the connection test', () => {
  it('narrows scopes and replaces URLs of an oauth2 scheme, keeping the offered order', () => {
    const curated = curate(
      'auth:',
      '  schemes: [oauth, key]',
      '  oauth2:',
      '    oauth:',
      '      token_url: https://login.mail.test/token',
      '      refresh_url: https://login.mail.test/refresh',
      '      scopes: [mail.read]',
    );
    const auth = planAuth(curated);
    expect(auth.authType).toBe('multiple');
    expect(auth.schemes.map((scheme) => scheme.id)).toEqual(['oauth', 'key']);
    expect(auth.oauthConfig).toEqual({ authorization_url: 'https://mail.test/authorize', token_url: 'https://login.mail.test/token', scopes: ['mail.read'] });
    expect(curated.authSchemes[0]).toMatchObject({ flows: [{ refreshUrl: 'https://login.mail.test/refresh', scopes: { 'mail.read': 'Read' } }] });
  });

  it('refuses settings for a scheme that is not oauth2 or does not exist', () => {
    expect(errorOf(() => curate('auth:', '  oauth2:', '    key: { scopes: [a] }'))).toBe(
      'overrides/mail.yaml:3:5: auth.oauth2 "key" is a apiKey scheme, not oauth2 (oauth2 schemes: oauth)',
    );
    expect(errorOf(() => curate('auth:', '  oauth2:', '    oath: { scopes: [a] }'))).toBe(
      'overrides/mail.yaml:3:5: auth.oauth2 "oath" is not a security scheme (did you mean "oauth"?)',
    );
  });

  it('refuses a scope the spec does not offer', () => {
    expect(errorOf(() => curate('auth:', '  oauth2:', '    oauth: { scopes: [mail.sned] }'))).toBe(
      'overrides/mail.yaml:3:23: auth.oauth2.oauth: scope "mail.sned" is not offered by the spec (did you mean "mail.send"?)',
    );
  });

  it('resolves the connection-test action and refuses one that is unknown or excluded', () => {
    expect(curate('auth:', '  test_action: me.get').connectionTest?.operation.path).toBe('/me');
    expect(errorOf(() => curate('auth:', '  test_action: me.gte'))).toBe(
      'overrides/mail.yaml:2:16: auth.test_action "me.gte" names no operation (did you mean "me.get"?)',
    );
    expect(errorOf(() => curate('operations:', '  - exclude: { tag: account }', 'auth:', '  test_action: me.get'))).toBe(
      'overrides/mail.yaml:4:16: auth.test_action "me.get" is not an action of this connector (operations[0] exclude tag=account); include it in operations',
    );
  });
});

describe('declarations: triggers, pagination, retry', () => {
  it('carries them as data', () => {
    const curated = curate(
      'retry: { idempotency_header: Idempotency-Key, max_attempts: 3 }',
      'triggers:',
      '  bounced: { name: Message bounced, webhook: { event: messageBounced } }',
      '  received: { webhook: { event: messageReceived } }',
      '  new_message: { polling: { action: messages.list, interval_seconds: 60, dedupe_path: id } }',
      'actions:',
      '  messages.list:',
      '    pagination: { style: cursor, cursor_param: page_token, cursor_path: next_page_token, items_path: messages }',
      '  messages.send:',
      '    retry: { idempotency_header: Idempotency-Key }',
    );
    expect(curated.retry).toEqual({ idempotencyHeader: 'Idempotency-Key', maxAttempts: 3 });
    expect(curated.triggers).toEqual([
      { id: 'bounced', name: 'Message bounced', webhook: { event: 'messageBounced' } },
      { id: 'received', webhook: { event: 'messageReceived' } },
      { id: 'new_message', polling: { action: 'messages.list', interval_seconds: 60, dedupe_path: 'id' } },
    ]);
    expect(curated.selected[0]!.override.pagination).toEqual({ style: 'cursor', cursor_param: 'page_token', cursor_path: 'next_page_token', items_path: 'messages' });
    expect(curated.selected[1]!.override.retry).toEqual({ idempotencyHeader: 'Idempotency-Key' });
  });

  it("puts retry.max_attempts into the definition, where the runtime reads it; absent, the definition has no retry", () => {
    const planned = planConnector({ curated: curate('retry: { max_attempts: 5 }'), provenance: makeProvenance() });
    expect(planned.definition.retry).toEqual({ maxAttempts: 5 });
    expect(planConnector({ curated: curate('retry: { idempotency_header: Idempotency-Key }'), provenance: makeProvenance() }).definition).not.toHaveProperty('retry');
  });

  it('checks trigger names against the spec', () => {
    expect(errorOf(() => curate('triggers:', '  bounced: { webhook: { event: messageBounce } }'))).toBe(
      'overrides/mail.yaml:2:32: trigger "bounced": webhook event "messageBounce" is not declared by the spec (did you mean "messageBounced"?)',
    );
    expect(errorOf(() => curate('triggers:', '  new_message: { polling: { action: messages.lst } }'))).toBe(
      'overrides/mail.yaml:2:37: trigger "new_message": polling action "messages.lst" names no operation (did you mean "messages.list"?)',
    );
    expect(errorOf(() => curate('triggers:', '  empty: { name: Nothing }'))).toBe('overrides/mail.yaml:2:3: trigger "empty" needs "webhook" or "polling"');
    expect(errorOf(() => curate('triggers:', '  both: { webhook: { event: messageBounced }, polling: { action: me.get } }'))).toBe(
      'overrides/mail.yaml:2:3: trigger "both" has both "webhook" and "polling"; choose one',
    );
  });

  it('validates the shape of the declarations', () => {
    expect(errorOf(() => curate('actions:', '  messages.list:', '    pagination: { style: pages }'))).toBe(
      'overrides/mail.yaml:3:26: "actions.messages.list.pagination.style" must be one of: cursor, offset, page, link_header, next_url',
    );
    expect(errorOf(() => curate('retry: { idempotency_header: "Bad Header" }'))).toBe(
      'overrides/mail.yaml:1:30: "retry.idempotency_header" must match ^[A-Za-z0-9-]+$',
    );
    expect(errorOf(() => curate('triggers:', '  polling: { polling: { action: me.get, interval_secs: 5 } }'))).toBe(
      'overrides/mail.yaml:2:41: unknown key "interval_secs" in "triggers.polling.polling"',
    );
  });
});
