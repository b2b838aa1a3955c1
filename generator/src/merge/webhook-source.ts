import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { SpecwireError, escapePointerSegment, parsePointerFragment } from '../errors/index.ts';
import { loadSpec, type LoadedSpec, type SpecDocument } from '../load/index.ts';
import { isPlainRecord } from '../load/plain-record.ts';
import { canonicalEventName } from '../override/canonical-event-name.ts';
import type { LoadedOverrides } from '../override/load-overrides.ts';

/**
 * `webhooks.source`: another OpenAPI document (a file in an npm package, or a workspace path) whose
 * `webhooks` replace the spec's own. Only the events listed in `webhooks.events` (all when absent)
 * are copied, with the components they reference; a component the spec has word for word is shared,
 * one whose name the spec uses for something else is copied under `<name>__webhooks`. Part of the merge stage, after the overlay.
 */
export async function mergeWebhookSource(options: { loaded: LoadedSpec; overrides?: LoadedOverrides; workspaceRoot: string }): Promise<LoadedSpec> {
  const { loaded, overrides } = options;
  const source = overrides?.data.webhooks?.source;
  if (!overrides || !source) return loaded;
  const file = resolveSourceFile({ source, overrides, workspaceRoot: options.workspaceRoot });
  const document = (await loadSpec({ file })).document;
  const hooks = document.webhooks ?? document['x-webhooks'];
  const where = { file: overrides.file, ...overrides.locate(['webhooks', 'source']) };
  if (!isPlainRecord(hooks)) throw new SpecwireError('webhooks.source declares no webhooks (neither "webhooks" nor "x-webhooks")', where);
  const wanted = overrides.data.webhooks?.events?.map(canonicalEventName);
  const selected = Object.entries(hooks).filter(([name]) => !wanted || wanted.includes(canonicalEventName(name)));
  const target: SpecDocument = structuredClone(loaded.document);
  const copier = new ComponentCopier({ from: document, to: target });
  const merged = Object.fromEntries(selected.map(([name, pathItem]) => [name, copier.copy(pathItem)]));
  delete target.webhooks;
  delete target['x-webhooks'];
  // 3.0 documents carry webhooks as the `x-webhooks` extension; the normaliser reads both keys.
  target[loaded.specVersion === '3.1' ? 'webhooks' : 'x-webhooks'] = merged;
  return { ...loaded, document: target };
}

class ComponentCopier {
  private readonly from: SpecDocument;
  private readonly to: SpecDocument;
  /** Source ref → ref in the target document. */
  private readonly renamed = new Map<string, string>();

  constructor(options: { from: SpecDocument; to: SpecDocument }) {
    this.from = options.from;
    this.to = options.to;
  }

  /** A deep copy with every `#/components/<kind>/<name>` ref copied into the target (once) and rewritten. */
  copy(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.copy(item));
    if (!isPlainRecord(value)) return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = key === '$ref' && typeof item === 'string' ? this.refTo(item) : this.copy(item);
    }
    return result;
  }

  private refTo(ref: string): string {
    const known = this.renamed.get(ref);
    if (known !== undefined) return known;
    const segments = ref.startsWith('#/') ? parsePointerFragment(ref) : undefined;
    if (!segments || segments.length !== 3 || segments[0] !== 'components') return ref;
    const [, kind, name] = segments as [string, string, string];
    const original = componentOf({ document: this.from, kind, name });
    if (original === undefined) return ref;
    const components = (this.to.components ??= {}) as Record<string, unknown>;
    const section = (components[kind] ??= {}) as Record<string, unknown>;
    if (Object.hasOwn(section, name) && JSON.stringify(section[name]) === JSON.stringify(original)) {
      // The spec already has this component word for word: share it rather than copy it.
      this.renamed.set(ref, ref);
      return ref;
    }
    const targetName = Object.hasOwn(section, name) ? `${name}__webhooks` : name;
    const targetRef = `#/components/${escapePointerSegment(kind)}/${escapePointerSegment(targetName)}`;
    this.renamed.set(ref, targetRef);
    // Reserve the name before descending: cyclic schemas refer back to it.
    section[targetName] = {};
    section[targetName] = this.copy(original);
    return targetRef;
  }
}

function componentOf(options: { document: SpecDocument; kind: string; name: string }): unknown {
  const components = options.document.components;
  if (!isPlainRecord(components)) return undefined;
  const section = components[options.kind];
  return isPlainRecord(section) && Object.hasOwn(section, options.name) ? section[options.name] : undefined;
}

function resolveSourceFile(options: { source: { npm?: string; spec?: string }; overrides: LoadedOverrides; workspaceRoot: string }): string {
  const { source, overrides, workspaceRoot } = options;
  const key = source.spec !== undefined ? 'spec' : 'npm';
  const where = { file: overrides.file, ...overrides.locate(['webhooks', 'source', key]) };
  if (source.spec !== undefined) {
    const file = resolve(workspaceRoot, source.spec);
    const inside = relative(workspaceRoot, file);
    if (isAbsolute(source.spec) || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new SpecwireError(`webhooks.source.spec "${source.spec}" must be a path inside the workspace`, where);
    }
    if (!existsSync(file)) throw new SpecwireError(`webhooks.source.spec "${source.spec}" does not exist`, where);
    return file;
  }
  const spec = source.npm ?? '';
  const match = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)\/(.+)$/i.exec(spec);
  if (!match || match[2]!.split('/').some((segment) => segment === '..' || segment === '' || segment === '.')) {
    throw new SpecwireError(`webhooks.source.npm "${spec}" must look like <package>/<file inside it>`, where);
  }
  const [, packageName, inner] = match as unknown as [string, string, string];
  let directory = workspaceRoot;
  for (;;) {
    const candidate = join(directory, 'node_modules', packageName);
    if (existsSync(join(candidate, 'package.json'))) {
      const file = join(candidate, inner);
      const root = realpathSync(candidate);
      if (!existsSync(file) || relative(root, realpathSync(file)).startsWith('..')) {
        throw new SpecwireError(`webhooks.source.npm: "${inner}" is not a file of package "${packageName}"`, where);
      }
      return file;
    }
    const parent = dirname(directory);
    if (parent === directory) throw new SpecwireError(`webhooks.source.npm: package "${packageName}" is not installed (add it as a devDependency)`, where);
    directory = parent;
  }
}
