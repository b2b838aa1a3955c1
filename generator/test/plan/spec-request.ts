/**
 * A small inline spec, generated through the whole pipeline and run through the runtime against a
 * recording server on 127.0.0.1: what a user of the generated connector would put on the wire.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { BaseConnector, type ActionDefinition, type ConnectorDefinition, type ConnectorResponse } from '@specwire/runtime';
import { startRecordingServer, type RecordedRequest } from '@specwire/runtime/testing';
import type { Warning } from '../../src/ir/types.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';

const scratch = mkdtempSync(join(tmpdir(), 'specwire-spec-request-'));
let counter = 0;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

export interface GeneratedSpec {
  definition: ConnectorDefinition;
  warnings: Warning[];
  action(id: string): ActionDefinition;
}

/** An OpenAPI 3.x document with one server; `paths` as given. */
export function openapi(options: { paths: Record<string, unknown>; schemas?: Record<string, unknown>; version?: string }): Record<string, unknown> {
  return {
    openapi: options.version ?? '3.1.0',
    info: { title: 'Classes', version: '1.0.0' },
    servers: [{ url: 'https://api.example.invalid' }],
    paths: options.paths,
    ...(options.schemas ? { components: { schemas: options.schemas } } : {}),
  };
}

/** A JSON request body of `schema` (required unless told). */
export function jsonBody(schema: unknown, options: { mediaType?: string; required?: boolean } = {}): Record<string, unknown> {
  return { required: options.required ?? true, content: { [options.mediaType ?? 'application/json']: { schema } } };
}

export const OK = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };

export async function generateSpec(document: Record<string, unknown>): Promise<GeneratedSpec> {
  const specFile = join(scratch, `spec-${counter++}.json`);
  writeFileSync(specFile, JSON.stringify(document));
  const result = await generateConnector({
    specFile,
    specLabel: 'classes.json',
    defaultName: 'classes',
    runtimeRange: 'workspace:*',
    generatorVersion: '0.1.0',
    timings: new StageTimings(),
  });
  const definition = result.plan.definition;
  return {
    definition,
    warnings: result.warnings,
    action(id) {
      const found = definition.supported_actions.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`no action ${id}; actions: ${definition.supported_actions.map((candidate) => candidate.id).join(', ')}`);
      return found;
    },
  };
}

/** Runs one action of a generated definition against a fresh recording server. */
export async function sendAction(options: {
  generated: GeneratedSpec;
  actionId: string;
  input: Record<string, unknown>;
}): Promise<{ response: ConnectorResponse; request: RecordedRequest | undefined }> {
  const server = await startRecordingServer();
  try {
    const connector = new BaseConnector(options.generated.definition, { baseUrl: server.url });
    const response = await connector.executeAction(options.actionId, options.input);
    return { response, request: server.requests[0] };
  } finally {
    await server.close();
  }
}
