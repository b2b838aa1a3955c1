import { readDefinitionSource } from './parse-definition-source.ts';
import type { DefinitionsByConnector } from './read-definitions.ts';
import { runConnectorJob } from '../pipeline/connector-job.ts';
import { discoverJobs } from '../pipeline/generate-workspace.ts';
import { readGeneratorVersion } from '../pipeline/workspace.ts';

/**
 * The definitions `pnpm generate` would write from the workspace's current `specs/` and
 * `overrides/` (committed or not), by connector folder name. Generated in memory only: nothing
 * under `generated/` is written. Each definition is read back from the emitted text the same way
 * committed ones are, so both sides of a comparison go through one reader.
 */
export async function regenerateDefinitions(options: { root: string }): Promise<DefinitionsByConnector> {
  const generatorVersion = await readGeneratorVersion();
  const definitions: DefinitionsByConnector = new Map();
  for (const { job, overrides } of await discoverJobs({ root: options.root, generatorVersion })) {
    const output = await runConnectorJob({ job, ...(overrides ? { overrides } : {}) });
    const file = output.files.find((candidate) => candidate.path === 'src/definition.gen.ts');
    if (!file) continue;
    const readModule = async (specifier: string): Promise<string | undefined> =>
      output.files.find((candidate) => candidate.path === `src/${specifier.slice(2)}`)?.contents;
    definitions.set(output.name, await readDefinitionSource({ text: file.contents, file: `${job.id} (regenerated)/src/definition.gen.ts`, readModule }));
  }
  return definitions;
}
