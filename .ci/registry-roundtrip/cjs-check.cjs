// CommonJS require of the installed packages' CommonJS builds, and one real call.
const assert = require('node:assert/strict');
const { BaseConnector } = require('@specwire/runtime');
const { PetstoreConnector } = require('@specwire/connector-petstore');
const { definition: trainTravel } = require('@specwire/connector-train-travel');

(async () => {
  const { startPetServer } = await import('./pet-server.mjs');
  const server = await startPetServer();
  try {
    const connector = new PetstoreConnector({ baseUrl: server.url, credentials: { apiKey: 'local-key' } });
    assert.ok(connector instanceof BaseConnector);
    const found = await connector.getPetById({ petId: 7 });
    assert.equal(found.success, true, JSON.stringify(found.error));
    assert.equal(found.data.name, 'Rex');
    assert.equal(trainTravel.name, 'train-travel');
    console.log('CommonJS: required runtime and two connectors; getPetById 200 → success');
  } finally {
    await server.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
