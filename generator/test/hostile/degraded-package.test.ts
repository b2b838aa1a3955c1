/**
 * Degrade, never drop, end to end: a spec whose flaws are dangling schema, parameter and mapping
 * refs, an external ref, non-finite numbers and an unreadable operation still yields a connector
 * that typechecks (no missing name reaches the types document) and whose coverage.md names every
 * degraded part and the one operation left out.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_FIXTURES, generatePackage, removePackage, typecheckPackage, type CommandResult, type GeneratedPackage } from './hostile-package.ts';

let pkg: GeneratedPackage;
let typecheck: CommandResult;

beforeAll(async () => {
  pkg = await generatePackage({ name: 'degradable', specFile: join(HOSTILE_FIXTURES, 'malformed', 'degradable.yaml') });
  typecheck = await typecheckPackage(pkg.dir);
}, 180_000);

afterAll(async () => {
  if (pkg) await removePackage(pkg.dir);
});

describe('a spec with a flaw in every part', () => {
  it('generates every readable operation and typechecks', () => {
    expect(pkg.result.plan.actions.map((action) => action.actionId).sort()).toEqual(['add_pet', 'list_pets']);
    expect(typecheck.output).toBe('');
    expect(typecheck.ok).toBe(true);
  });

  it('keeps no name of a missing schema in the generated sources', async () => {
    for (const file of ['src/types.gen.ts', 'src/definition.gen.ts']) {
      const text = await readFile(join(pkg.dir, file), 'utf8');
      expect(text, file).not.toMatch(/Missing|Nowhere|Infinity|NaN/);
    }
  });

  it('warns once per flaw with its pointer, and coverage.md lists each and the operation left out', async () => {
    const marked = pkg.result.warnings.filter((warning) => warning.effect !== undefined).map((warning) => `${warning.effect} ${warning.pointer}`);
    expect(marked.sort()).toEqual([
      'degraded /components/schemas/Circle/properties/radius/example',
      'degraded /components/schemas/NewPet/allOf/0',
      'degraded /components/schemas/NewPet/allOf/1/properties/tag',
      'degraded /components/schemas/Pet/properties/owner',
      'degraded /components/schemas/Shape/discriminator/mapping/gone',
      'degraded /components/schemas/Shape/oneOf/1',
      'degraded /paths/~1pets/get/parameters/0',
      'degraded /paths/~1pets/get/parameters/1/schema/default',
      'degraded /paths/~1pets/get/parameters/1/schema/enum/1',
      'degraded /paths/~1pets/get/parameters/1/schema/enum/2',
      'degraded /paths/~1pets/get/parameters/1/schema/maximum',
      'degraded /paths/~1pets/post/responses/201/content/application~1json/schema',
      'excluded /paths/~1pets~1{petId}/get',
    ].sort());
    const coverage = await readFile(join(pkg.dir, 'coverage.md'), 'utf8');
    expect(coverage).toContain('3 operations in `specs/degradable.yaml`: 2 actions (2 degraded), 1 excluded.');
    expect(coverage).toContain('| `getPet` | `GET /pets/{petId}` | excluded: `/paths/~1pets~1{petId}/get: path parameter "id" has no placeholder in "/pets/{petId}" (at /paths/~1pets~1{petId}/get/parameters/0)` |');
    expect(coverage).toContain('## Degraded parts (12)');
  });
});
