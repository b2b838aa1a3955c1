import { describe, expect, it } from 'vitest';
import { emitDefinition } from '../../src/emit/emit-definition.ts';
import { parseDefinitionSource } from '../../src/diff/parse-definition-source.ts';
import { makeConnectorPlan } from './factories.ts';

const LONG_DESCRIPTION = 'The state of the issue. Either open, closed or all, where all lists every issue whatever its state. '.repeat(3);

/** The sample plan with one input field and one parameter mapping far longer than a line. */
function planWithLongField() {
  const plan = makeConnectorPlan();
  const action = plan.definition.supported_actions[0]!;
  action.inputSchema = {
    ...action.inputSchema,
    state: { type: 'string', label: 'State', required: false, description: LONG_DESCRIPTION, options: [{ label: 'Open', value: 'open' }, { label: 'Closed', value: 'closed' }, { label: 'All', value: 'all' }], default: 'open' },
  };
  action.api.paramMapping = { ...action.api.paramMapping, state: { in: 'query', name: 'state_of_the_issue_as_the_vendor_names_it', style: 'form', explode: true } };
  return plan;
}

function emit(plan: ReturnType<typeof makeConnectorPlan>): string {
  return emitDefinition({ plan, banner: { generatorVersion: '0.1.0', specSource: 'specs/acme.yaml', connectorName: 'acme' } });
}

describe('definition layout', () => {
  it('writes each input field on one line of its own, however long', () => {
    const text = emit(planWithLongField());
    const line = text.split('\n').find((candidate) => candidate.trimStart().startsWith('state: { type: "string"'));
    expect(line).toBeDefined();
    expect(line!.length).toBeGreaterThan(300);
    expect(line).toContain('{ label: "Closed", value: "closed" }');
    expect(line!.trimEnd().endsWith('},')).toBe(true);
  });

  it('writes each parameter mapping on one line of its own', () => {
    const text = emit(planWithLongField());
    expect(text).toContain('          state: { in: "query", name: "state_of_the_issue_as_the_vendor_names_it", style: "form", explode: true },\n');
  });

  it('reads back as the same data the plan holds', () => {
    const plan = planWithLongField();
    const parsed = parseDefinitionSource({ text: emit(plan), file: 'definition.gen.ts' });
    expect(parsed).toEqual(JSON.parse(JSON.stringify(plan.definition)));
  });
});
