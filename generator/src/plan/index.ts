export { planConnector, PLANNED_FILES } from './plan-connector.ts';
export { planRegistry, REGISTRY_PACKAGE_NAME } from './registry.ts';
export { BASE_CONNECTOR_MEMBERS, RESERVED_METHOD_NAMES } from './reserved-names.ts';
export type * from './types.ts';
