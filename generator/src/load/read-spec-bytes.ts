import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { SpecwireError } from '../errors/index.ts';
import { limitExceededMessage } from './limit-message.ts';

export interface SpecBytes {
  /** Bytes as stored on disk (hashed for provenance). */
  stored: Buffer;
  /** Bytes of the spec text (decompressed for `.gz`). */
  text: Buffer;
}

/** Reads the spec file, refusing oversize files before reading and oversize gzip output while inflating. */
export async function readSpecBytes(options: { file: string; maxSpecBytes: number }): Promise<SpecBytes> {
  const { file, maxSpecBytes } = options;
  let size: number;
  try {
    const stats = await stat(file);
    // A directory fails late with EISDIR and a FIFO or device would block the read forever.
    if (!stats.isFile()) throw new SpecwireError(`cannot read spec: ${describeNonFile(stats)}, not a regular file`, { file });
    size = stats.size;
  } catch (error) {
    if (error instanceof SpecwireError) throw error;
    throw new SpecwireError(`cannot read spec: ${describeFsError(error)}`, { file });
  }
  if (size > maxSpecBytes) {
    throw new SpecwireError(limitExceededMessage({ what: 'spec file size', actual: `${size} bytes`, key: 'maxSpecBytes', limit: maxSpecBytes }), { file });
  }
  const stored = await readFile(file);
  if (!file.toLowerCase().endsWith('.gz')) return { stored, text: stored };
  try {
    // maxOutputLength makes a gzip bomb fail inside zlib instead of filling memory.
    return { stored, text: gunzipSync(stored, { maxOutputLength: maxSpecBytes }) };
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new SpecwireError(limitExceededMessage({ what: 'decompressed spec size', actual: 'more than the limit', key: 'maxSpecBytes', limit: maxSpecBytes }), { file });
    }
    throw new SpecwireError(`cannot decompress spec: ${(error as Error).message}`, { file });
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return code ?? 'unknown error';
}

function describeNonFile(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}
