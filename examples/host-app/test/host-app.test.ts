import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGithub } from '../src/fake-github.ts';
import { runExample, type ExampleResults } from '../src/run-example.ts';

describe('example host app', () => {
  let fake: Awaited<ReturnType<typeof startFakeGithub>>;
  let results: ExampleResults;

  beforeAll(async () => {
    fake = await startFakeGithub();
    results = await runExample({ baseUrl: fake.url });
  });
  afterAll(() => fake.close());

  it('runs an action generically from the definition loaded through the registry', () => {
    expect(results.generic).toMatchObject({ success: true, data: { number: 1, title: 'Found a bug', state: 'open' } });
    expect(fake.seen[0]).toEqual({
      method: 'POST',
      url: '/repos/octo/hello/issues',
      authorization: 'Bearer example-token',
      body: { title: 'Found a bug', labels: ['bug'] },
    });
  });

  it('runs the same action through the typed method', () => {
    expect(results.typed).toMatchObject({ success: true, data: { number: 2, title: 'Typed call' } });
  });

  it('refuses input missing a required field before any request', () => {
    expect(results.badInput.success).toBe(false);
    expect(results.badInput.error?.code).toBe('VALIDATION_ERROR');
    expect(results.badInput.error?.message).toContain('title');
    expect(fake.seen.filter((request) => request.url.endsWith('/issues'))).toHaveLength(3);
  });

  it('returns a rejected credential as an error that does not contain the token', () => {
    expect(results.badToken).toMatchObject({ success: false, error: { statusCode: 401 } });
    expect(JSON.stringify(results.badToken)).not.toContain('wrong-token');
  });

  it('offers the curated GitHub actions', () => {
    expect(results.actionCount).toBeGreaterThanOrEqual(40);
  });
});
