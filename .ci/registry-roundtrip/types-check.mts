// Type-checked as an ES module under NodeNext.
import { PetstoreConnector, definition } from '@specwire/connector-petstore';
import { createConnector } from '@specwire/runtime';

const connector = new PetstoreConnector({ credentials: { apiKey: 'k' } });
const res = await connector.getPetById({ petId: 7 });
export const name: string = res.success ? res.data.name : res.error.code;
export const generic = createConnector(definition, {});

// The registry, from an ES module.
import { connectorNames, loadConnector } from '@specwire/connectors';

const loaded = await loadConnector('petstore');
export const fromRegistry: PetstoreConnector = new loaded.PetstoreConnector({ credentials: { apiKey: 'k' } });
export const names: readonly ('petstore' | 'train-travel')[] = connectorNames;
