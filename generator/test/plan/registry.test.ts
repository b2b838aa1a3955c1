import { describe, expect, it } from 'vitest';
import { planConnector, planRegistry } from '../../src/plan/index.ts';
import { makeCurated, makeProvenance } from './factories.ts';

describe('planRegistry', () => {
  it('lists connectors sorted by name', () => {
    const plans = ['zeta', 'alpha'].map((name) => planConnector({ curated: makeCurated({ name }), provenance: makeProvenance() }));
    expect(planRegistry(plans)).toEqual({
      packageName: '@specwire/connectors',
      entries: [
        { name: 'alpha', packageName: '@specwire/connector-alpha', displayName: 'Test API', className: 'AlphaConnector' },
        { name: 'zeta', packageName: '@specwire/connector-zeta', displayName: 'Test API', className: 'ZetaConnector' },
      ],
    });
  });

  it('refuses two connectors with one name', () => {
    const plan = planConnector({ curated: makeCurated({ name: 'same' }), provenance: makeProvenance() });
    expect(() => planRegistry([plan, plan])).toThrow(/"same"/);
  });
});
