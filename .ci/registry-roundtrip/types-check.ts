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
