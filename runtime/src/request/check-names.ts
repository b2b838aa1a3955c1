import type { ConnectorDefinition } from '../definition.ts';
import { ConnectorError, ErrorCode } from '../errors/connector-error.ts';

/** RFC 9110 `token`: what a header field name (and a cookie name, RFC 6265) may be. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks, once when a connector is created, every header and cookie name its definition takes from
 * the spec: API-key schemes and header/cookie parameters. A name that is not a token would inject a
 * header or cookie (`session; admin=1`), or fail every request as a retryable network error inside
 * fetch; both are mistakes of the definition, so they are configuration errors, before any request.
 * Names are quoted cut short and without control characters; no credential is ever involved.
 */
export function assertDefinitionNames(definition: ConnectorDefinition): void {
  for (const scheme of definition.auth ?? []) {
    if (scheme.type !== 'apiKey' || scheme.in === 'query') continue;
    if (!TOKEN.test(scheme.name)) throw invalidName({ kind: `${scheme.in} name of auth scheme "${quote(scheme.id)}"`, name: scheme.name });
  }
  for (const action of definition.supported_actions ?? []) {
    for (const [field, target] of Object.entries(action.api?.paramMapping ?? {})) {
      if ((target.in === 'header' || target.in === 'cookie') && !TOKEN.test(target.name)) {
        throw invalidName({ kind: `${target.in} name of input "${quote(field)}" of action "${quote(action.id)}"`, name: target.name });
      }
    }
  }
}

function invalidName(options: { kind: string; name: string }): ConnectorError {
  return new ConnectorError({
    code: ErrorCode.configuration,
    message: `the ${options.kind} is not a valid HTTP token: "${quote(options.name)}"`,
  });
}

function quote(value: string): string {
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f"\\]/g, '?').slice(0, 100);
}
