import type { ConnectorPlan } from '../plan/types.ts';
import { assertIdentifier } from './assert-identifier.ts';
import { relativeModuleSpecifier } from './module-specifier.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { renderLiteral } from './render-literal.ts';
import { renderStringLiteral } from './render-string-literal.ts';

/** The fixed part of the request tests: the plan's cases are a data table; the runtime's testing helper checks each. */
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
      const connector = new ${className}({ credentials, baseUrl: server.url + basePath });
      await checkActionRequest({ connector, server, testCase });
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
      'import { checkActionRequest, startRecordingServer, type ActionRequestCase } from "@specwire/runtime/testing";',
      'import { afterAll, beforeAll, describe, expect, it } from "vitest";',
      `import { ${className}, definition } from ${index};`,
      '',
      `const credentials: Record<string, string> = ${renderLiteral(plan.tests.credentials)};`,
      `const basePath = ${renderStringLiteral(plan.tests.basePath)};`,
      `const cases: ActionRequestCase[] = ${renderLiteral(plan.tests.cases, { where: '/tests/cases' })};`,
    );
  } else {
    lines.push('import { describe, expect, it } from "vitest";', `import { definition } from ${index};`);
  }
  lines.push('', `describe(${renderStringLiteral(className)}, () => {`, definitionTest);
  if (hasCases) lines.push('', renderRequestTests(className));
  lines.push('});', '');
  return lines.join('\n');
}
