/**
 * The planner: every decision about one connector package (names, the executable definition, the
 * types document, the generated tests) made once, so emitters only render.
 */
import type { AuthField, ConnectionTest } from '@specwire/runtime';
import { planPackageHome } from './package-home.ts';
import type { CuratedApi } from '../override/types.ts';
import type { ConnectorPlan, PlannedFiles, Provenance } from './types.ts';
import { SpecwireError } from '../errors/index.ts';
import { operationKey } from '../override/match-operation.ts';
import { planAction, type PlannedAction } from './actions/action.ts';
import { declareOptionsDependencies } from './inputs/dynamic-options.ts';
import { planAuth } from './auth.ts';
import { planCoverage } from './coverage.ts';
import { suggestInputName, type ResolveAction } from './inputs/curate-input.ts';
import { planDefinition } from './definition.ts';
import { planDefinitionModules } from './definition-modules.ts';
import { planEndpoints } from './servers.ts';
import { planActionIds, planConnectorNames, planMethodNames, planTypeNames } from './names.ts';
import { planTests } from './tests/test-plan.ts';
import { planTypesDocument } from './types-document/types-document.ts';

export const PLANNED_FILES: PlannedFiles = {
  packageJson: 'package.json',
  tsconfig: 'tsconfig.json',
  tsconfigBuild: 'tsconfig.build.json',
  provenance: 'specwire.provenance.json',
  index: 'src/index.ts',
  definition: 'src/definition.gen.ts',
  connector: 'src/connector.gen.ts',
  types: 'src/types.gen.ts',
  test: 'test/actions.gen.test.ts',
  coverage: 'coverage.md',
  tsconfigBuildCjs: 'tsconfig.build-cjs.json',
  readme: 'README.md',
};

/**
 * `runtimeVersionRange` is what the caller targets (`^<version>` for a package generated with
 * `--out`); left out, the package is a workspace one.
 */
export function planConnector(options: { curated: CuratedApi; provenance: Provenance; runtimeVersionRange?: string }): ConnectorPlan {
  const { curated } = options;
  const names = planConnectorNames(curated.connector.name);
  const auth = planAuth(curated);
  const actionIds = planActionIds(curated.selected);
  const methodNames = planMethodNames(actionIds);
  const typeNames = planTypeNames(actionIds);
  const defaultBaseUrl = planEndpoints(curated.servers).base_url;
  const resolveAction = actionResolver({ curated, actionIds });
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
      locate: curated.locate,
      resolveAction,
      idempotencyHeader: curated.retry?.idempotencyHeader,
    }),
  }));
  checkOptionsInputs({ curated, planned: planned.map(({ action }) => action) });
  declareOptionsDependencies({ actions: planned.map(({ action }) => action.definition) });
  const connectionTest = planConnectionTest({ curated, actionIds, planned: planned.map(({ action }) => action), authFields: auth.fields });
  const definition = planDefinition({
    curated,
    auth,
    actions: planned.map(({ action }) => action.definition),
    ...(connectionTest ? { connectionTest } : {}),
  });
  const typesDocument = planTypesDocument({
    info: curated.ir.info,
    schemas: curated.ir.schemas,
    actions: planned.map(({ operation, action }) => ({ actionId: action.plan.actionId, operation, input: action.input, curation: action.curation })),
  });
  const description = curated.ir.info.description?.trim();
  const warnings = planned.flatMap(({ action }) => action.input.warnings);
  const actions = planned.map(({ action }) => action.plan);
  return {
    ...names,
    files: { ...PLANNED_FILES },
    definition,
    actions,
    definitionModules: planDefinitionModules({ definition, actions }),
    typesDocument,
    tests: planTests(definition),
    coverage: planCoverage({ curated, actionIds, specSource: options.provenance.specSource }),
    provenance: { ...options.provenance },
    ...(description ? { description } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...packageMetadata({ license: curated.ir.info.license, specSource: options.provenance.specSource }),
    home: planPackageHome({ runtimeVersionRange: options.runtimeVersionRange }),
  };
}

/**
 * The package's `license` (an SPDX identifier wins over a free-text name) and a link to the spec's
 * source: the URL it was fetched from, or the npm page of the package that ships it.
 */
function packageMetadata(options: { license?: { name?: string; identifier?: string }; specSource: string }): { license?: string; specLink?: string } {
  const license = options.license?.identifier ?? spdxFromName(options.license?.name);
  const npm = /^npm:((?:@[a-z0-9._~-]+\/)?[a-z0-9._~-]+)\//i.exec(options.specSource);
  const specLink = /^https:\/\//.test(options.specSource) ? options.specSource : npm ? `https://www.npmjs.com/package/${npm[1]}` : undefined;
  return { ...(license ? { license } : {}), ...(specLink ? { specLink } : {}) };
}

