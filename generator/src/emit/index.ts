/**
 * The emit stage: renders a ConnectorPlan (or the RegistryPlan) into file contents. It decides
 * nothing; every name, path and value comes from the plan, and every piece of spec text reaches
 * source only through the literal renderer, the JSDoc/line-comment escapers, the identifier guard or
 * the property-key renderer.
 */
export { emitConnector } from './emit-connector.ts';
export { emitRegistry, type EmitRegistryOptions } from './emit-registry.ts';
export type { EmitConnectorOptions, EmittedFile } from './emitted-file.ts';
