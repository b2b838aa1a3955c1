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
    size = (await stat(file)).size;
  } catch (error) {
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
