import SwaggerParser from '@apidevtools/swagger-parser';
import type { Warning } from '../ir/types.ts';

/**
 * `--validate`: checks the document against the official OpenAPI/Swagger schemas with
 * swagger-parser. Opt-in because it is several times slower than loading and rejects specs whose
 * intent is clear (e.g. `4xx` response keys); findings become warnings, or the CLI's error with
 * `--validate=error`. It runs on a copy with every resolver that could read a file or fetch a URL
 * switched off, so it sees only what `load` already admitted.
 */
export async function validateStrictly(options: { document: unknown }): Promise<Warning[]> {
  const copy = structuredClone(options.document) as Parameters<typeof SwaggerParser.validate>[0];
  try {
    await SwaggerParser.validate(copy, {
      resolve: { external: false, file: false, http: false },
      dereference: { circular: 'ignore' },
    });
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^(Swagger schema validation failed|OpenAPI schema validation failed)\.?$/i.test(line))
      .slice(0, 20)
      .map(toWarning);
  }
}

/** swagger-parser's lines read `#/paths/~1x/get/responses must NOT have …`: split pointer and message. */
function toWarning(line: string): Warning {
  const match = /^#(\/\S*)\s+(.*)$/.exec(line);
  return match ? { pointer: match[1]!, message: `schema validation: ${match[2]}` } : { pointer: '', message: `schema validation: ${line}` };
}
