export { diffDefinitions, diffConnectorPresence } from './diff-definitions.ts';
export { parseDefinitionSource } from './parse-definition-source.ts';
export { renderChanges, type ChangeFormat } from './render-changes.ts';
export { diffWorkspace } from './diff-workspace.ts';
export { regenerateDefinitions } from './regenerate-definitions.ts';
export { readDefinitionsAtRef, readWorkingDefinitions, type DefinitionsByConnector } from './read-definitions.ts';
export type { Change, ChangeKind } from './types.ts';
