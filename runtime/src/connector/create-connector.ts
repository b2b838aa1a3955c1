import type { ConnectorDefinition } from '../definition.ts';
import { BaseConnector } from './base-connector.ts';
import type { ConnectorOptions } from './connector-options.ts';

/** An untyped connector for any definition (hosts that load definitions at run time). */
export function createConnector(definition: ConnectorDefinition, options: ConnectorOptions = {}): BaseConnector {
  return new BaseConnector(definition, options);
}
