import type { ConformanceOutcome } from '../conformance/index.ts';

/** What the corpus learnt about one spec; one JSON line per spec in the results file. */
export interface SpecResult {
  spec: string;
  status: 'generated' | 'refused' | 'crash';
  /** The one-line error of a refused spec (file and pointer included). */
  refusal?: string;
  refusalClass?: string;
  /** Message and stack of a crash (a bug). */
  crash?: string;
  operations?: number;
  actions?: number;
  /** Operations that use a degraded (untyped) part of the spec. */
  degradedOperations?: number;
  /** Operations left out because they could not be read. */
  excludedOperations?: number;
  typecheck?: { ok: boolean; detail: string };
  /** Package tests (shared corpus only). */
  tests?: { ok: boolean; detail: string };
  conformance?: Record<ConformanceOutcome, number>;
  /** Non-valid verdicts, `outcome METHOD /path: reason` (at most 20). */
  conformanceIssues?: string[];
  /** The judge could not read the spec at all. */
  judgeError?: string;
  /** Warning kinds with counts. */
  warnings?: Record<string, number>;
  seconds: number;
  /** Milliseconds per phase (generate, typecheck, conformance). */
  phases?: Record<string, number>;
}

/** A spec counts as failed (exit 1) on a crash, a package that does not type-check, or failing tests. */
export function hasFailed(result: SpecResult): boolean {
  return result.status === 'crash' || result.typecheck?.ok === false || result.tests?.ok === false;
}

/** Groups refusals: what kind of flaw or limit made the spec unusable. */
export function classifyRefusal(message: string): string {
  const rules: Array<[RegExp, string]> = [
    [/exceed|limit|too (large|deep|many)|more than/i, 'resource limit'],
    [/not an? (OpenAPI|Swagger)|openapi.*version|swagger.*version|unsupported (OpenAPI|spec) version/i, 'not an OpenAPI/Swagger document'],
    [/parse|JSON|YAML|syntax|unexpected/i, 'unparseable'],
    [/\$ref|reference/i, 'unresolvable $ref'],
    [/no operations|no actions|nothing to generate/i, 'no operations'],
  ];
  return rules.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
}

/** A warning's kind: its message with names, quotes and numbers taken out. */
export function warningKind(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/#\/\S*/g, '…')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 90);
}
