import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { SpecwireError } from '../errors/index.ts';
import type { LoadedSpec } from '../load/types.ts';
import type { LoadedOverrides } from '../override/load-overrides.ts';
import { applyOverlay, loadOverlay } from './overlay/apply-overlay.ts';
import { mergeWebhookSource } from './webhook-source.ts';

/**
 * The merge stage, between load and normalise: the documents an override file names join the
 * loaded spec. First `source.overlay` (OpenAPI Overlay 1.0) edits it; its path is relative to the
 * workspace root, like `source.spec`, and must stay inside it. Then `webhooks.source`, when given,
 * replaces the spec's webhooks. Without either, the loaded spec is returned as it is.
 */
export async function mergeSources(options: {
  loaded: LoadedSpec;
  overrides?: LoadedOverrides;
  workspaceRoot: string;
}): Promise<LoadedSpec> {
  return mergeWebhookSource({ loaded: await applyOverlayFile(options), overrides: options.overrides, workspaceRoot: options.workspaceRoot });
}

async function applyOverlayFile(options: { loaded: LoadedSpec; overrides?: LoadedOverrides; workspaceRoot: string }): Promise<LoadedSpec> {
  const { loaded, overrides, workspaceRoot } = options;
  const path = overrides?.data.source?.overlay;
  if (!overrides || path === undefined) return loaded;
  const where = { file: overrides.file, ...overrides.locate(['source', 'overlay']) };
  const file = resolve(workspaceRoot, path);
  const inside = relative(workspaceRoot, file);
  if (isAbsolute(path) || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new SpecwireError(`source.overlay "${path}" must be a path inside the workspace`, where);
  }
  if (!existsSync(file)) throw new SpecwireError(`source.overlay "${path}" does not exist`, where);
  const overlay = await loadOverlay(file);
  return { ...loaded, document: applyOverlay({ document: loaded.document, overlay: { ...overlay, file: path } }) };
}
