import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readGeneratedDefinition } from '../../src/diff/index.ts';

const DEFINITION = 'import { schemas } from "./schemas.gen.ts";\nexport const definition = { name: "shop", schemas };\n';

let root: string;

function workspace(): string {
  root = mkdtempSync(join(tmpdir(), 'specwire-read-'));
  mkdirSync(join(root, 'generated', 'shop', 'src'), { recursive: true });
  writeFileSync(join(root, 'generated', 'shop', 'src', 'definition.gen.ts'), DEFINITION);
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readGeneratedDefinition', () => {
  it('reads the definition with its modules from generated/<name>/src', async () => {
    writeFileSync(join(workspace(), 'generated', 'shop', 'src', 'schemas.gen.ts'), 'export const schemas = { Order: { type: "object" } };\n');
    expect(await readGeneratedDefinition({ root, name: 'shop' })).toEqual({ name: 'shop', schemas: { Order: { type: 'object' } } });
  });

  it('refuses a module that is a symbolic link, so nothing outside src/ is read', async () => {
    const outside = join(workspace(), 'outside.ts');
    writeFileSync(outside, 'export const schemas = { leaked: "from outside src" };\n');
    symlinkSync(outside, join(root, 'generated', 'shop', 'src', 'schemas.gen.ts'));
    await expect(readGeneratedDefinition({ root, name: 'shop' })).rejects.toThrow(/"\.\/schemas\.gen\.ts" is not a regular file/);
  });

  it('refuses a module inside a symbolically linked folder', async () => {
    const outside = join(workspace(), 'elsewhere');
    mkdirSync(outside);
    writeFileSync(join(outside, 'orders.gen.ts'), 'export const ordersList = { id: "x" };\n');
    symlinkSync(outside, join(root, 'generated', 'shop', 'src', 'actions'));
    writeFileSync(
      join(root, 'generated', 'shop', 'src', 'definition.gen.ts'),
      'import * as ordersActions from "./actions/orders.gen.ts";\nexport const definition = { supported_actions: [ordersActions.ordersList] };\n',
    );
    await expect(readGeneratedDefinition({ root, name: 'shop' })).rejects.toThrow(/"\.\/actions\/orders\.gen\.ts" is not a regular file/);
  });

  it('says a module that is a folder is no regular file instead of failing inside Node', async () => {
    mkdirSync(join(workspace(), 'generated', 'shop', 'src', 'schemas.gen.ts'));
    await expect(readGeneratedDefinition({ root, name: 'shop' })).rejects.toThrow(/is not a regular file/);
  });
});
