/**
 * The `specwire` command line as a user meets it: --version, usage errors as one line plus a hint,
 * numeric flags checked, --spec URLs held to the remote-ref rules, no colour off a terminal.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const WORKSPACE_ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(WORKSPACE_ROOT, 'generator', 'src', 'cli', 'main.ts');
const TSX = pathToFileURL(join(WORKSPACE_ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href;
const scratch = mkdtempSync(join(tmpdir(), 'specwire-cli-usage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=@specwire/source', '--import', TSX, CLI, ...args], {
      cwd: scratch,
      timeout: 60_000,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('specwire command line', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'generator', 'package.json'), 'utf8')) as { version: string };
    const result = await cli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  }, 60_000);

  it('answers a wrong flag with one line and a hint, exit 1', async () => {
    const result = await cli(['generate', '--out', join(scratch, 'x'), '--spec', 'a.yaml', '--no-such-flag']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(["error: unknown option '--no-such-flag'", '(run `specwire generate --help` for usage)']);
  }, 60_000);

  it('refuses a --workers value that is not a whole number', async () => {
    for (const value of ['abc', '1.5', '-1']) {
      const result = await cli(['generate-all', '--workers', value]);
      expect(result.code, value).toBe(1);
      expect(result.stderr).toMatch(/^error: option '--workers <n>' argument '.*' is invalid\. expected a whole number of at least 0\n\(run `specwire generate-all --help` for usage\)\n$/);
    }
  }, 120_000);

  it('refuses a --spec URL on a loopback address without sending a request', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('openapi: 3.0.0');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const result = await cli(['generate', '--spec', `http://127.0.0.1:${port}/api.yaml?token=secret`, '--out', join(scratch, 'remote')]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/--spec .*127\.0\.0\.1.* refused: 127\.0\.0\.1 is a loopback/);
      expect(result.stderr).not.toContain('secret');
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('uses no colour when not on a terminal or with NO_COLOR', async () => {
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const result = await cli(['--help'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('generate-all');
      expect(result.stdout).not.toContain('\u001b[');
    }
  }, 60_000);
});
