import type { Warning } from '../ir/types.ts';

/** Resource limits checked before any heavy work; each key doubles as the CLI option name (`--max-spec-bytes`). */
export interface SpecLimits {
  /** Size of the spec file, and of its decompressed text when gzipped. */
  maxSpecBytes: number;
  /** HTTP operations under `paths`. */
  maxOperations: number;
  /** Nesting depth of objects/arrays in the parsed document. */
  maxDepth: number;
  /** Objects, arrays and scalars in the parsed document, aliases counted each time they are used. */
  maxNodes: number;
  /**
   * Values that YAML aliases add when expanded (the expanded document minus the written one),
   * computed before anything is built. Real specs use hundreds of anchors of modest size; a
   * billion-laughs bomb multiplies into 10⁹ values.
   */
  maxYamlAliasNodes: number;
}

export const DEFAULT_SPEC_LIMITS: Readonly<SpecLimits> = Object.freeze({
  maxSpecBytes: 50 * 1024 * 1024,
  // The largest spec of the APIs.guru directory (Microsoft Graph beta) has 22,361 operations.
  maxOperations: 50_000,
  maxDepth: 200,
  maxNodes: 10_000_000,
  maxYamlAliasNodes: 1_000_000,
});

export interface LoadSpecOptions {
  /** Path of the spec: `.json`, `.yaml`, `.yml`, optionally `.gz`. */
  file: string;
  /** Allow `$ref`s to relative files inside the spec's own folder. URLs are refused regardless. */
  allowExternalRefs?: boolean;
  /**
   * Allow `$ref`s to http(s) URLs whose host resolves only to public addresses (never loopback,
   * private, link-local, metadata…). Off unless asked for with `--allow-remote-refs`.
   */
  allowRemoteRefs?: boolean;
  limits?: Partial<SpecLimits>;
  /** How host names are resolved for remote refs (defaults to `dns.lookup`); a seam for tests. */
  lookupHost?: HostLookup;
}

/** Every address a host name resolves to, as `dns.lookup(host, { all: true })` gives them. */
export type HostLookup = (hostname: string) => Promise<string[]>;

export type SpecVersion = '2.0' | '3.0' | '3.1';

/** A JSON object as parsed from the spec (never an array). */
export type SpecDocument = { [key: string]: unknown };

export interface LoadedSpec {
  /** The path given to `loadSpec`, used in error messages. */
  file: string;
  /** Parsed document: plain JSON data, internal `$ref`s kept, external ones replaced (see README). */
  document: SpecDocument;
  /** Hex sha256 of the file's bytes as stored on disk (the gzipped bytes for `.gz`). */
  sha256: string;
  specVersion: SpecVersion;
  /** The version string as written (`3.0.3`, `2.0`, …). */
  declaredVersion: string;
  warnings: Warning[];
  /** External files (absolute paths) and URLs whose content was inlined, in first-use order. */
  resolvedRefs?: string[];
}
