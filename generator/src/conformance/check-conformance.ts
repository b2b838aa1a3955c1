/**
 * The conformance check: each sample goes through the runtime, driven by the generated definition, to
 * a server on 127.0.0.1 whose judge validates the request against the vendor's own spec. A request
 * that never reaches the server was refused by the runtime; its error is the reason.
 */
import { createConnector, type ConnectorDefinition } from '@specwire/runtime';
import { startRecordingServer, type RecordedRequest } from '@specwire/runtime/testing';
import { basePathOf } from '../plan/servers.ts';
import { createJudge } from './judge.ts';
import { countOutcomes, type ConformanceReport, type ConformanceSample, type OperationConformance, type UnsampledAction } from './types.ts';
import type { VendorDocument } from './vendor-spec.ts';

export interface CheckConformanceOptions {
  /** The vendor's document as parsed from its file (Swagger 2.0 or OpenAPI 3.x). */
  spec: VendorDocument;
  definition: ConnectorDefinition;
  samples: readonly ConformanceSample[];
  /** Actions without a sample, reported as `unsampled`. */
  unsampled?: readonly UnsampledAction[];
  /** Per action call. Default 10 s. */
  timeoutMs?: number;
}

export async function checkConformance(options: CheckConformanceOptions): Promise<ConformanceReport> {
  const { definition } = options;
  const judge = await createJudge(options.spec);
  const server = await startRecordingServer(() => ({ json: {} }));
  // Header names the connector handed to fetch, per request: what fetch adds of its own accord
  // (Accept-Language: *, Accept-Encoding, User-Agent, Sec-Fetch-Mode) is the platform's, not the mapping's.
  const passed: Array<Set<string>> = [];
  const credentials: Record<string, string> = {};
  for (const field of definition.auth_fields) credentials[field.key] = sampleCredential(field.key);
  const connector = createConnector(definition, {
    credentials,
    // The connector's own base path; without a base URL, the user passes the vendor's server URL.
    baseUrl: server.url + (definition.endpoints.base_url === '' ? judge.vendorBasePath : basePathOf(definition.endpoints.base_url)),
    retry: false,
    rateLimit: false,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRedirects: 0,
    fetch: loopbackOnly({ origin: server.url, passed }),
  });
  const actions = new Map(definition.supported_actions.map((action) => [action.id, action]));
  const operations: OperationConformance[] = [];
  try {
    for (const sample of options.samples) {
      const action = actions.get(sample.actionId);
      if (!action) continue;
      const operation = `${action.api.method} ${action.api.endpoint}`;
      if (sample.contradiction !== undefined) {
        operations.push({ actionId: sample.actionId, operation, outcome: 'contradiction', reason: sample.contradiction });
        continue;
      }
      const before = server.requests.length;
      const result = await connector.executeAction(sample.actionId, sample.input);
      const request = server.requests[before];
      if (!request) {
        // Refused where the spec itself allows no request: a form body whose schema names no field.
        const unsendable = judge.unsendableBody({ method: action.api.method, path: action.api.endpoint });
        const reason = result.success ? 'no request reached the server' : `${result.error?.code ?? 'ERROR'}: ${result.error?.message ?? ''}`;
        operations.push({ actionId: sample.actionId, operation, ...(unsendable !== undefined ? { outcome: 'contradiction', reason: unsendable.slice(0, 300) } : { outcome: 'refused', reason: reason.slice(0, 300) }) });
        continue;
      }
      const connectorHeaders = passed[passed.length - 1];
      const verdict = await judge.judge({ request: connectorHeaders ? withoutPlatformHeaders({ request, connectorHeaders }) : request, expected: { method: action.api.method, path: action.api.endpoint } });
      operations.push({ actionId: sample.actionId, operation, outcome: verdict.outcome, ...(verdict.reason !== undefined ? { reason: verdict.reason.slice(0, 300) } : {}) });
    }
  } finally {
    await server.close();
  }
  for (const missing of options.unsampled ?? []) {
    const action = actions.get(missing.actionId);
    operations.push({ actionId: missing.actionId, operation: action ? `${action.api.method} ${action.api.endpoint}` : missing.actionId, outcome: 'unsampled', reason: missing.reason });
  }
  return { operations, counts: countOutcomes(operations) };
}

/**
 * The runtime may only reach the judging server: every other address is refused before any I/O.
 * The names of the headers each request is given are recorded in `passed`.
 */
function loopbackOnly(options: { origin: string; passed: Array<Set<string>> }): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== options.origin) return Promise.reject(new Error(`conformance check: refusing to contact ${url.origin}`));
    const names = new Set<string>();
    if (input instanceof Request) input.headers.forEach((_value, name) => names.add(name));
    new Headers(init?.headers).forEach((_value, name) => names.add(name));
    options.passed.push(names);
    return fetch(input, init);
  };
}

/** Headers of the wire itself, set by HTTP whoever sends the request. */
const PROTOCOL_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

/** The recorded request without the headers fetch added where the connector gave none. */
function withoutPlatformHeaders(options: { request: RecordedRequest; connectorHeaders: Set<string> }): RecordedRequest {
  const kept = Object.entries(options.request.headers).filter(([name]) => options.connectorHeaders.has(name) || PROTOCOL_HEADERS.has(name));
  return { ...options.request, headers: Object.fromEntries(kept) };
}

/**
 * A credential shaped like a real one: 32 letters and digits. A spec without security schemes
 * declares its key as a parameter, and the judge then checks the value against that parameter's
 * schema (often `^[a-zA-Z0-9]{19,50}$`), which a user's real key would meet.
 */
export function sampleCredential(key: string): string {
  const stem = `test${key.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 16);
  return `${stem}0123456789abcdefghijklmnopqrstuvwxyz`.slice(0, 32);
}
