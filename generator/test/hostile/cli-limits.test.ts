/**
 * The CLI side of limits and ref policy: each limit has a `--max-…` flag, a limit error is one line
 * naming the flag (exit 1), a raised flag lets a trusted spec through, and the CLI says which
 * external refs it resolved.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(LIMIT_KEYS.map(limitFlagName)).toEqual(['max-spec-bytes', 'max-operations', 'max-depth', 'max-nodes', 'max-yaml-aliases']);
    command.parse(['--max-depth', '500', '--max-yaml-aliases', '7'], { from: 'user' });
    expect(specLimitsFromOptions(command.opts())).toEqual({ maxDepth: 500, maxYamlAliases: 7 });
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
  const aliases = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nx-a: &a { type: string }\n${Array.from({ length: 30 }, (_, index) => `x-${index}: *a`).join('\n')}\n`;
  const spec = join(scratch, 'aliases.yaml');
  writeFileSync(spec, aliases);

  it('prints one line naming the flag and exits 1 when a limit is hit, and the flag raises it', async () => {
    const refused = await cli(['generate', '--spec', spec, '--out', join(scratch, 'out-a'), '--max-yaml-aliases', '20']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      `error: ${spec}: YAML alias count (more than 20) exceeds the limit of 20; raise it with --max-yaml-aliases (limits.maxYamlAliases) if the spec is trusted`,
    ]);
    const raised = await cli(['generate', '--spec', spec, '--out', join(scratch, 'out-b'), '--max-yaml-aliases', '40']);
    expect(raised.stderr).toBe('');
    expect(raised.code).toBe(0);
  });

  it('refuses the alias bomb by default', async () => {
    const refused = await cli(['generate', '--spec', join(HOSTILE_FIXTURES, 'malformed', 'alias-bomb.yaml'), '--out', join(scratch, 'out-c')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*alias-bomb\.yaml: YAML alias expansion .* raise it with --max-yaml-aliases .*\n$/);
  });

  it('with --allow-external-refs, says which files it resolved', async () => {
    const result = await cli(['generate', '--spec', join(HOSTILE_FIXTURES, 'oas31', 'spec.yaml'), '--out', join(scratch, 'out-d'), '--allow-external-refs']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`resolved external $ref source: ${join(HOSTILE_FIXTURES, 'oas31', 'shared', 'schemas.yaml')}\n`);
    expect(result.stderr).toContain('not resolved (only files inside the spec\'s folder may be referenced)');
  });
});
