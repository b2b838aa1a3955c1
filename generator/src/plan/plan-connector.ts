/**
 * The planner: every decision about one connector package (names, the executable definition, the
 * types document, the generated tests) made once, so emitters only render.
 */
import type { CuratedApi } from '../override/types.ts';
import type { ConnectorPlan, PlannedFiles, Provenance } from './types.ts';
import { planAction } from './action.ts';
import { planAuth } from './auth.ts';
import { planDefinition } from './definition.ts';
import { planEndpoints } from './servers.ts';
import { planActionIds, planConnectorNames, planMethodNames, planTypeNames } from './names.ts';
import { planTests } from './test-plan.ts';
import { planTypesDocument } from './types-document.ts';

export const PLANNED_FILES: PlannedFiles = {
  packageJson: 'package.json',
  tsconfig: 'tsconfig.json',
  provenance: 'specwire.provenance.json',
  index: 'src/index.ts',
  definition: 'src/definition.gen.ts',
  connector: 'src/connector.gen.ts',
  types: 'src/types.gen.ts',
  test: 'test/actions.gen.test.ts',
};

export function planConnector(options: { curated: CuratedApi; provenance: Provenance }): ConnectorPlan {
  const { curated } = options;
  const names = planConnectorNames(curated.connector.name);
  const auth = planAuth(curated);
  const actionIds = planActionIds(curated.selected);
  const methodNames = planMethodNames(actionIds);
  const typeNames = planTypeNames(actionIds);
  const defaultBaseUrl = planEndpoints(curated.servers).base_url;
  const planned = curated.selected.map((entry, index) => ({
    operation: entry.operation,
    action: planAction({
      entry,
      names: {
        actionId: actionIds[index] ?? '',
        methodName: methodNames[index] ?? '',
        inputTypeName: typeNames[index]?.input ?? '',
        outputTypeName: typeNames[index]?.output ?? '',
      },
      schemas: curated.ir.schemas,
      schemes: auth.schemes,
      defaultBaseUrl,
    }),
  }));
  const definition = planDefinition({ curated, auth, actions: planned.map(({ action }) => action.definition) });
  const typesDocument = planTypesDocument({
    info: curated.ir.info,
    schemas: curated.ir.schemas,
    actions: planned.map(({ operation, action }) => ({ actionId: action.plan.actionId, operation, input: action.input })),
  });
  const description = curated.ir.info.description?.trim();
  return {
    ...names,
    files: { ...PLANNED_FILES },
    definition,
    actions: planned.map(({ action }) => action.plan),
    typesDocument,
    tests: planTests(definition),
    provenance: { ...options.provenance },
    ...(description ? { description } : {}),
  };
}
