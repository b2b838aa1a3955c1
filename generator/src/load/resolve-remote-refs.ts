import type { Warning } from '../ir/types.ts';
import { SpecwireError, isSpecwireError } from '../errors/index.ts';
import { parseSpecText } from './parse-spec-text.ts';
import { checkDocumentSize } from './check-document-size.ts';
import { resolveRefs } from './resolve-refs.ts';
import { defaultHostLookup, fetchRemoteRef } from './remote-ref.ts';
import type { PlainRecord } from './plain-record.ts';
import type { HostLookup, SpecLimits } from './types.ts';

/** Distinct remote documents one spec may pull in. */
const MAX_REMOTE_DOCUMENTS = 50;

/**
 * `resolveRefs` with `allowRemoteRefs`: the walk is synchronous, so it reports the remote documents
 * it lacks; they are checked (public addresses only), fetched and parsed, and a fresh copy of the
 * document is walked again, until nothing is missing. Each round fetches at least one new document,
 * so the loop ends after at most MAX_REMOTE_DOCUMENTS rounds.
 */
export async function resolveRemoteRefs(options: {
  file: string;
  document: PlainRecord;
  allowExternalRefs: boolean;
  limits: SpecLimits;
  lookupHost?: HostLookup;
}): Promise<{ document: PlainRecord; warnings: Warning[]; resolvedRefs: string[] }> {
  const { file, limits } = options;
  const lookupHost = options.lookupHost ?? defaultHostLookup;
  const remoteDocuments = new Map<string, unknown>();
  for (;;) {
    const document = structuredClone(options.document);
    const warnings: Warning[] = [];
    const result = resolveRefs({ file, document, allowExternalRefs: options.allowExternalRefs, allowRemoteRefs: true, remoteDocuments, limits, warnings });
    if (result.missingRemote.size === 0) return { document, warnings, resolvedRefs: result.resolvedRefs };
    for (const [url, pointer] of result.missingRemote) {
      if (remoteDocuments.size >= MAX_REMOTE_DOCUMENTS) {
        throw new SpecwireError(`too many remote $ref documents (more than ${MAX_REMOTE_DOCUMENTS})`, { file, pointer });
      }
      let text: string;
      try {
        text = await fetchRemoteRef({ url: new URL(url), maxBytes: limits.maxSpecBytes, lookupHost });
      } catch (error) {
        if (isSpecwireError(error)) throw new SpecwireError(error.message, { file, pointer });
        throw error;
      }
      const parsed = parseSpecText({ file: url, text, maxDepth: limits.maxDepth, maxYamlAliasNodes: limits.maxYamlAliasNodes });
      checkDocumentSize({ file: url, value: parsed.value, limits });
      remoteDocuments.set(url, parsed.value);
    }
  }
}
