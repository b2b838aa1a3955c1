import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { RegistryEntry } from './connector-job.ts';
import type { FileDigests, FileStamp } from './file-digests.ts';

/** Outside `generated/` and ignored by git: it only saves work, deleting it is always safe. */
const CACHE_FILE = join('node_modules', '.cache', 'specwire', 'generate.json');
const CACHE_VERSION = 2;

/** What the last run wrote for one job, and from which inputs. */
export interface CachedConnector {
  /** Hash of every input: spec bytes, override file, overlay, generator version and source. */
  inputKey: string;
  name: string;
  /** `digestFiles` of the files written, to notice hand edits and deletions in `generated/`. */
  outputDigest: string;
  registryEntry: RegistryEntry;
  actionCount: number;
  operationCount: number;
  /**
   * Where an override file's `source` led, keyed by the file's hash: a later run whose override
   * file is byte-for-byte the same takes the spec from here instead of parsing and validating the
   * file again (which is most of a no-change run's time).
   */
  source?: CachedSource;
}

export interface CachedSource {
  overridesSha256: string;
  specFile: string;
  specLabel: string;
  /** The file's `source.overlay`, as written. */
  overlay?: string;
}

export interface GenerationCache {
  version: number;
  /** By job id. */
  connectors: Record<string, CachedConnector>;
  /** Hashes of the files the last run read, by absolute path (`FileDigests`). */
  files?: Record<string, FileStamp>;
}

export async function readGenerationCache(root: string): Promise<GenerationCache> {
  const file = join(root, CACHE_FILE);
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<GenerationCache>;
    if (parsed.version === CACHE_VERSION && parsed.connectors && typeof parsed.connectors === 'object') {
      const files = parsed.files && typeof parsed.files === 'object' ? { files: parsed.files } : {};
      return { version: CACHE_VERSION, connectors: parsed.connectors, ...files };
    }
  } catch {
    // Absent or unreadable: start over, which only costs one full run.
  }
  return { version: CACHE_VERSION, connectors: {} };
}

/** Writes the cache, unless the file already holds exactly this (a run where nothing changed). */
export async function writeGenerationCache(options: { root: string; cache: GenerationCache }): Promise<void> {
  const file = join(options.root, CACHE_FILE);
  const text = `${JSON.stringify(options.cache, null, 2)}\n`;
  if (readCacheText(file) === text) return;
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

function readCacheText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Inputs of one connector that provenance records, plus the cache key over all of them. */
export interface JobInputs {
  specSha256: string;
  overridesSha256?: string;
  inputKey: string;
}

/**
 * Hashes what decides a connector's output. The spec hash is taken over the bytes as stored, like
 * the loader's, so it can be compared with `specwire.provenance.json`.
 */
export async function hashJobInputs(options: {
  specFile: string;
  /** The override file's hash and its `source.overlay`. */
  overrides?: { sha256: string; overlay?: string };
  root: string;
  generatorVersion: string;
  generatorFingerprint: string;
  runtimeRange: string;
  digests: FileDigests;
}): Promise<JobInputs> {
  const specSha256 = await options.digests.sha256(options.specFile);
  const overlay = options.overrides?.overlay;
  const overlayFile = overlay === undefined ? undefined : resolve(options.root, overlay);
  const overlaySha256 = overlayFile && existsSync(overlayFile) ? await options.digests.sha256(overlayFile) : overlay;
  const inputKey = sha256(
    JSON.stringify({
      specSha256,
      overridesSha256: options.overrides?.sha256,
      overlaySha256,
      generatorVersion: options.generatorVersion,
      generatorFingerprint: options.generatorFingerprint,
      runtimeRange: options.runtimeRange,
    }),
  );
  return { specSha256, overridesSha256: options.overrides?.sha256, inputKey };
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
