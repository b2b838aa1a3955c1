/**
 * The committed connectors and their vendor specs, found from each package's provenance file
 * (`specSource`: a workspace path or `npm:<package>/<file>`), so a test can judge every one of them.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConnectorDefinition } from '@specwire/runtime';

export interface CommittedConnector {
  name: string;
  /** Absolute path of the vendor spec, or `undefined` when its package is not installed. */
  specFile: string | undefined;
  specSource: string;
  loadDefinition(): Promise<ConnectorDefinition>;
}

export async function listCommittedConnectors(workspaceRoot: string): Promise<CommittedConnector[]> {
  const generatedDir = join(workspaceRoot, 'generated');
  const connectors: CommittedConnector[] = [];
  for (const name of (await readdir(generatedDir)).sort()) {
    const provenanceFile = join(generatedDir, name, 'specwire.provenance.json');
    const definitionFile = join(generatedDir, name, 'src', 'definition.gen.ts');
    if (!existsSync(provenanceFile) || !existsSync(definitionFile)) continue;
    const provenance = JSON.parse(await readFile(provenanceFile, 'utf8')) as { specSource?: unknown };
    const specSource = typeof provenance.specSource === 'string' ? provenance.specSource : '';
    const specFile = specSource.startsWith('npm:') ? join(workspaceRoot, 'node_modules', specSource.slice(4)) : join(workspaceRoot, specSource);
    connectors.push({
      name,
      specSource,
      specFile: specSource !== '' && existsSync(specFile) ? specFile : undefined,
      loadDefinition: async () => {
        const module = (await import(pathToFileURL(definitionFile).href)) as { definition: ConnectorDefinition };
        return module.definition;
      },
    });
  }
  return connectors;
}
