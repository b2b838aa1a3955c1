import { mkdtemp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdd } from '../../src/cli/add-command.ts';
import { SpecwireError } from '../../src/errors/index.ts';
import { applyOverrides, parseOverrides, scaffoldOverrides } from '../../src/override/index.ts';
import { makeApi, makeOperation } from '../plan/factories.ts';

const SPEC = `openapi: 3.0.3
info:
  title: Acme Orders
  version: 2.1.0
  description: |
    Orders and customers of Acme.

    Second paragraph.
paths:
  /orders:
    get: { operationId: listOrders, tags: [orders], responses: { '200': { description: ok } } }
    post: { operationId: createOrder, tags: [orders], responses: { '201': { description: ok } } }
  /customers:
    get: { operationId: listCustomers, tags: [customers], responses: { '200': { description: ok } } }
  /health:
    get: { responses: { '200': { description: ok } } }
`;

async function workspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'specwire-add-'));
  await mkdir(join(root, 'specs'));
  await writeFile(join(root, 'specs', 'acme-orders.yaml'), SPEC);
  return root;
}

describe('scaffoldOverrides', () => {
  it('lists tags with operation counts and keeps spec text inside quotes or single-line comments', () => {
    const ir = makeApi({
      info: { title: 'Evil "API"\n# injected: true', version: '1' },
      operations: [
        makeOperation({ operationId: 'a', tags: ['alpha'] }),
        makeOperation({ operationId: 'b', tags: ['alpha', 'beta\ninjected: true'] }),
        makeOperation({ operationId: 'c' }),
      ],
    });
    const text = scaffoldOverrides({ ir, source: { spec: 'specs/evil.yaml' }, name: 'evil' });
    expect(text.split('\n').slice(0, 4)).toEqual([
      '# yaml-language-server: $schema=../generator/schema/overrides.schema.json',
      '# Evil "API" # injected: true 1: 3 operations. Scaffolded by `specwire add`;',
      '# curate it, then run `pnpm generate` (generated/<name>/coverage.md shows what became of each operation).',
      'source:',
    ]);
    expect(text).toContain('  display_name: "Evil \\"API\\"\\n# injected: true"\n');
    expect(text).toContain('# Tags (operations):\n#   alpha: 2\n#   (no tag): 1\n#   beta injected: true: 1\n');
    const parsed = parseOverrides({ file: 'overrides/evil.yaml', text });
    expect(parsed.data.connector?.display_name).toBe('Evil "API"\n# injected: true');
    expect(Object.keys(parsed.data)).toEqual(['source', 'connector', 'operations_default']);
    expect(applyOverrides({ ir, overrides: parsed, defaultName: 'evil' }).selected).toHaveLength(3);
  });
});

describe('specwire add', () => {
  it('writes overrides/<name>.yaml from a spec file and refuses to overwrite it', async () => {
    const root = await workspace();
    expect(await runAdd({ spec: join(root, 'specs', 'acme-orders.yaml'), root })).toBe('overrides/acme-orders.yaml');
    const text = await readFile(join(root, 'overrides', 'acme-orders.yaml'), 'utf8');
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=../generator/schema/overrides.schema.json',
        '# Acme Orders 2.1.0: 4 operations. Scaffolded by `specwire add`;',
        '# curate it, then run `pnpm generate` (generated/<name>/coverage.md shows what became of each operation).',
        'source:',
        '  spec: "specs/acme-orders.yaml"',
        '',
        'connector:',
        '  name: acme-orders',
        '  display_name: "Acme Orders"',
        '  # One of: communication, crm, storage, ecommerce, marketing, project_management, ai, social, analytics, finance, support, forms, video, payment, development, database, cms, data_processing, infrastructure, utility, productivity',
        '  category: utility',
        '  description: "Orders and customers of Acme."',
        '  # documentation_url: https://…',
        '',
        '# Tags (operations):',
        '#   orders: 2',
        '#   (no tag): 1',
        '#   customers: 1',
        '',
        '# Rules are tried in order; the first that matches an operation decides. For example:',
        '# operations:',
        '#   - exclude: { deprecated: true }',
        '#   - include: { tag: "orders" }',
        '#   - include: { operationId: [first-id, second-id], method: get }',
        '# What happens to operations no rule matches: include or exclude.',
        'operations_default: include',
        '',
      ].join('\n'),
    );
    await expect(runAdd({ spec: join(root, 'specs', 'acme-orders.yaml'), root })).rejects.toThrow(
      new SpecwireError('overrides/acme-orders.yaml already exists; edit it, or pass --name to scaffold another connector'),
    );
    expect(await runAdd({ spec: join(root, 'specs', 'acme-orders.yaml'), root, name: 'acme' })).toBe('overrides/acme.yaml');
  });

  it('refuses a spec outside the workspace and a bad name', async () => {
    const root = await workspace();
    const outside = join(await mkdtemp(join(tmpdir(), 'specwire-outside-')), 'x.yaml');
    await writeFile(outside, SPEC);
    await expect(runAdd({ spec: outside, root })).rejects.toThrow(
      new SpecwireError(`${outside} is outside the workspace: copy it under specs/ first (override files name specs by workspace path)`),
    );
    await expect(runAdd({ spec: join(root, 'specs', 'acme-orders.yaml'), root, name: 'Acme' })).rejects.toThrow(
      new SpecwireError('--name "Acme" must be lower-case letters, digits and dashes, starting with a letter'),
    );
  });

  it('takes a file inside an installed npm package', async () => {
    const root = await workspace();
    await symlink(join(import.meta.dirname, '../../../node_modules'), join(root, 'node_modules'), 'dir');
    expect(await runAdd({ spec: '@readme/oas-examples/3.0/json/petstore.json', root })).toBe('overrides/petstore.yaml');
    const text = await readFile(join(root, 'overrides', 'petstore.yaml'), 'utf8');
    expect(text).toContain('source:\n  npm: "@readme/oas-examples/3.0/json/petstore.json"\n');
    expect(text).toContain('#   pet: 8\n');
    await expect(runAdd({ spec: '@readme/oas-examples/3.0/json/nonexistent.json', root })).rejects.toThrow(
      new SpecwireError('@readme/oas-examples/3.0/json/nonexistent.json is neither a file nor an npm path: "3.0/json/nonexistent.json" is not a file of package "@readme/oas-examples"'),
    );
  });
});
