import { describe, expect, it } from 'vitest';
import { emitConnector } from '../../src/emit/index.ts';
import { makeConnectorPlan, makeOperation, SAMPLE_OPERATIONS } from './factories.ts';

/**
 * Every file the emitter writes for two factory-built plans, kept as files beside this test. A change
 * to an emitter shows up in review as a diff of real generated files; `vitest -u` records an
 * intended change.
 */
const PLANS = {
  sample: () => makeConnectorPlan(),
  'renamed-and-nullable': () =>
    makeConnectorPlan({
      operations: [
        ...SAMPLE_OPERATIONS.slice(0, 1),
        makeOperation({
          actionId: 'notes_update',
          method: 'PATCH',
          path: '/notes/{id}',
          pathParams: ['id'],
          body: { mode: 'spread', required: false, properties: { id: false, text: true }, renamed: { id: 'body_id' } },
          bodySchema: { type: ['object', 'null'], properties: { id: { type: 'string' }, text: { type: 'string' } }, required: ['text'] },
          outputStatus: '200',
          description: 'Updates a note. */ console.log("not code") /*',
        }),
      ],
    }),
};

describe('emitted files of factory-built plans', () => {
  for (const [name, makePlan] of Object.entries(PLANS)) {
    it(name, async () => {
      const files = await emitConnector(makePlan(), { generatorVersion: '0.1.0' });
      for (const file of files) await expect(file.contents).toMatchFileSnapshot(`__snapshots__/emitted/${name}/${file.path}.snap`);
    });
  }
});
