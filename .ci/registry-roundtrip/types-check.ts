// Type-checked as CommonJS (NodeNext, node10) and as a bundler module: the result narrows on success.
import { PetstoreConnector } from '@specwire/connector-petstore';
import type { ConnectorResponse } from '@specwire/runtime';
// The testing subpath resolves too (node10 through typesVersions, the others through exports).
import type { ActionRequestCase } from '@specwire/runtime/testing';

export type PetRequestCase = ActionRequestCase;

export async function describePet(connector: PetstoreConnector): Promise<string> {
  const res = await connector.getPetById({ petId: 7 });
  const generic: ConnectorResponse = res;
  if (res.success) return `${res.data.name} (${generic.success})`;
  return res.error.message;
}

// The registry: connector names are a union, and loadConnector gives the connector package's own types.
import { loadConnector, type ConnectorName } from '@specwire/connectors';

export async function petstoreFromRegistry(name: ConnectorName): Promise<PetstoreConnector | undefined> {
  if (name !== 'petstore') return undefined;
  const loaded = await loadConnector(name);
  return new loaded.PetstoreConnector({ credentials: { apiKey: 'k' } });
}
