// Builds the static catalog: each definition written as JSON, an index derived from them, and the
// browser app bundled with the runtime. The page reads nothing but these files.
import { mkdir, rm, writeFile, stat, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { ConnectorDefinition } from '@specwire/runtime';

const catalogRoot = fileURLToPath(new URL('..', import.meta.url));
const shims = path.join(catalogRoot, 'browser-shims');

export interface CatalogConnector {
  name: string;
  displayName: string;
  definition: ConnectorDefinition;
}

export interface CatalogBuild {
  outDir: string;
  milliseconds: number;
  bytes: number;
  /** One line per action that cannot be listed (connector and action named). */
  problems: string[];
}

/** Maps the runtime's node: imports to browser versions (see browser-shims/). */
const nodeShims: Plugin = {
  name: 'node-shims',
  setup(builder) {
    const files: Record<string, string> = {
      'node:crypto': 'node-crypto.ts',
      'node:dns/promises': 'node-dns.ts',
      'node:net': 'node-net.ts',
      'node:timers/promises': 'node-timers.ts',
    };
    builder.onResolve({ filter: /^node:/ }, (args) => {
      const file = files[args.path];
      if (!file) return { errors: [{ text: `${args.path} has no browser version in the catalog (imported by ${args.importer})` }] };
      return { path: path.join(shims, file) };
    });
  },
};

export async function buildCatalog(options: { connectors: CatalogConnector[]; outDir: string }): Promise<CatalogBuild> {
  const started = performance.now();
  const { outDir } = options;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'data'), { recursive: true });
  const problems: string[] = [];
  const index = [];
  for (const connector of options.connectors) {
    const { definition } = connector;
    const actions = Array.isArray(definition.supported_actions) ? definition.supported_actions : [];
    const connectorProblems: string[] = [];
    for (const action of actions) {
      const problem = checkAction(action);
      if (problem) connectorProblems.push(`connector "${connector.name}", action "${String(action?.id)}": ${problem}`);
    }
    problems.push(...connectorProblems);
    index.push({
      name: connector.name,
      displayName: connector.displayName,
      description: definition.description ?? '',
      actions: actions.map((action) => ({ id: String(action?.id), name: String(action?.name ?? action?.id) })),
      ...(connectorProblems.length > 0 ? { error: connectorProblems.join('\n') } : {}),
    });
    await writeFile(path.join(outDir, 'data', `${connector.name}.json`), JSON.stringify(definition));
  }
  await writeFile(path.join(outDir, 'data', 'index.json'), JSON.stringify(index));
  await build({
    entryPoints: [path.join(catalogRoot, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@specwire/source'],
    inject: [path.join(shims, 'buffer.ts')],
    plugins: [nodeShims],
    outfile: path.join(outDir, 'app.js'),
    logLevel: 'warning',
  });
  const page = (title: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="style.css"></head>
<body><main id="app">Loading…</main><script type="module" src="app.js"></script></body></html>
`;
  await writeFile(path.join(outDir, 'index.html'), page('Connector catalog'));
  await writeFile(path.join(outDir, 'connector.html'), page('Connector'));
  await writeFile(path.join(outDir, 'style.css'), STYLE);
  return { outDir, milliseconds: Math.round(performance.now() - started), bytes: await sizeOf(outDir), problems };
}

/** Why an action cannot be shown, or undefined. The page shows the same problem where the form would be. */
function checkAction(action: unknown): string | undefined {
  if (action === null || typeof action !== 'object') return 'not an object';
  const record = action as Record<string, unknown>;
  if (typeof record.id !== 'string') return 'no id';
  const input = record.inputSchema;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return 'inputSchema is not an object of fields';
  for (const [key, field] of Object.entries(input)) {
    if (field === null || typeof field !== 'object' || typeof (field as { type?: unknown }).type !== 'string') return `field ${key} has no type`;
  }
  return undefined;
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await sizeOf(full) : (await stat(full)).size;
  }
  return total;
}

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#1d2433}
h1{margin-bottom:.2rem}code{font-family:ui-monospace,monospace;font-size:.9em}
.action{border:1px solid #d6dbe4;border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}
.action>summary{cursor:pointer}.method{background:#eef2f8;padding:0 .3rem;border-radius:3px}
.field{margin:.5rem 0}.field-label{font-weight:600;display:block}.field-type{color:#6a7385;font-weight:400}
.field-description{margin:.1rem 0;color:#4b5466;font-size:.9em}.required{color:#b42318}
fieldset{border:1px solid #e2e6ee;border-radius:4px;margin:.3rem 0}
input[type=text],input[type=url],input[type=password],textarea,select{font:inherit;padding:.2rem .35rem;min-width:18rem}
textarea.json{font-family:ui-monospace,monospace}.try-it{margin:.5rem 0;font-weight:600}
.try-result{background:#f6f8fb;max-height:20rem;overflow:auto}.render-error{color:#b42318;font-weight:600}
.dynamic-note{font-size:.85em;color:#4b5466;margin:.1rem 0}.schema-view ul{margin:.1rem 0;padding-left:1.2rem}`;
