import { parseDocument } from 'yaml';
import type { Warning } from '../ir/types.ts';
import { SpecwireError } from '../errors/index.ts';
import { scanJsonText } from './scan-json-text.ts';
import { countYamlAliasNodes } from './count-yaml-alias-nodes.ts';
import { limitExceededMessage } from './limit-message.ts';
import { parsePlainYaml } from './parse-plain-yaml.ts';
import { DEFAULT_SPEC_LIMITS } from './types.ts';

export interface ParsedSpecText {
  value: unknown;
  warnings: Warning[];
  /** The parser saw every number it produced and none was `.inf`/`.nan`/out of range (unset: not known). */
  allFinite?: boolean;
}

/**
 * Parses JSON or YAML without executing anything: YAML uses the core schema only, so unknown tags
 * such as `!!js/function` become plain strings (with a warning). Duplicate keys, YAML or JSON, are a
 * warning and the last one wins (what `JSON.parse` does anyway). YAML is read as plain data first
 * (parse-plain-yaml.ts); only a document that parse declines is built as a positioned `yaml` document.
 */
export function parseSpecText(options: { file: string; text: string; maxDepth: number; maxYamlAliasNodes?: number }): ParsedSpecText {
  const text = options.text.charCodeAt(0) === 0xfeff ? options.text.slice(1) : options.text;
  if (looksLikeJson({ file: options.file, text })) {
    const json = tryParseJson({ ...options, text });
    if (json.ok) return { value: json.value, warnings: json.warnings };
    if (/\.json(\.gz)?$/i.test(options.file)) throw json.error;
  }
  // Plain data first; the positioned document is built only when the fast parse declines, which is
  // also every time an error or warning needs a line number.
  const plain = parsePlainYaml({ text, maxDepth: options.maxDepth });
  if (plain) return { value: plain.value, warnings: [], allFinite: plain.allFinite };
  const maxYamlAliasNodes = options.maxYamlAliasNodes ?? DEFAULT_SPEC_LIMITS.maxYamlAliasNodes;
  return parseYaml({ file: options.file, text, maxDepth: options.maxDepth, maxYamlAliasNodes });
}

function looksLikeJson(options: { file: string; text: string }): boolean {
  if (/\.json(\.gz)?$/i.test(options.file)) return true;
  const first = options.text.trimStart()[0];
  return first === '{' || first === '[';
}

type JsonAttempt = { ok: true; value: unknown; warnings: Warning[] } | { ok: false; error: SpecwireError };

function tryParseJson(options: { file: string; text: string; maxDepth: number }): JsonAttempt {
  // Depth first: a 10,000-deep document is refused before the parser or any walk recurses into it.
  const warnings = scanJsonText(options);
  try {
    return { ok: true, value: JSON.parse(options.text), warnings };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const location = position ? lineColumnAt({ text: options.text, offset: Number(position[1]) }) : {};
    return { ok: false, error: new SpecwireError(`invalid JSON: ${message.split('\n')[0]}`, { file: options.file, ...location }) };
  }
}

function parseYaml(options: { file: string; text: string; maxDepth: number; maxYamlAliasNodes: number }): ParsedSpecText {
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(options.text, { uniqueKeys: true, schema: 'core', merge: false, prettyErrors: true });
  } catch (error) {
    throw tooDeepOr({ ...options, error });
  }
  const warnings: Warning[] = [];
  for (const problem of document.errors) {
    if (problem.message.includes('Maximum call stack')) throw tooDeepOr({ ...options, error: new RangeError(problem.message) });
    const position = problem.linePos?.[0];
    const where = position ? { line: position.line, column: position.col } : {};
    const summary = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    if (problem.code === 'DUPLICATE_KEY') {
      warnings.push({ pointer: '', message: `${describePosition(where)}duplicate YAML key; the last value wins (${summary})` });
      continue;
    }
    throw new SpecwireError(`invalid YAML: ${summary}`, { file: options.file, ...where });
  }
  for (const notice of document.warnings) {
    const position = notice.linePos?.[0];
    const where = position ? { line: position.line, column: position.col } : {};
    const summary = notice.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const message = notice.code === 'TAG_RESOLVE_FAILED' ? `${summary}; the value is read as a plain string` : summary;
    warnings.push({ pointer: '', message: `${describePosition(where)}${message}` });
  }
  try {
    refuseAliasExpansion({ ...options, document });
    // Aliases become shared references, so building costs no more than the text; what they expand
    // to was bounded just above, which is what the parser's own alias-use counter cannot do.
    return { value: document.toJS({ maxAliasCount: -1 }), warnings };
  } catch (error) {
    if (error instanceof SpecwireError) throw error;
    throw tooDeepOr({ ...options, error });
  }
}

/** Refuses, before anything is built, a document whose aliases expand into too many values. */
function refuseAliasExpansion(options: { file: string; document: ReturnType<typeof parseDocument>; maxYamlAliasNodes: number }): void {
  const limit = options.maxYamlAliasNodes;
  const produced = countYamlAliasNodes({ document: options.document, limit });
  if (produced > limit) {
    throw new SpecwireError(
      limitExceededMessage({ what: 'YAML alias expansion', actual: `more than ${limit} values produced by aliases`, key: 'maxYamlAliasNodes', limit }),
      { file: options.file },
    );
  }
}

/** The YAML parser recurses per nesting level; running out of stack means the document is too deep. */
function tooDeepOr(options: { file: string; maxDepth: number; error: unknown }): SpecwireError {
  const message = options.error instanceof Error ? options.error.message.split('\n')[0] : String(options.error);
  if (options.error instanceof RangeError && message.includes('Maximum call stack')) {
    return new SpecwireError(limitExceededMessage({ what: 'nesting depth', actual: 'too deep to parse', key: 'maxDepth', limit: options.maxDepth }), { file: options.file });
  }
  return new SpecwireError(`YAML refused: ${message}`, { file: options.file });
}

function describePosition(where: { line?: number; column?: number }): string {
  return where.line === undefined ? '' : `line ${where.line}:${where.column ?? 1}: `;
}

function lineColumnAt(options: { text: string; offset: number }): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(options.offset, options.text.length);
  for (let index = 0; index < end; index++) {
    if (options.text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
