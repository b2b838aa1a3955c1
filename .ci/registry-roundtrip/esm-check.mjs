// Plain Node, no tsx: the installed packages' ES module builds, and real calls against a local server.
import assert from 'node:assert/strict';
import { BaseConnector, createConnector } from '@specwire/runtime';
import { PetstoreConnector, definition as petstore } from '@specwire/connector-petstore';
import { TrainTravelConnector, definition as trainTravel } from '@specwire/connector-train-travel';
import { startPetServer } from './pet-server.mjs';

const server = await startPetServer();
try {
  const connector = new PetstoreConnector({ baseUrl: server.url, credentials: { apiKey: 'local-key' } });
  assert.ok(connector instanceof BaseConnector, 'one runtime: the connector extends the host\'s BaseConnector');
  const found = await connector.getPetById({ petId: 7 });
  assert.equal(found.success, true, JSON.stringify(found.error));
  assert.equal(found.data.name, 'Rex');
  const missing = await connector.getPetById({ petId: 8 });
  assert.equal(missing.success, false);
  assert.equal(missing.error.code, 'HTTP_404');
  const generic = await createConnector(petstore, { baseUrl: server.url, credentials: { apiKey: 'local-key' } }).executeAction('get_pet_by_id', { petId: 7 });
  assert.equal(generic.success, true);
  assert.equal(typeof TrainTravelConnector, 'function');
  assert.equal(trainTravel.name, 'train-travel');
  console.log('ESM: imported runtime and two connectors; getPetById 200 → success, 404 → HTTP_404');
} finally {
  await server.close();
}
