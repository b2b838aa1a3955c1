export interface ValidationLimits {
  /** Longest string accepted in a non-file field (characters). */
  maxStringLength: number;
  /** Deepest nesting validated; deeper input is refused. */
  maxDepth: number;
}

export const DEFAULT_VALIDATION_LIMITS: ValidationLimits = {
  maxStringLength: 10 * 1024 * 1024,
  maxDepth: 64,
};

export interface FieldIssue {
  path: string;
  message: string;
}
