import { createHash } from 'node:crypto';
import type { Warning } from '../ir/types.ts';
import { SpecwireError, isStackOverflow, nestingTooDeepError } from '../errors/index.ts';
import { DEFAULT_SPEC_LIMITS, type LoadSpecOptions, type LoadedSpec, type SpecLimits } from './types.ts';
import { readSpecBytes } from './read-spec-bytes.ts';
import { parseSpecText } from './parse-spec-text.ts';
import { checkDocumentSize } from './check-document-size.ts';
import { detectSpecVersion } from './detect-spec-version.ts';
import { checkSpecStructure } from './check-spec-structure.ts';
import { resolveRefs } from './resolve-refs.ts';
import { resolveRemoteRefs } from './resolve-remote-refs.ts';
import { isPlainRecord } from './plain-record.ts';
import { degradeNonFiniteNumbers } from './degrade-non-finite.ts';

/**
 * Reads a spec (JSON/YAML, optionally gzipped) into plain data, checks limits and structure, and
 * neutralises external `$ref`s. swagger-parser does not load specs: its resolver reads files and
 * URLs by default and its validator rejects usable specs; it serves only the opt-in `--validate`.
 */
export async function loadSpec(options: LoadSpecOptions): Promise<LoadedSpec> {
  try {
    return await loadSpecUnguarded(options);
  } catch (error) {
    // The walks below recurse per nesting level; a raised --max-depth can outgrow the stack.
    if (isStackOverflow(error)) throw nestingTooDeepError({ file: options.file, stage: 'load' });
    throw error;
  }
}

async function loadSpecUnguarded(options: LoadSpecOptions): Promise<LoadedSpec> {
  const { file } = options;
  const limits: SpecLimits = { ...DEFAULT_SPEC_LIMITS, ...options.limits };
  const bytes = await readSpecBytes({ file, maxSpecBytes: limits.maxSpecBytes });
  const sha256 = createHash('sha256').update(bytes.stored).digest('hex');
  const text = decodeUtf8({ file, bytes: bytes.text });

  const parsed = parseSpecText({ file, text, maxDepth: limits.maxDepth, maxYamlAliasNodes: limits.maxYamlAliasNodes });
  const warnings: Warning[] = [...parsed.warnings];
  checkDocumentSize({ file, value: parsed.value, limits });
  if (!isPlainRecord(parsed.value)) {
    throw new SpecwireError('the spec must be a JSON/YAML object at the top level', { file, pointer: '' });
  }
  const document = parsed.value;
  const version = detectSpecVersion({ file, document, warnings });
  checkSpecStructure({ file, document, specVersion: version.specVersion, limits, warnings });
  const allowExternalRefs = options.allowExternalRefs === true;
  const resolved = options.allowRemoteRefs === true
    ? await resolveRemoteRefs({ file, document, allowExternalRefs, limits, lookupHost: options.lookupHost })
    : { document, warnings: [], ...resolveRefs({ file, document, allowExternalRefs, limits, warnings }) };
  warnings.push(...resolved.warnings);
  // The walk is skipped only when the parser vouches for every number and nothing was inlined.
  const inlined = resolved.resolvedRefs.length > 0;
  if (parsed.allFinite !== true || inlined) warnings.push(...degradeNonFiniteNumbers({ document: resolved.document }));

  return {
    file,
    document: resolved.document,
    sha256,
    specVersion: version.specVersion,
    declaredVersion: version.declaredVersion,
    warnings,
    resolvedRefs: resolved.resolvedRefs,
  };
}

function decodeUtf8(options: { file: string; bytes: Buffer }): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(options.bytes);
  } catch {
    throw new SpecwireError('the spec is not valid UTF-8 text (is it compressed without a .gz name?)', { file: options.file });
  }
}
