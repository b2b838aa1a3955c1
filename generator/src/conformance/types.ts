/** What the independent judge decided for one action (one operation of the vendor spec). */
export type ConformanceOutcome =
  /** The request reached the local server and the vendor spec's validator accepted it. */
  | 'valid'
  /** The request reached the local server and the validator refused it (`reason` says why). */
  | 'invalid'
  /** The runtime refused to send the sample (`reason` is its error). */
  | 'refused'
  /** The spec contradicts itself where the request was judged, so no request could be valid. */
  | 'contradiction'
  /** No sample input could be built (files, opaque or variant fields); nothing was sent. */
  | 'unsampled';

export interface OperationConformance {
  actionId: string;
  /** `METHOD /path` as the definition states it. */
  operation: string;
  outcome: ConformanceOutcome;
  /** The validator's, runtime's or contradiction's reason; absent when valid. */
  reason?: string;
}

export interface ConformanceSample {
  actionId: string;
  input: Record<string, unknown>;
  /** Set when the spec allows no sendable value (the reason); the action is then not called. */
  contradiction?: string;
}

export interface UnsampledAction {
  actionId: string;
  /** Why no sample could be built. */
  reason: string;
}

export interface ConformanceReport {
  operations: OperationConformance[];
  counts: Record<ConformanceOutcome, number>;
}

export function countOutcomes(operations: readonly OperationConformance[]): Record<ConformanceOutcome, number> {
  const counts: Record<ConformanceOutcome, number> = { valid: 0, invalid: 0, refused: 0, contradiction: 0, unsampled: 0 };
  for (const operation of operations) counts[operation.outcome] += 1;
  return counts;
}
