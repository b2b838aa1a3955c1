import type { ConnectorPlan } from '../plan/types.ts';
import { assertIdentifier } from './assert-identifier.ts';
import { relativeModuleSpecifier } from './module-specifier.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { renderLiteral } from './render-literal.ts';
import { renderStringLiteral } from './render-string-literal.ts';

/** The fixed part of the request tests: the plan's cases go in as a data table, the checks are the same for all. */
const REQUEST_TEST_TYPES = `interface ExpectedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  contentType?: string;
  jsonBody?: unknown;
  formBody?: Record<string, string[]>;
}

interface ActionCase {
  actionId: string;
  input: Record<string, unknown>;
  expect: ExpectedRequest;
}`;

function renderRequestTests(className: string): string {
  return `  describe("requests", () => {
    let server: Awaited<ReturnType<typeof startRecordingServer>>;

    beforeAll(async () => {
      server = await startRecordingServer();
    });

    afterAll(async () => {
      await server.close();
    });

    it.each(cases)("$actionId sends the request its definition describes", async (testCase) => {
      const expected = testCase.expect;
      const connector = new ${className}({ credentials, baseUrl: server.url + basePath });
      const sentBefore = server.requests.length;
      const result = await connector.executeAction(testCase.actionId, testCase.input);
      expect(result.success).toBe(true);
      const requests = server.requests.slice(sentBefore);
      expect(requests).toHaveLength(1);
      const request = requests[0]!;
      expect(request.method).toBe(expected.method);
      expect(request.pathname).toBe(expected.path.split("?")[0]);
      for (const [name, values] of Object.entries(expected.query)) {
        expect(request.query[name], \`query parameter \${name}\`).toEqual(values);
      }
      for (const [name, value] of Object.entries(expected.headers)) {
        expect(request.headers[name], \`header \${name}\`).toBe(value);
      }
      if (expected.contentType !== undefined) {
        expect(String(request.contentType ?? "").slice(0, expected.contentType.length)).toBe(expected.contentType);
      }
      if ("jsonBody" in expected) {
        expect(JSON.parse(request.body.toString("utf8"))).toEqual(expected.jsonBody);
      }
      if (expected.formBody !== undefined) {
        const form = new URLSearchParams(request.body.toString("utf8"));
        for (const [name, values] of Object.entries(expected.formBody)) {
          expect(form.getAll(name), \`form field \${name}\`).toEqual(values);
        }
      }
    });
  });`;
}

/**
 * `test/actions.gen.test.ts`: checks that the definition holds the planned actions and, for each
 * planned case, that the request the runtime sends to a local recording server is the one planned.
 */
export function emitActionTests(options: { plan: ConnectorPlan; banner: BannerOptions }): string {
  const { plan } = options;
  const className = assertIdentifier({ name: plan.className, kind: 'class', location: { file: plan.provenance.specSource } });
  const index = renderStringLiteral(relativeModuleSpecifier({ from: plan.files.test, to: plan.files.index }));
  const actionIds = renderLiteral(plan.definition.supported_actions.map((action) => action.id), { indent: '    ' });
  const hasCases = plan.tests.cases.length > 0;
  const definitionTest = `  it("defines the planned actions", () => {
    expect(definition.supported_actions.map((action) => action.id)).toEqual(${actionIds});
  });`;

  const lines = [renderBanner(options.banner)];
  if (hasCases) {
    lines.push(
      'import { startRecordingServer } from "@specwire/runtime/testing";',
      'import { afterAll, beforeAll, describe, expect, it } from "vitest";',
      `import { ${className}, definition } from ${index};`,
      '',
      REQUEST_TEST_TYPES,
      '',
      `const credentials: Record<string, string> = ${renderLiteral(plan.tests.credentials)};`,
      `const basePath = ${renderStringLiteral(plan.tests.basePath)};`,
      `const cases: ActionCase[] = ${renderLiteral(plan.tests.cases, { where: '/tests/cases' })};`,
    );
  } else {
    lines.push('import { describe, expect, it } from "vitest";', `import { definition } from ${index};`);
  }
  lines.push('', `describe(${renderStringLiteral(className)}, () => {`, definitionTest);
  if (hasCases) lines.push('', renderRequestTests(className));
  lines.push('});', '');
  return lines.join('\n');
}
