import { describe, expect, it } from 'vitest';
import { SpecwireError } from '../../src/errors/index.ts';
import { assertIdentifier } from '../../src/emit/assert-identifier.ts';

describe('assertIdentifier', () => {
  it('returns safe names unchanged', () => {
    expect(assertIdentifier({ name: 'issuesCreate', kind: 'method' })).toBe('issuesCreate');
    expect(assertIdentifier({ name: '$Thing_2', kind: 'type' })).toBe('$Thing_2');
    expect(assertIdentifier({ name: 'delete', kind: 'method' })).toBe('delete');
    // A method may be called `exports`; a module-level constant may not (CommonJS reserves it).
    expect(assertIdentifier({ name: 'exports', kind: 'method' })).toBe('exports');
    expect(assertIdentifier({ name: 'issuesCreate', kind: 'binding' })).toBe('issuesCreate');
  });

  it.each([
    ['a b', 'method'],
    ['1abc', 'method'],
    ['', 'class'],
    ['x;globalThis.PWNED=1', 'method'],
    ['x\u2028y', 'type'],
    ['ünïcode', 'class'],
    ['constructor', 'method'],
    ['delete', 'class'],
    ['string', 'type'],
    ['await', 'type'],
    ['delete', 'binding'],
    ['exports', 'binding'],
    ['require', 'binding'],
  ] as const)('refuses %j as a %s name', (name, kind) => {
    expect(() => assertIdentifier({ name, kind })).toThrow(SpecwireError);
  });

  it('says where and quotes the offending name', () => {
    try {
      assertIdentifier({ name: 'a\nb', kind: 'method', location: { file: 'specs/x.yaml', pointer: '/paths/~1a/get' } });
      expect.unreachable();
    } catch (error) {
      const specwireError = error as SpecwireError;
      expect(specwireError.format()).toBe(
        'specs/x.yaml#/paths/~1a/get: emit: the plan gave "a\\nb" as a method name, which is not a safe identifier (planner bug)',
      );
    }
  });
});
