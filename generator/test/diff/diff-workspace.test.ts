import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorDefinition } from '@specwire/runtime';
import { diffWorkspace, readDefinitionsAtRef } from '../../src/diff/index.ts';
import { emitDefinitionOf, writeEmittedFiles } from '../emit/definition-files.ts';
import { action, makeDefinition } from './definition-factory.ts';

let root: string;

function writeDefinition(name: string, definition: ConnectorDefinition): void {
  const folder = join(root, 'generated', name);
  rmSync(folder, { recursive: true, force: true });
  writeEmittedFiles({ folder, files: emitDefinitionOf(definition) });
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: root, stdio: 'ignore' });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'specwire-diff-'));
  git('init', '-q');
  writeDefinition('shop', makeDefinition());
  writeDefinition('old', { ...makeDefinition(), name: 'old' });
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
  const next = makeDefinition();
  action(next, 'orders_create').inputSchema.note!.required = true;
  writeDefinition('shop', next);
  rmSync(join(root, 'generated', 'old'), { recursive: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('diffWorkspace', () => {
  it('compares the definitions committed at a ref with the working tree', async () => {
    const changes = await diffWorkspace({ root, base: 'HEAD' });
    expect(changes.map((change) => [change.connector, change.kind, change.breaking])).toEqual([
      ['old', 'connector-removed', true],
      ['shop', 'input-required', true],
    ]);
  });

  it('refuses a base that git would read as an option, and says when git fails', async () => {
    await expect(readDefinitionsAtRef({ root, ref: '--output=/tmp/x' })).rejects.toThrow(/is not a git ref/);
    await expect(readDefinitionsAtRef({ root, ref: 'no-such-branch' })).rejects.toThrow(/git could not list generated\/ at no-such-branch/);
  });
});