/** `options_from.action` may name an operationId, `METHOD /path` or an action id of a selected operation. */
function actionResolver(options: { curated: CuratedApi; actionIds: readonly string[] }): ResolveAction {
  const byName = new Map<string, string>();
  options.curated.selected.forEach((entry, index) => {
    const actionId = options.actionIds[index] ?? '';
    byName.set(actionId, actionId);
    byName.set(operationKey(entry.operation), actionId);
    if (entry.operation.operationId !== undefined && !byName.has(entry.operation.operationId)) byName.set(entry.operation.operationId, actionId);
  });
  return (name) => {
    const actionId = byName.get(name);
    return actionId === undefined ? { candidates: [...byName.keys()] } : { actionId };
  };
}

/** Constant inputs of a dynamic-options source must be inputs of the source action. */
function checkOptionsInputs(options: { curated: CuratedApi; planned: PlannedAction[] }): void {
  const byId = new Map(options.planned.map((action) => [action.definition.id, action.definition]));
  options.curated.selected.forEach((entry, index) => {
    const action = options.planned[index];
    if (!action) return;
    for (const [derived, fieldEntry] of Object.entries(entry.override.fields ?? {})) {
      const sourceId = action.definition.inputSchema[action.curation.finalNames.get(derived) ?? derived]?.loadOptionsSource?.action;
      const source = sourceId === undefined ? undefined : byId.get(sourceId);
      if (!source) continue;
      const names = Object.keys(source.inputSchema);
      for (const name of Object.keys(fieldEntry.options_from?.input ?? {})) {
        if (!names.includes(name)) {
          throw new SpecwireError(
            `options_from.input "${name}" is not an input of action "${source.id}"${suggestInputName({ name, names })}`,
            options.curated.locate(['actions', entry.override.key ?? '', 'fields', derived, 'options_from', 'input', name]),
          );
        }
      }
    }
  });
}

/** A test input string that stands for a credential: `{{credentials.accountId}}`. */
const CREDENTIAL_REFERENCE = /^\{\{\s*credentials\.([A-Za-z0-9_$-]+)\s*\}\}$/;

/**
 * `auth.test_action` → its action id and `auth.test_input`: every input named must exist, every
 * required input must be given (or have a default), and a `{{credentials.<key>}}` must name an
 * auth field.
 */
function planConnectionTest(options: {
  curated: CuratedApi;
  actionIds: readonly string[];
  planned: PlannedAction[];
  authFields: readonly AuthField[];
}): ConnectionTest | undefined {
  const { curated } = options;
  const target = curated.connectionTest?.operation;
  if (!target) return undefined;
  const index = curated.selected.findIndex((entry) => entry.operation === target);
  const action = options.planned[index];
  if (!action) return undefined;
  const input = curated.connectionTest?.input ?? {};
  const names = Object.keys(action.definition.inputSchema);
  for (const [name, value] of Object.entries(input)) {
    if (!names.includes(name)) {
      throw new SpecwireError(
        `auth.test_input "${name}" is not an input of action "${action.definition.id}"${suggestInputName({ name, names })}`,
        curated.locate(['auth', 'test_input', name]),
      );
    }
    const reference = typeof value === 'string' ? CREDENTIAL_REFERENCE.exec(value) : null;
    const key = reference?.[1];
    if (key !== undefined && !options.authFields.some((field) => field.key === key)) {
      const keys = options.authFields.map((field) => `"${field.key}"`).join(', ') || 'none';
      throw new SpecwireError(`auth.test_input "${name}": credential "${key}" is not an auth field of this connector (auth fields: ${keys})`, curated.locate(['auth', 'test_input', name]));
    }
  }
  const required = Object.entries(action.definition.inputSchema).filter(([name, field]) => field.required && field.default === undefined && !Object.hasOwn(input, name));
  if (required.length > 0) {
    throw new SpecwireError(
      `auth.test_action: action "${action.definition.id}" needs input (${required.map(([name]) => `"${name}"`).join(', ')}); give it in auth.test_input (a credential as "{{credentials.<key>}}"), or choose an action without required inputs`,
      curated.locate(['auth', 'test_action']),
    );
  }
  return { actionId: action.definition.id, ...(Object.keys(input).length > 0 ? { input: structuredClone(input) } : {}) };
}

/** npm expects an SPDX id: the common ways specs spell Apache 2.0 and MIT become theirs; other names stay as written. */
function spdxFromName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (/^apache(?:[\s-]+license)?[\s,-]*(?:v(?:ersion)?\s*)?2(?:\.0)?$/i.test(name)) return 'Apache-2.0';
  if (/^(?:the\s+)?mit(?:\s+license)?$/i.test(name)) return 'MIT';
  return name;
}
