import { describe, expect, it } from 'vitest';
import { emitDefinitionFiles } from '../../src/emit/emit-definition.ts';
import { categorySlug, planDefinitionModules } from '../../src/plan/definition-modules.ts';
import { readEmittedDefinition } from './definition-files.ts';
import { makeConnectorPlan, makeOperation } from './factories.ts';

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

function emitFiles(plan: ReturnType<typeof makeConnectorPlan>) {
  return emitDefinitionFiles({ plan, banner: { generatorVersion: '0.1.0', specSource: 'specs/acme.yaml', connectorName: 'acme' } });
}

/** Every emitted definition file, concatenated. */
function emit(plan: ReturnType<typeof makeConnectorPlan>): string {
  return emitFiles(plan)
    .map((file) => file.contents)
    .join('\n');
}

describe('definition layout', () => {
  it('writes each input field on one line of its own, however long, as JSON text', () => {
    const text = emit(planWithLongField());
    expect(text).toContain('  inputSchema: JSON.parse(String.raw`{\n');
    const line = text.split('\n').find((candidate) => candidate.startsWith('    "state": {"type":"string"'));
    expect(line).toBeDefined();
    expect(line!.length).toBeGreaterThan(300);
    expect(line).toContain('{"label":"Closed","value":"closed"}');
    expect(line!.trimEnd().endsWith('},') || line!.trimEnd().endsWith('}')).toBe(true);
  });

  it('writes each parameter mapping on one line of its own', () => {
    const text = emit(planWithLongField());
    expect(text).toContain('\n      state: { in: "query", name: "state_of_the_issue_as_the_vendor_names_it", style: "form", explode: true },\n');
  });

  it('reads back as the same data the plan holds', async () => {
    const plan = planWithLongField();
    const parsed = await readEmittedDefinition(emitFiles(plan));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(plan.definition)));
  });
});

describe('definition modules', () => {
  /** Four actions whose categories interleave and differ in case. */
  function planOfCategories() {
    const operations = [
      makeOperation({ actionId: 'issues_list', methodName: 'issuesList', path: '/issues' }),
      makeOperation({ actionId: 'pulls_get', methodName: 'pullsGet', path: '/pulls/1' }),
      makeOperation({ actionId: 'issues_create', methodName: 'issuesCreate', path: '/issues', method: 'POST' }),
      makeOperation({ actionId: 'con_get', methodName: 'conGet', path: '/con' }),
    ];
    const plan = makeConnectorPlan({ operations });
    const categories = ['Issues', 'Pull requests', 'issues', 'con'];
    plan.definition.supported_actions.forEach((action, index) => {
      action.category = categories[index]!;
    });
    plan.definition.schemas = { Issue: { type: 'object' }, 'pull-request': { type: 'object', properties: { id: { type: 'integer' } } } };
    plan.definitionModules = planDefinitionModules({ definition: plan.definition, actions: plan.actions });
    return plan;
  }

  it('puts the actions of one category in one file, whatever its case, and keeps the definition order', async () => {
    const plan = planOfCategories();
    expect(plan.definitionModules.actions.map((module) => [module.path, module.namespace, module.actionIds])).toEqual([
      ['src/actions/issues.gen.ts', 'issuesActions', ['issues_list', 'issues_create']],
      ['src/actions/pull-requests.gen.ts', 'pullRequestsActions', ['pulls_get']],
      // A Windows device name is no file name.
      ['src/actions/con-actions.gen.ts', 'conActionsActions', ['con_get']],
    ]);
    const files = emitFiles(plan);
    const definition = files.find((file) => file.path === 'src/definition.gen.ts')!.contents;
    expect(definition).toContain('import * as issuesActions from "./actions/issues.gen.ts";\n');
    expect(definition).toContain('import { schemas } from "./schemas.gen.ts";\n');
    expect(definition).toContain(
      '  supported_actions: [\n    issuesActions.issuesList,\n    pullRequestsActions.pullsGet,\n    issuesActions.issuesCreate,\n    conActionsActions.conGet,\n  ],\n',
    );
    expect(definition).toContain('\n  schemas,\n');
    const issues = files.find((file) => file.path === 'src/actions/issues.gen.ts')!.contents;
    expect(issues).toContain('export const issuesList: ActionDefinition = {\n  id: "issues_list",');
    expect(issues).toContain('export const issuesCreate: ActionDefinition = {');
    expect((await readEmittedDefinition(files)).supported_actions.map((action) => action.id)).toEqual(['issues_list', 'pulls_get', 'issues_create', 'con_get']);
  });

  it('writes each shared schema on one line of schemas.gen.ts, as JSON text', () => {
    const schemas = emitFiles(planOfCategories()).find((file) => file.path === 'src/schemas.gen.ts')!.contents;
    expect(schemas).toContain(
      'export const schemas: Record<string, JsonSchema> = JSON.parse(String.raw`{\n"Issue": {"type":"object"},\n"pull-request": {"type":"object","properties":{"id":{"type":"integer"}}}\n}`);\n',
    );
  });

  it('writes no schemas module for a definition without shared schemas', () => {
    const files = emitFiles(makeConnectorPlan());
    expect(files.map((file) => file.path)).not.toContain('src/schemas.gen.ts');
    expect(files.find((file) => file.path === 'src/definition.gen.ts')!.contents).not.toContain('schemas');
  });

  it('makes a file name of any category text: ASCII words only, never a path', () => {
    expect(categorySlug('*/ globalThis.PWNED=1; ../../etc/passwd')).toBe('global-this-pwned-1-etc-passwd');
    expect(categorySlug('Взаимодействие')).toBe('general');
    expect(categorySlug(undefined)).toBe('general');
    expect(categorySlug('x'.repeat(80))).toHaveLength(48);
    expect(categorySlug('NUL')).toBe('nul-actions');
  });
});
