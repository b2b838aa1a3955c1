/**
 * The CLI side of limits and ref policy: each limit has a `--max-…` flag, a limit error is one line
 * naming the flag (exit 1), a raised flag lets a trusted spec through, and the CLI says which
 * external refs it resolved.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { limitFlagName, limitOption, LIMIT_KEYS, specLimitsFromOptions } from '../../src/cli/limit-options.ts';
import { DEFAULT_SPEC_LIMITS } from '../../src/load/index.ts';
import { HOSTILE_FIXTURES, WORKSPACE_ROOT } from './hostile-package.ts';

const run = promisify(execFile);
const CLI = join(WORKSPACE_ROOT, 'generator', 'src', 'cli', 'main.ts');
const TSX = pathToFileURL(join(WORKSPACE_ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href;
const scratch = mkdtempSync(join(tmpdir(), 'specwire-cli-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, CLI, ...args], { cwd: scratch, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('limit options', () => {
  it('has one flag per limit, named as the limit errors name it, defaulting to the load defaults', () => {
    const command = new Command();
    for (const key of LIMIT_KEYS) command.addOption(limitOption(key));
    expect(LIMIT_KEYS).toEqual(Object.keys(DEFAULT_SPEC_LIMITS));
    expect(LIMIT_KEYS.map(limitFlagName)).toEqual(['max-spec-bytes', 'max-operations', 'max-depth', 'max-nodes', 'max-yaml-alias-nodes']);
    command.parse(['--max-depth', '500', '--max-yaml-alias-nodes', '7'], { from: 'user' });
    expect(specLimitsFromOptions(command.opts())).toEqual({ maxDepth: 500, maxYamlAliasNodes: 7 });
  });

  it('refuses values that are not whole numbers of at least 1', () => {
    for (const value of ['0', '-1', '1.5', 'abc', '1e9', '']) {
      const command = new Command().exitOverride().configureOutput({ writeErr: () => {} });
      command.addOption(limitOption('maxNodes'));
      expect(() => command.parse(['--max-nodes', value], { from: 'user' }), value).toThrow(/whole number/);
    }
  });
});

describe('specwire generate', () => {
  // 30 aliases of a 2-value anchor: 60 values added by expansion.
  const aliases = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nx-a: &a { type: string }\n${Array.from({ length: 30 }, (_, index) => `x-${index}: *a`).join('\n')}\n`;
  const spec = join(scratch, 'aliases.yaml');
  writeFileSync(spec, aliases);

  it('prints one line naming the flag and exits 1 when a limit is hit, and the flag raises it', async () => {
    const refused = await cli(['generate', '--spec', spec, '--out', join(scratch, 'out-a'), '--max-yaml-alias-nodes', '59']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      `error: ${spec}: YAML alias expansion (more than 59 values produced by aliases) exceeds the limit of 59; raise it with --max-yaml-alias-nodes (limits.maxYamlAliasNodes) if the spec is trusted`,
    ]);
    const raised = await cli(['generate', '--spec', spec, '--out', join(scratch, 'out-b'), '--max-yaml-alias-nodes', '60']);
    expect(raised.stderr).toBe('');
    expect(raised.code).toBe(0);
  });

  it('refuses the alias bomb by default', async () => {
    const refused = await cli(['generate', '--spec', join(HOSTILE_FIXTURES, 'malformed', 'alias-bomb.yaml'), '--out', join(scratch, 'out-c')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*alias-bomb\.yaml: YAML alias expansion .* raise it with --max-yaml-alias-nodes .*\n$/);
  });

  it('with --allow-external-refs, says which files it resolved', async () => {
    const result = await cli(['generate', '--spec', join(HOSTILE_FIXTURES, 'oas31', 'spec.yaml'), '--out', join(scratch, 'out-d'), '--allow-external-refs']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`resolved external $ref source: ${join(HOSTILE_FIXTURES, 'oas31', 'shared', 'schemas.yaml')}\n`);
    expect(result.stderr).toContain('not resolved (only files inside the spec\'s folder may be referenced)');
  });
});

describe('specwire generate on odd input', () => {
  it('refuses a directory as the spec with one line and exit 1', async () => {
    const result = await cli(['generate', '--spec', scratch, '--out', join(scratch, 'out-dir')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${scratch}: cannot read spec: a directory, not a regular file\n`);
  });

  it('refuses a named pipe with one line and exit 1 instead of waiting for a writer', async () => {
    const fifo = join(scratch, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const result = await cli(['generate', '--spec', fifo, '--out', join(scratch, 'out-fifo')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: ${fifo}: cannot read spec: a named pipe, not a regular file\n`);
  });

  it('generates from a spec with .inf, .nan and 1e400, warning with pointers into the spec', async () => {
    const file = join(scratch, 'non-finite.yaml');
    writeFileSync(
      file,
      "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      operationId: a\n      parameters:\n        - { name: n, in: query, schema: { type: number, enum: [1, .nan], default: 1e400 } }\n      responses: { '204': { description: ok } }\n",
    );
    const result = await cli(['generate', '--spec', file, '--out', join(scratch, 'out-inf')]);
    expect(result.stderr.trim().split('\n')).toEqual([
      `warning: ${file}#/paths/~1a/get/parameters/0/schema/default: "default" holds Infinity, which JSON cannot carry; it is left out`,
      `warning: ${file}#/paths/~1a/get/parameters/0/schema/enum/1: an enum value holds NaN, which JSON cannot carry; it is left out`,
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(scratch, 'out-inf', 'coverage.md'), 'utf8')).toContain('## Degraded parts (2)');
  });

  it('with a raised --max-depth, a deeper spec than the generator can walk is one line and exit 1', async () => {
    const file = join(scratch, 'deep.json');
    writeFileSync(file, `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`);
    const result = await cli(['generate', '--spec', file, '--out', join(scratch, 'out-deep'), '--max-depth', '100000']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*deep\.json: the spec is nested too deeply to process .*--max-depth.*\n$/);
  });

  it('warns about duplicate keys in a JSON spec', async () => {
    const file = join(scratch, 'duplicate.json');
    writeFileSync(file, '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"info":{"title":"u","version":"1"},"paths":{}}');
    const result = await cli(['generate', '--spec', file, '--out', join(scratch, 'out-dup')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${file}#/info: duplicate JSON key "info"; the last value wins\n`);
  });
});
