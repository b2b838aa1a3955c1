import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDigests } from '../../src/pipeline/file-digests.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A file written `ageSeconds` ago (its mtime set back), as most specs and sources are. */
function oldFile(contents: string, ageSeconds = 60): string {
  const dir = mkdtempSync(join(tmpdir(), 'specwire-digests-'));
  dirs.push(dir);
  const file = join(dir, 'spec.yaml');
  writeFileSync(file, contents);
  const then = new Date(Date.now() - ageSeconds * 1000);
  utimesSync(file, then, then);
  return file;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('FileDigests', () => {
  it('hashes the bytes, and keeps a stamp of size, mtime and hash', async () => {
    const file = oldFile('openapi: 3.1.0\n');
    const digests = new FileDigests();
    expect(await digests.sha256(file)).toBe(sha256('openapi: 3.1.0\n'));
    const stamp = digests.stamps()[file];
    expect(stamp).toMatchObject({ size: 15, mtimeMs: statSync(file).mtimeMs, sha256: sha256('openapi: 3.1.0\n') });
  });

  it('reuses a kept hash while the size and mtime are unchanged, without reading the file', async () => {
    const file = oldFile('openapi: 3.1.0\n');
    const first = new FileDigests();
    await first.sha256(file);
    // A planted hash proves the second run answers from the stamp, not from the bytes.
    const planted = { ...first.stamps()[file]!, sha256: 'kept-from-last-run' };
    const second = new FileDigests({ [file]: planted });
    expect(await second.sha256(file)).toBe('kept-from-last-run');
    expect(second.stamps()[file]).toEqual(planted);
  });

  it('reads the file again when its size or mtime changed', async () => {
    const file = oldFile('a: 1\n');
    const first = new FileDigests();
    await first.sha256(file);
    const stamps = first.stamps();

    writeFileSync(file, 'a: 22\n'); // another size, and a new mtime
    expect(await new FileDigests(stamps).sha256(file)).toBe(sha256('a: 22\n'));

    writeFileSync(file, 'b: 1\n'); // the first size again, but written now
    const later = new Date(Date.now() - 30_000);
    utimesSync(file, later, later);
    expect(await new FileDigests(stamps).sha256(file)).toBe(sha256('b: 1\n'));
  });

  it('never trusts a stamp taken within two seconds of the file being written (a racing write keeps size and mtime)', async () => {
    const file = oldFile('x: 1\n', 0);
    const first = new FileDigests();
    await first.sha256(file);
    const racy = { ...first.stamps()[file]!, sha256: 'stale' };
    expect(await new FileDigests({ [file]: racy }).sha256(file)).toBe(sha256('x: 1\n'));
  });

  it('keeps only the stamps of files hashed in this run', async () => {
    const kept = oldFile('k: 1\n');
    const gone = oldFile('g: 1\n');
    const first = new FileDigests();
    await first.sha256(kept);
    await first.sha256(gone);
    const second = new FileDigests(first.stamps());
    await second.sha256(kept);
    expect(Object.keys(second.stamps())).toEqual([kept]);
  });
});
