import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** What the cache remembers of a file it hashed: its stat stamp then, and the hash. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  sha256: string;
  /** When the file was read (epoch ms), to tell a stamp that may hide a later write. */
  hashedAt: number;
}

/**
 * A write within this many milliseconds before the file was read can leave the same size and
 * mtime as the read saw (coarse file-system clocks, a write racing the read), so such a stamp is
 * never trusted: the file is read again next time, when it is older. The same rule as git's index.
 */
const RACY_MARGIN_MS = 2_000;

/**
 * SHA-256 of files, reusing the hash kept from an earlier run while a file's size and mtime are
 * unchanged: a run where nothing changed then stats the specs, the generator's sources and the
 * generated folders instead of reading and hashing them (GitHub's spec alone is 13 MB). Only the
 * incremental `generate` uses it; `--check` and `--force` read every byte.
 */
export class FileDigests {
  private readonly previous: Record<string, FileStamp>;
  private readonly used: Record<string, FileStamp> = {};

  constructor(previous: Record<string, FileStamp> = {}) {
    this.previous = previous;
  }

  /**
   * The hex SHA-256 of the file's bytes. The stat is synchronous: a no-change run makes hundreds of
   * them, and each answers from the kernel's cache in microseconds, where a promise-based one waits
   * for a thread-pool round trip. It also records stamps in call order, so the cache file comes out
   * the same when nothing changed.
   */
  async sha256(path: string): Promise<string> {
    const file = resolve(path);
    const stats = statSync(file);
    const known = Object.hasOwn(this.previous, file) ? this.previous[file] : undefined;
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs && stats.mtimeMs < known.hashedAt - RACY_MARGIN_MS) {
      this.used[file] = known;
      return known.sha256;
    }
    const hashedAt = Date.now();
    const sha256 = createHash('sha256').update(await readFile(file)).digest('hex');
    this.used[file] = { size: stats.size, mtimeMs: stats.mtimeMs, sha256, hashedAt };
    return sha256;
  }

  /** The stamps of the files hashed in this run: what the cache keeps for the next one. */
  stamps(): Record<string, FileStamp> {
    return this.used;
  }
}

/** A digest that reads every byte: for `--check`, `--force` and callers without a cache. */
export const freshFileDigests = (): FileDigests => new FileDigests();
