export { diffDefinitions, diffConnectorPresence } from './diff-definitions.ts';
export { parseDefinitionSource, readDefinitionSource, type ReadDefinitionModule } from './parse-definition-source.ts';
export { renderChanges, type ChangeFormat } from './render-changes.ts';
export { diffWorkspace } from './diff-workspace.ts';
export { regenerateDefinitions } from './regenerate-definitions.ts';
export { readDefinitionsAtRef, readGeneratedDefinition, readWorkingDefinitions, type DefinitionsByConnector } from './read-definitions.ts';
export type { Change, ChangeKind } from './types.ts';
