import type { ConnectorPlan } from '../plan/types.ts';
import { assertPlanNames } from './assert-plan-names.ts';
import { emitActionTests } from './emit-action-tests.ts';
import { emitConnectorClass } from './emit-connector-class.ts';
import { emitCoverage } from './emit-coverage.ts';
import { emitDefinitionFiles } from './emit-definition.ts';
import { emitPackageIndex } from './emit-package-index.ts';
import { emitPackageJson } from './emit-package-json.ts';
import { emitProvenance } from './emit-provenance.ts';
import { emitReadme } from './emit-readme.ts';
import { emitBuildCjsTsconfig, emitBuildTsconfig, emitTsconfig } from './emit-tsconfig.ts';
import { emitTypes } from './emit-types.ts';
import type { EmitConnectorOptions, EmittedFile } from './emitted-file.ts';
import type { BannerOptions } from './render-banner.ts';

/**
 * Renders every file of one connector package from its plan, sorted by path. Writes nothing: the
 * pipeline writes the files into a temporary folder and swaps it in. Same plan, same bytes.
 */
export async function emitConnector(plan: ConnectorPlan, options: EmitConnectorOptions): Promise<EmittedFile[]> {
  assertPlanNames(plan);
  const banner: BannerOptions = {
    generatorVersion: options.generatorVersion,
    specSource: plan.provenance.specSource,
    connectorName: plan.name,
  };
  const { files } = plan;
  // Types first: a plan whose actions the types document lacks is refused with that operation's pointer.
  const types = await emitTypes({ plan, banner });
  const emitted: EmittedFile[] = [
    { path: files.packageJson, contents: emitPackageJson(plan) },
    { path: files.tsconfig, contents: emitTsconfig({ include: ['src', 'test'], sourceCondition: plan.home.insideWorkspace }) },
    { path: files.provenance, contents: emitProvenance(plan) },
    { path: files.index, contents: emitPackageIndex({ plan, banner }) },
    ...emitDefinitionFiles({ plan, banner }),
    { path: files.connector, contents: emitConnectorClass({ plan, banner }) },
    { path: files.types, contents: types },
    { path: files.test, contents: emitActionTests({ plan, banner }) },
  ];
  if (files.tsconfigBuild !== undefined) emitted.push({ path: files.tsconfigBuild, contents: emitBuildTsconfig() });
  if (files.tsconfigBuildCjs !== undefined) emitted.push({ path: files.tsconfigBuildCjs, contents: emitBuildCjsTsconfig() });
  if (files.readme !== undefined) emitted.push({ path: files.readme, contents: emitReadme({ plan, generatorVersion: options.generatorVersion }) });
  if (files.coverage !== undefined && plan.coverage !== undefined) {
    emitted.push({ path: files.coverage, contents: emitCoverage(plan.coverage) });
  }
  return emitted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
