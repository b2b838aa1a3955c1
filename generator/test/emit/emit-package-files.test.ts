import { describe, expect, it } from 'vitest';
import { emitConnector, type EmittedFile } from '../../src/emit/index.ts';
import { planPackageHome } from '../../src/plan/package-home.ts';
import { PLANNED_FILES } from '../../src/plan/plan-connector.ts';
import type { ConnectorPlan } from '../../src/plan/types.ts';
import { makeConnectorPlan } from './factories.ts';

const OPTIONS = { generatorVersion: '0.1.0' };

/** A package generated with `--out`: the plan targets a runtime version range. */
function fullPlan(extra: Partial<ConnectorPlan> = {}): ConnectorPlan {
  return { ...makeConnectorPlan(), files: { ...PLANNED_FILES }, home: planPackageHome({ runtimeVersionRange: '^0.1.0' }), ...extra };
}

/** The same package inside the workspace. */
function workspacePlan(): ConnectorPlan {
  return fullPlan({ home: planPackageHome({}) });
}

function json(files: EmittedFile[], path: string): Record<string, unknown> {
  return JSON.parse(text(files, path)) as Record<string, unknown>;
}

function text(files: EmittedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`no emitted file ${path}`);
  return file.contents;
}

describe('installable connector packages', () => {
  it('export ESM and CommonJS builds with types, and the sources under the workspace condition', async () => {
    const manifest = json(await emitConnector(fullPlan(), OPTIONS), 'package.json');
    expect(manifest.main).toBe('./dist/cjs/index.js');
    expect(manifest.types).toBe('./dist/cjs/index.d.ts');
    expect(manifest.exports).toEqual({
      '.': {
        '@specwire/source': './src/index.ts',
        import: { types: './dist/esm/index.d.ts', default: './dist/esm/index.js' },
        require: { types: './dist/cjs/index.d.ts', default: './dist/cjs/index.js' },
      },
      './package.json': './package.json',
    });
    expect((manifest.scripts as Record<string, string>).build).toMatch(/^tsc -p tsconfig\.build\.json && tsc -p tsconfig\.build-cjs\.json && node -e /);
    expect(manifest.devDependencies).toMatchObject({ '@specwire/runtime': '^0.1.0', typescript: expect.any(String), vitest: expect.any(String) });
  });

  it('resolve workspace sources only when generated into the workspace', async () => {
    const inside = json(await emitConnector(workspacePlan(), OPTIONS), 'tsconfig.json');
    const outside = json(await emitConnector(fullPlan(), OPTIONS), 'tsconfig.json');
    expect((inside.compilerOptions as Record<string, unknown>).customConditions).toEqual(['@specwire/source']);
    expect((outside.compilerOptions as Record<string, unknown>).customConditions).toBeUndefined();
    const cjs = json(await emitConnector(fullPlan(), OPTIONS), 'tsconfig.build-cjs.json');
    expect(cjs).toEqual({
      extends: './tsconfig.build.json',
      compilerOptions: { outDir: 'dist/cjs', module: 'CommonJS', moduleResolution: 'Node10', customConditions: null, verbatimModuleSyntax: false },
    });
  });

  it('take license from the plan, and leave it out when the spec has none', async () => {
    expect(json(await emitConnector(fullPlan({ license: 'Apache-2.0' }), OPTIONS), 'package.json').license).toBe('Apache-2.0');
    expect('license' in json(await emitConnector(fullPlan(), OPTIONS), 'package.json')).toBe(false);
  });

  it('carry a README with install, auth, actions with an example, triggers and the source link', async () => {
    const plan = fullPlan({ specLink: 'https://www.npmjs.com/package/@acme/openapi' });
    const readme = text(await emitConnector(plan, OPTIONS), 'README.md');
    expect(readme).toContain('# Acme connector');
    expect(readme).toContain('npm install @specwire/connector-acme @specwire/runtime');
    expect(readme).toContain('| `accessToken` | Access token | yes |');
    // The MCP server's variables: each credential and the base URL, by the runtime's naming rule.
    expect(readme).toContain('## Agents (MCP)');
    expect(readme).toContain(`| \`SPECWIRE_${plan.definition.name.toUpperCase()}_ACCESS_TOKEN\` | credential \`accessToken\` | yes |`);
    expect(readme).toContain(`| \`SPECWIRE_${plan.definition.name.toUpperCase()}_BASE_URL\` | the base URL | no |`);
    expect(readme).toContain(`| \`${plan.actions[0]!.actionId}\` | \`${plan.actions[0]!.methodName}()\` |`);
    expect(readme).toMatch(/const res = await connector\.\w+\(/);
    expect(readme).toContain('## Triggers');
    expect(readme).toContain('<https://www.npmjs.com/package/@acme/openapi>');
  });

  it('keep spec text in the README inert', async () => {
    const base = fullPlan();
    const hostile = '<img src=x onerror=alert(1)> | [click](javascript:alert(1)) ```';
    const plan = fullPlan({
      definition: {
        ...base.definition,
        display_name: hostile,
        supported_actions: base.definition.supported_actions.map((action) => ({ ...action, name: hostile })),
      },
    });
    const readme = text(await emitConnector(plan, OPTIONS), 'README.md');
    // Backslash-escaped characters are literal text in Markdown: no tag, no link can start.
    expect(readme).not.toMatch(/(^|[^\\])<img/m);
    expect(readme).not.toMatch(/(^|[^\\])\]\(javascript:/m);
    expect(readme).toContain('\\<img');
    for (const row of readme.split('\n').filter((line) => line.startsWith('| `'))) {
      expect(row.replace(/\\\|/g, '').split('|').length, row).toBeLessThanOrEqual(6);
    }
  });
});
