import { deepStrictEqual, equal, ok } from 'node:assert/strict';
import type { BaseConnector } from '../connector/base-connector.ts';
import type { RecordingServer } from './recording-server.ts';

/** What the server must see for one action call. Only the parts given are checked. */
export interface ExpectedRequest {
  method: string;
  /** Path (without query) relative to the server's origin, percent-encoded as sent. */
  path: string;
  /** Query parameters that must be present with exactly these values, in order. */
  query: Record<string, string[]>;
  /** Lower-case header names that must have exactly these values. */
  headers: Record<string, string>;
  /** Prefix of the Content-Type (a multipart boundary follows, for instance). */
  contentType?: string;
  jsonBody?: unknown;
  formBody?: Record<string, string[]>;
}

export interface ActionRequestCase {
  actionId: string;
  input: Record<string, unknown>;
  expect: ExpectedRequest;
}

/**
 * Runs one action against a recording server and checks the one request the server saw. Generated
 * connector tests hold only their cases as data and call this, so the checking logic lives here once.
 * Throws an `AssertionError` naming the first difference.
 */
export async function checkActionRequest(options: {
  connector: BaseConnector;
  server: RecordingServer;
  testCase: ActionRequestCase;
}): Promise<void> {
  const { connector, server, testCase } = options;
  const expected = testCase.expect;
  const sentBefore = server.requests.length;
  const result = await connector.executeAction(testCase.actionId, testCase.input);
  ok(result.success, `action failed: ${result.error?.code ?? ''} ${result.error?.message ?? ''}`);
  const requests = server.requests.slice(sentBefore);
  equal(requests.length, 1, 'the action should send exactly one request');
  const request = requests[0]!;
  equal(request.method, expected.method, 'method');
  equal(request.pathname, expected.path.split('?')[0], 'path');
  for (const [name, values] of Object.entries(expected.query)) {
    deepStrictEqual(request.query[name], values, `query parameter ${name}`);
  }
  for (const [name, value] of Object.entries(expected.headers)) {
    equal(request.headers[name], value, `header ${name}`);
  }
  if (expected.contentType !== undefined) {
    equal(String(request.contentType ?? '').slice(0, expected.contentType.length), expected.contentType, 'content type');
  }
  if ('jsonBody' in expected) {
    deepStrictEqual(JSON.parse(request.body.toString('utf8')), expected.jsonBody, 'JSON body');
  }
  if (expected.formBody !== undefined) {
    const form = new URLSearchParams(request.body.toString('utf8'));
    for (const [name, values] of Object.entries(expected.formBody)) {
      deepStrictEqual(form.getAll(name), values, `form field ${name}`);
    }
  }
}
