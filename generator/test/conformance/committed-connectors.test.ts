import { describe, expect, it } from 'vitest';
import { checkConformance, listCommittedConnectors, readVendorSpec, sampleActionInputs } from '../../src/conformance/index.ts';
import { findWorkspaceRoot } from '../../src/pipeline/workspace.ts';

// Every committed connector, judged against its vendor's own spec by openapi-backend: a wrong
// mapping in a definition makes its request invalid and fails here.
const root = findWorkspaceRoot() ?? process.cwd();
const connectors = await listCommittedConnectors(root);

/** Deviations an override file chose on purpose; each names the file that decided it. */
const CHOSEN_DEVIATIONS: Record<string, { reasonStartsWith: string; why: string }> = {
  petstore: { reasonStartsWith: 'no credentials for any security requirement', why: 'overrides/petstore.yaml offers only the api_key scheme' },
};

describe('committed connectors send requests their vendor spec accepts', () => {
  it('finds the committed connectors', () => {
    expect(connectors.length).toBeGreaterThan(0);
  });

  it.each(connectors.map((connector) => [connector.name, connector] as const))('%s', async (name, connector) => {
    expect(connector.specFile, `spec ${connector.specSource} not found: run pnpm install`).toBeDefined();
    const definition = await connector.loadDefinition();
    const spec = await readVendorSpec(connector.specFile!);
    const { samples, unsampled } = sampleActionInputs(definition);
    const report = await checkConformance({ spec, definition, samples, unsampled });
    const chosen = CHOSEN_DEVIATIONS[name];
    const failures = report.operations.filter(
      (operation) => (operation.outcome === 'invalid' || operation.outcome === 'refused') && !(chosen && operation.reason?.startsWith(chosen.reasonStartsWith)),
    );
    expect(failures.map((failure) => `${failure.outcome} ${failure.operation}: ${failure.reason}`)).toEqual([]);
    expect(report.counts.valid).toBeGreaterThan(0);
  }, 120_000);
});
