import { describe, expect, it } from 'vitest';
import { planPackageHome } from '../../src/plan/package-home.ts';
import { planConnector } from '../../src/plan/plan-connector.ts';
import { makeCurated, makeProvenance } from './factories.ts';

describe('planPackageHome: the runtime range is decided in the plan', () => {
  it('a workspace package asks for a compatible workspace runtime and builds against sources', () => {
    expect(planPackageHome({})).toEqual({ runtimeVersionRange: 'workspace:^', insideWorkspace: true });
  });

  it('a package generated elsewhere depends on the range it was given and on published dist/', () => {
    expect(planPackageHome({ runtimeVersionRange: '^0.1.0' })).toEqual({ runtimeVersionRange: '^0.1.0', insideWorkspace: false });
  });

  it('planConnector records it for the emitters', () => {
    const standalone = planConnector({ curated: makeCurated(), provenance: makeProvenance(), runtimeVersionRange: '^2.0.0' });
    expect(standalone.home).toEqual({ runtimeVersionRange: '^2.0.0', insideWorkspace: false });
    expect(planConnector({ curated: makeCurated(), provenance: makeProvenance() }).home.insideWorkspace).toBe(true);
  });
});
