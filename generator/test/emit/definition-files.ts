/**
 * The definition's files for a bare `ConnectorDefinition` (what the diff tests build), emitted the
 * way the pipeline emits them, and read back through the same reader `specwire diff` uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ConnectorDefinition } from '@specwire/runtime';
import { readDefinitionSource } from '../../src/diff/parse-definition-source.ts';
import { emitDefinitionFiles } from '../../src/emit/emit-definition.ts';
import type { EmittedFile } from '../../src/emit/emitted-file.ts';
import { planDefinitionModules } from '../../src/plan/definition-modules.ts';
import { planMethodNames } from '../../src/plan/names.ts';
import type { ActionPlan, ConnectorPlan } from '../../src/plan/types.ts';

const BANNER = { generatorVersion: '0.1.0', specSource: 'specs/acme.yaml', connectorName: 'acme' };

export function emitDefinitionOf(definition: ConnectorDefinition): EmittedFile[] {
  const ids = definition.supported_actions.map((action) => action.id);
  const methodNames = planMethodNames(ids);
  const actions = ids.map((actionId, index) => ({ actionId, methodName: methodNames[index]! }) as ActionPlan);
  const plan = {
    files: { definition: 'src/definition.gen.ts' },
    definition,
    actions,
    definitionModules: planDefinitionModules({ definition, actions }),
  } as unknown as ConnectorPlan;
  return emitDefinitionFiles({ plan, banner: BANNER });
}

/** Reads `src/definition.gen.ts` of emitted files back to data, its modules included. */
export function readEmittedDefinition(files: EmittedFile[]): Promise<ConnectorDefinition> {
  const text = (path: string): string | undefined => files.find((file) => file.path === path)?.contents;
  return readDefinitionSource({
    text: text('src/definition.gen.ts') ?? '',
    file: 'src/definition.gen.ts',
    readModule: async (specifier) => text(`src/${specifier.slice(2)}`),
  });
}

/** Writes emitted files under a package folder. */
export function writeEmittedFiles(options: { folder: string; files: EmittedFile[] }): void {
  for (const file of options.files) {
    const path = join(options.folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.contents);
  }
}
