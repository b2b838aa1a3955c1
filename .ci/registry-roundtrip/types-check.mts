// Type-checked as an ES module under NodeNext.
import { PetstoreConnector, definition } from '@specwire/connector-petstore';
import { createConnector } from '@specwire/runtime';

const connector = new PetstoreConnector({ credentials: { apiKey: 'k' } });
const res = await connector.getPetById({ petId: 7 });
export const name: string = res.success ? res.data.name : res.error.code;
export const generic = createConnector(definition, {});
