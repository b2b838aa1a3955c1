// swagger2openapi ships no types; only the call the judge makes is declared.
declare module 'swagger2openapi' {
  export interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
    resolve?: boolean;
  }
  export function convertObj(document: Record<string, unknown>, options: ConvertOptions): Promise<{ openapi: Record<string, unknown> }>;
}
