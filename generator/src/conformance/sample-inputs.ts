/**
 * One sample input per action, built from the definition's field schemas by the same sampler the
 * generated tests use: every required field, and the first optional primitive query parameter. A
 * required object in a form-encoded body gets an entry where one fits: `{}` sends no pair, so a
 * server cannot tell it from a field left out.
 * The samples are only what the connector is asked to send; whether the wire is right is decided by
 * the judge from the vendor spec alone.
 */
import type { ActionDefinition, ConnectorDefinition } from '@specwire/runtime';
import { isFileField, sampleFieldValue, type SampleRole } from '../plan/tests/sample-value.ts';
import type { ConformanceSample, UnsampledAction } from './types.ts';

const PRIMITIVE_TYPES = new Set(['string', 'number', 'boolean', 'select']);

export function sampleActionInputs(definition: ConnectorDefinition): { samples: ConformanceSample[]; unsampled: UnsampledAction[] } {
  const samples: ConformanceSample[] = [];
  const unsampled: UnsampledAction[] = [];
  for (const action of definition.supported_actions) {
    const sampled = sampleAction(action);
    if (typeof sampled === 'string') unsampled.push({ actionId: action.id, reason: sampled });
    else {
      const contradiction = emptyPathValue({ action, input: sampled });
      samples.push({ actionId: action.id, input: sampled, ...(contradiction !== undefined ? { contradiction } : {}) });
    }
  }
  return { samples, unsampled };
}

function sampleAction(action: ActionDefinition): Record<string, unknown> | string {
  const input: Record<string, unknown> = {};
  const presets = { ...action.api.defaultValues, ...action.api.fixedValues };
  for (const [name, field] of Object.entries(action.inputSchema)) {
    if (!field.required || Object.hasOwn(presets, name)) continue;
    const value = sampleFieldValue({ field, role: roleOf({ action, name }) });
    if (value === undefined) return `no sample for required field ${name} (${describeField(field)})`;
    Object.defineProperty(input, name, { value, enumerable: true, writable: true, configurable: true });
  }
  for (const [name, field] of Object.entries(action.inputSchema)) {
    const target = ownTarget({ action, name });
    if (field.required || target?.in !== 'query' || !PRIMITIVE_TYPES.has(field.type) || field.opaque || isFileField(field)) continue;
    const value = sampleFieldValue({ field, role: 'other' });
    if (value === undefined) continue;
    Object.defineProperty(input, name, { value, enumerable: true, writable: true, configurable: true });
    break;
  }
  return input;
}

/**
 * A required path parameter whose schema admits only an empty object or array (every property
 * read-only, say) has no value a URL can carry: the runtime rightly refuses an empty segment.
 */
function emptyPathValue(options: { action: ActionDefinition; input: Record<string, unknown> }): string | undefined {
  for (const [name, value] of Object.entries(options.input)) {
    if (ownTarget({ action: options.action, name })?.in !== 'path') continue;
    const empty = (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
    if (empty) return `path parameter '${name}' admits only an empty ${Array.isArray(value) ? 'array' : 'object'}, which no URL segment can carry`;
  }
  return undefined;
}

/** A path segment, a field of a form-encoded body, or anything else (see `SampleRole`). */
function roleOf(options: { action: ActionDefinition; name: string }): SampleRole {
  const target = ownTarget(options)?.in;
  if (target === 'path') return 'path';
  return target === 'body' && options.action.api.body?.encoding === 'form' ? 'form' : 'other';
}

function describeField(field: { opaque?: boolean; variants?: unknown; type: string; inputType?: string; format?: string }): string {
  if (field.opaque) return 'opaque JSON';
  if (field.variants) return 'variants';
  if (field.inputType === 'file' || field.format === 'binary') return 'file';
  return field.type;
}

function ownTarget(options: { action: ActionDefinition; name: string }): ActionDefinition['api']['paramMapping'][string] | undefined {
  const mapping = options.action.api.paramMapping;
  return Object.hasOwn(mapping, options.name) ? mapping[options.name] : undefined;
}
