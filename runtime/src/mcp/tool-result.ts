import type { ConnectorResponse } from '../response.ts';

/** What a `tools/call` returns (MCP `CallToolResult`, the parts used here). */
export interface ToolCallResult {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** Text content is capped: an agent's context is the scarce resource, not the API's bandwidth. */
const MAX_TEXT_LENGTH = 200_000;

/**
 * A connector response as a tool result. A failure (validation, HTTP, network) is a tool error
 * carrying the runtime's own code and message, which are credential-free by construction; a success
 * is its body as JSON text, plus `structuredContent` when the tool declared an output schema.
 */
export function toolCallResult(options: { response: ConnectorResponse; structured: boolean }): ToolCallResult {
  const { response } = options;
  if (!response.success) {
    const status = response.error.statusCode !== undefined ? ` (HTTP ${response.error.statusCode})` : '';
    const details = response.error.details !== undefined ? `\n${capped(JSON.stringify(response.error.details, null, 2))}` : '';
    return { isError: true, content: [{ type: 'text', text: `${response.error.code}${status}: ${response.error.message}${details}` }] };
  }
  const data: unknown = response.data;
  const result: ToolCallResult = { content: [{ type: 'text', text: bodyText(data) }] };
  if (options.structured && isPlainObject(data)) result.structuredContent = data;
  return result;
}

function bodyText(data: unknown): string {
  if (data === undefined) return 'Done (the response had no body).';
  if (typeof data === 'string') return capped(data);
  if (data instanceof Uint8Array) return `Binary response of ${data.byteLength} bytes (base64):\n${capped(Buffer.from(data).toString('base64'))}`;
  return capped(JSON.stringify(data, null, 2) ?? String(data));
}

function capped(text: string): string {
  return text.length <= MAX_TEXT_LENGTH ? text : `${text.slice(0, MAX_TEXT_LENGTH)}\n… (cut at ${MAX_TEXT_LENGTH} characters of ${text.length})`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}
