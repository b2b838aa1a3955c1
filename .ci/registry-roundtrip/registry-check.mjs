// The registry package as a host installs it: its ES module and CommonJS builds list the connectors
// and load one on demand (the CommonJS build's dynamic import becomes a require of the connector's
// CommonJS build).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const esm = await import('@specwire/connectors');
assert.deepEqual([...esm.connectorNames], ['petstore', 'train-travel']);
assert.equal(typeof (await esm.loadConnector('petstore')).PetstoreConnector, 'function');
await assert.rejects(esm.loadConnector('nope'), /Unknown connector "nope"/);

const cjs = createRequire(import.meta.url)('@specwire/connectors');
assert.deepEqual([...cjs.connectorNames], ['petstore', 'train-travel']);
assert.equal(typeof (await cjs.loadConnector('train-travel')).TrainTravelConnector, 'function');
console.log('registry: ESM import and CommonJS require list two connectors and load each on demand');
