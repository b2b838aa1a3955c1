import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { renderJsDocText, renderLineComment } from '../../src/emit/render-comment.ts';
import { renderLiteral } from '../../src/emit/render-literal.ts';
import { renderPropertyKey, renderValuePropertyKey } from '../../src/emit/render-property-key.ts';
import { renderStringLiteral } from '../../src/emit/render-string-literal.ts';
import { renderJsonFile, sortKeysDeep } from '../../src/emit/render-json.ts';

/** Evaluates a rendered expression in a fresh context: it must be data and read back exactly. */
function evaluate(expression: string): unknown {
  return runInNewContext(`(${expression})`, Object.create(null) as object);
}

describe('renderStringLiteral', () => {
  it('escapes quotes, backslashes, newlines and U+2028/U+2029', () => {
    const text = 'a"b\\c\nd\u2028e\u2029f`${x}`\'g';
    const rendered = renderStringLiteral(text);
    expect(rendered).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(rendered).toContain('\\u2028');
    expect(evaluate(rendered)).toBe(text);
  });
});

describe('renderPropertyKey / renderValuePropertyKey', () => {
  it('leaves identifier names bare, including reserved words', () => {
    expect(renderPropertyKey('title')).toBe('title');
    expect(renderPropertyKey('$ref_1')).toBe('$ref_1');
    expect(renderPropertyKey('delete')).toBe('delete');
  });

  it('quotes everything else', () => {
    expect(renderPropertyKey('x-request-id')).toBe('"x-request-id"');
    expect(renderPropertyKey('1abc')).toBe('"1abc"');
    expect(renderPropertyKey('a: string; } globalThis.PWNED=1; interface J { b')).toBe(
      '"a: string; } globalThis.PWNED=1; interface J { b"',
    );
    expect(renderPropertyKey('')).toBe('""');
  });

  it('writes __proto__ as a computed string key so it stays an own property', () => {
    expect(renderValuePropertyKey('__proto__')).toBe('["__proto__"]');
    expect(renderPropertyKey('__proto__')).toBe('__proto__');
  });
});

describe('renderJsDocText', () => {
  it('neutralises comment terminators', () => {
    expect(renderJsDocText('*/ globalThis.PWNED=1; /*')).toBe('*\\/ globalThis.PWNED=1; /*');
    expect(renderJsDocText('a **/ b')).toBe('a **\\/ b');
  });

  it('cannot be tricked by controls hidden inside a terminator', () => {
    expect(renderJsDocText('*\u0000/ x')).toBe('*\\/ x');
    expect(renderJsDocText('*\u202e/ x')).toBe('*\\/ x');
  });

  it('normalises every line terminator to \\n and trims outer blank lines', () => {
    expect(renderJsDocText('\r\n a\r\nb\rc\u2028d\u2029e\u0085f  \n\n')).toBe(' a\nb\nc\nd\ne\nf');
  });

  it('removes control and bidi characters but keeps tabs', () => {
    expect(renderJsDocText('a\u0007b\u001bc\td\u202ee')).toBe('abc\tde');
  });
});

describe('renderLineComment', () => {
  it('keeps everything on one line', () => {
    const rendered = renderLineComment('x\nglobalThis.PWNED=1\u2028y\rz\u2029w');
    expect(rendered).toBe('// x globalThis.PWNED=1 y z w');
    expect(rendered.split(/[\n\r\u2028\u2029]/)).toHaveLength(1);
  });
});

describe('renderLiteral', () => {
  it('round-trips JSON data exactly, in key order', () => {
    const data = {
      plain: 'x',
      'needs-quote': [1, -2.5, 0, true, false, null, { nested: [] }],
      empty: {},
      text: '*/ `${globalThis.PWNED=1}` \u2028',
      delete: 1,
    };
    const rendered = renderLiteral(data);
    const back = evaluate(rendered) as Record<string, unknown>;
    expect(JSON.stringify(back)).toBe(JSON.stringify(data));
    expect(Object.keys(back)).toEqual(Object.keys(data));
  });

  it('pretty-prints with two-space indentation and trailing commas', () => {
    expect(renderLiteral({ a: [1, { b: 'c' }], d: {} })).toBe('{\n  a: [\n    1,\n    {\n      b: "c",\n    },\n  ],\n  d: {},\n}');
    expect(renderLiteral({ a: 1 }, { indent: '    ' })).toBe('{\n      a: 1,\n    }');
  });

  it('keeps a __proto__ key as data and pollutes nothing', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "yes"}, "x": 1}') as Record<string, unknown>;
    const back = evaluate(renderLiteral(data)) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(back)).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves out undefined properties, as JSON does', () => {
    expect(renderLiteral({ a: undefined, b: 1 })).toBe('{\n  b: 1,\n}');
  });

  it('refuses anything that is not data, saying where', () => {
    expect(() => renderLiteral({ a: [() => 1] })).toThrow(/function is not data \(at \/a\/0\)/);
    expect(() => renderLiteral({ a: Number.NaN })).toThrow(/non-finite number at \/a/);
    expect(() => renderLiteral({ a: Infinity })).toThrow(/non-finite/);
    expect(() => renderLiteral({ a: 1n })).toThrow(/bigint is not data/);
    expect(() => renderLiteral({ a: Symbol('s') })).toThrow(/symbol is not data/);
    expect(() => renderLiteral({ a: new Date(0) })).toThrow(/only plain objects/);
    expect(() => renderLiteral([undefined])).toThrow(/undefined array item at \/0/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => renderLiteral(cyclic)).toThrow(/cycle at \/self/);
  });

  it('accepts a shared (non-cyclic) object twice', () => {
    const shared = { s: 1 };
    expect(evaluate(renderLiteral({ a: shared, b: shared }))).toEqual({ a: { s: 1 }, b: { s: 1 } });
  });
});

describe('renderJsonFile / sortKeysDeep', () => {
  it('sorts keys at every depth, keeps arrays in order, ends with a newline', () => {
    const text = renderJsonFile(sortKeysDeep({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 2 } }));
    expect(text).toBe('{\n  "a": {\n    "c": 2,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  it('keeps a __proto__ key as an own property', () => {
    const sorted = sortKeysDeep(JSON.parse('{"__proto__": {"polluted": 1}}')) as object;
    expect(Object.keys(sorted)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
