/**
 * HOSTILE-INPUTS items 15-18: bad override files fail with a one-line error at file:line:column
 * (with "did you mean" where a name is close), and nothing gets polluted on the way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecwireError } from '../../src/errors/index.ts';
import { parseOverrides } from '../../src/override/index.ts';
import { generateConnector } from '../../src/pipeline/generate-connector.ts';
import { StageTimings } from '../../src/pipeline/timings.ts';
import { HOSTILE_FIXTURES } from './hostile-package.ts';

const FOLDER = join(HOSTILE_FIXTURES, 'overrides');

function generateWith(name: string) {
  const file = join(FOLDER, name);
  const overrides = parseOverrides({ file, text: readFileSync(file, 'utf8') });
  return generateConnector({
    specFile: join(FOLDER, 'api.yaml'),
    specLabel: 'api.yaml',
    overrides,
    defaultName: 'tiny',
    runtimeRange: 'workspace:*',
    generatorVersion: '0.1.0',
    timings: new StageTimings(),
  });
}

async function errorLine(name: string): Promise<string> {
  try {
    await generateWith(name);
  } catch (error) {
    if (error instanceof SpecwireError) return error.format();
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

const at = (name: string, line: number, column: number) => `${join(FOLDER, name)}:${line}:${column}: `;

describe('bad override files', () => {
  it.each([
    // item 15
    ['proto-key.yaml', 4, 5, 'key "__proto__" is not allowed (it could alter object prototypes)'],
    ['constructor-prototype.yaml', 3, 3, 'key "constructor" is not allowed (it could alter object prototypes)'],
    // item 16
    ['missing-target.yaml', 3, 29, 'operationId "listIssue" names no operation in the spec (did you mean "listIssues"?)'],
    ['missing-tag.yaml', 3, 21, 'tag "isues" is used by no operation in the spec (did you mean "issues"?)'],
    ['missing-path.yaml', 3, 22, 'path "/issue" matches no path in the spec (did you mean "/issues"?)'],
    // item 17
    ['metadata-base-url.yaml', 3, 13, 'servers.base_url is refused: 169.254.169.254 is a link-local address (cloud metadata lives here); set servers.allow_private_base_url: true if this is intended'],
    ['file-base-url.yaml', 3, 13, '"servers.base_url" must match ^https?://'],
    // item 18
    ['wrong-retry-type.yaml', 3, 17, '"retry.max_attempts" must be integer'],
    ['bad-pagination.yaml', 6, 21, 'pagination.cursor_param "page_token" is not an input of action "list_issues" (its inputs: cursor)'],
  ])('%s fails at line %i:%i', async (name, line, column, message) => {
    expect(await errorLine(name)).toBe(`${at(name, line, column)}${message}`);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('item 17: every spelling of a loopback or private base URL is refused, not only the obvious one', async () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/', 'http://[::ffff:127.0.0.1]/', 'http://localhost:8080/', 'http://10.0.0.1/', 'http://{host}/']) {
      const text = `servers:\n  base_url: "${url}"\n  variables:\n    host: { default: "169.254.169.254" }\n`;
      const file = join(FOLDER, 'inline.yaml');
      const overrides = parseOverrides({ file, text: url.includes('{host}') ? text : `servers:\n  base_url: "${url}"\n` });
      const attempt = generateConnector({
        specFile: join(FOLDER, 'api.yaml'),
        specLabel: 'api.yaml',
        overrides,
        defaultName: 'tiny',
        runtimeRange: 'workspace:*',
        generatorVersion: '0.1.0',
        timings: new StageTimings(),
      });
      await expect(attempt, url).rejects.toThrow(/servers\.base_url is refused/);
    }
  });

  it('item 17: allow_private_base_url: true lets a local base URL through on purpose', async () => {
    const result = await generateWith('allowed-private-base-url.yaml');
    expect(result.plan.definition.endpoints?.base_url).toBe('http://192.168.1.20:8080/api');
  });
});
