/**
 * The plan: every decision about one connector package, made once by the planner, so that emitters
 * only render. Names (action ids, method names, type names, file paths) are final here.
 */
import type { PackageHome } from './package-home.ts';
import type { ConnectorDefinition, JsonSchema } from '@specwire/runtime';
import type { ExpectedRequest } from '@specwire/runtime/testing';
import type { Warning } from '../ir/types.ts';

/** Where each generated file goes, relative to the package folder. Decided by the planner. */
export interface PlannedFiles {
  packageJson: 'package.json';
  tsconfig: 'tsconfig.json';
  /** Emits `dist/` (JavaScript and declarations) for publishing; optional for older plans. */
  tsconfigBuild?: 'tsconfig.build.json';
  provenance: 'specwire.provenance.json';
  index: 'src/index.ts';
  definition: 'src/definition.gen.ts';
  connector: 'src/connector.gen.ts';
  types: 'src/types.gen.ts';
  test: 'test/actions.gen.test.ts';
  /** Every spec operation as an action or excluded (with the rule); optional for hand-built plans. */
  coverage?: 'coverage.md';
  /** The CommonJS half of `dist/` (`dist/cjs`); optional for older plans. */
  tsconfigBuildCjs?: 'tsconfig.build-cjs.json';
  /** What the package is, how to install and authenticate, its actions and triggers. */
  readme?: 'README.md';
}

/** How an action's flattened input maps onto openapi-typescript's `operations[...]` shape. */
export interface ActionTypeShape {
  /** Parameter locations that have at least one parameter (for `operations[k]['parameters'][loc]`). */
  parameterLocations: Array<'path' | 'query' | 'header' | 'cookie'>;
  body?: {
    /** Media type key under `requestBody.content`. */
    mediaType: string;
    required: boolean;
    /**
     * `spread`: body object properties are top-level input fields; `renamed` lists the properties
     * whose field name differs (property → field) because a parameter already had the name.
     * `field`: the whole body is one input field with this name.
     */
    mode: 'spread' | 'field';
    field?: string;
    renamed?: Record<string, string>;
  };
  /**
   * Parameters whose input field name differs from their wire name (two parameters shared a name
   * across locations, e.g. `header_id`). Absent when none was renamed.
   */
  renamedParameters?: Array<{ in: 'path' | 'query' | 'header' | 'cookie'; name: string; field: string }>;
  /** Success response used as the output type: status key and media type; absent = `unknown`. */
  output?: { status: string; mediaType: string };
}

export interface ActionPlan {
  /** Same as `definition.supported_actions[i].id`; also the operationId in `typesDocument`. */
  actionId: string;
  /** Typed method on the connector class, e.g. `issuesCreate`. Valid, unique, not reserved. */
  methodName: string;
  /** Exported type names, e.g. `IssuesCreateInput` / `IssuesCreateOutput`. */
  inputTypeName: string;
  outputTypeName: string;
  /** For JSDoc on the method (spec text: rendered through the JSDoc escaper only). */
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** JSON pointer of the source operation (for provenance, errors and coverage). */
  pointer: string;
  typeShape: ActionTypeShape;
}

/**
 * The definition's source files beside `src/definition.gen.ts`, decided by the planner: one module per
 * action category and one for the shared schemas, so a reviewer reads one resource per file.
 */
export interface DefinitionModules {
  /** Exports `schemas`; absent when the definition has no shared schemas. */
  schemas?: 'src/schemas.gen.ts';
  /** In the order of each module's first action in `definition.supported_actions`. */
  actions: ActionModule[];
}

export interface ActionModule {
  /** Relative to the package folder, e.g. `src/actions/pull-requests.gen.ts`. */
  path: string;
  /** Identifier `src/definition.gen.ts` imports the module as (`import * as pullRequestsActions`). */
  namespace: string;
  /** Actions it holds, in definition order; each is exported as a constant named by its `methodName`. */
  actionIds: string[];
}

/** One request a generated test sends, with what the local server must see. */
export interface PlannedTestCase {
  actionId: string;
  /** Sample input satisfying the action's inputSchema (JSON data only). */
  input: Record<string, unknown>;
  /** What the local server must see: checked by the runtime's `checkActionRequest`. */
  expect: ExpectedRequest;
}

export interface TestPlan {
  /** Credentials the tests configure (dummy values). */
  credentials: Record<string, string>;
  /** Base URL path part under the test server's origin (e.g. `/v3` when the spec's server has one). */
  basePath: string;
  cases: PlannedTestCase[];
}

export interface Provenance {
  generator: string;
  generatorVersion: string;
  /** `npm:<package>/<file>` or a path relative to the workspace. */
  specSource: string;
  specSha256: string;
  overridesSha256?: string;
}

export interface ConnectorPlan {
  /** Connector id: lower-case, `[a-z0-9-]`, used as folder name and definition `name`. */
  name: string;
  /** npm package name, e.g. `@specwire/connector-github`. */
  packageName: string;
  /** Exported class name, e.g. `GithubConnector`. */
  className: string;
  files: PlannedFiles;
  definition: ConnectorDefinition;
  /** In the same order as `definition.supported_actions`. */
  actions: ActionPlan[];
  /** Which file holds which part of the definition. */
  definitionModules: DefinitionModules;
  /**
   * OpenAPI 3.1 document synthesised from the IR for openapi-typescript: only the selected
   * operations, with `operationId` set to the action id, and the component schemas they reach.
   */
  typesDocument: Record<string, unknown>;
  tests: TestPlan;
  provenance: Provenance;
  /** JSDoc for the package (spec `info.description`, escaped by the emitter). */
  description?: string;
  /** What became of every operation of the spec; rendered to `files.coverage`. */
  coverage?: CoveragePlan;
  /** Parts of the spec the planner left out of a request (a GET's body), with their pointers. */
  warnings?: Warning[];
  /** npm `license` of the package: the spec's `info.license` SPDX identifier or name; absent when it has none. */
  license?: string;
  /** Where the spec came from, as a link for the README (an https URL, or the npm package page). */
  specLink?: string;
  /** The `@specwire/runtime` range the package depends on, and whether it lives in the workspace. */
  home: PackageHome;
}

/** One operation of the spec and what the override file decided for it. */
export interface CoverageEntry {
  /** operationId, or `METHOD /path` when the spec gives none. */
  operation: string;
  method: string;
  path: string;
  /** Action id when selected. */
  actionId?: string;
  /** The deciding rule (`operations[0] include tag=issues`, `operations_default: exclude`, …). */
  rule: string;
  /** Decided by the implicit default: no rule and no `operations_default` mention it. */
  unmentioned: boolean;
  /** Parts of the spec this operation uses that were degraded (made untyped), as `pointer: reason`. */
  degraded?: string[];
  /** Why the operation could not be read at all (it is then excluded whatever the rules say). */
  unreadable?: string;
}

export interface CoveragePlan {
  connector: string;
  specSource: string;
  /** In spec order. */
  entries: CoverageEntry[];
  /** Every degraded part of the spec, used by an action or not, as `pointer: reason`. */
  degradations?: string[];
}

/** The registry package of all connectors. */
export interface RegistryPlan {
  packageName: string;
  entries: Array<{ name: string; packageName: string; displayName: string; className: string }>;
}

export type { JsonSchema };
