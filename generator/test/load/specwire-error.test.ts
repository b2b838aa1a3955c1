import { describe, expect, it } from 'vitest';
import { SpecwireError, jsonPointer, parsePointerFragment } from '../../src/errors/index.ts';

describe('SpecwireError.format', () => {
  it('formats file + pointer, file + line:column, and bare messages on one line', () => {
    expect(new SpecwireError('path parameter "id" has no placeholder in "/pets"', { file: 'specs/foo.yaml', pointer: jsonPointer('paths', '/pets', 'get', 'parameters', 0) }).format()).toBe(
      'specs/foo.yaml#/paths/~1pets/get/parameters/0: path parameter "id" has no placeholder in "/pets"',
    );
    expect(new SpecwireError('unknown key', { file: 'overrides/x.yaml', line: 12, column: 3 }).format()).toBe('overrides/x.yaml:12:3: unknown key');
    expect(new SpecwireError('two\nlines').format()).toBe('two lines');
  });

  it('escapes and parses JSON pointers', () => {
    expect(jsonPointer('a~b', 'c/d')).toBe('/a~0b/c~1d');
    expect(parsePointerFragment('#/a~0b/c~1d/%7Bid%7D')).toEqual(['a~b', 'c/d', '{id}']);
    expect(parsePointerFragment('#')).toEqual([]);
    expect(parsePointerFragment('#nope')).toBeUndefined();
  });
});
