import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePlainYaml } from '../../src/load/parse-plain-yaml.ts';

/** What the positioned parser (the one that reports line numbers) makes of the text. */
function positioned(text: string): unknown {
  return parseDocument(text, { uniqueKeys: true, schema: 'core', merge: false }).toJS({ maxAliasCount: -1 });
}

const SPECS_DIR = join(import.meta.dirname, '..', '..', '..', 'specs');

describe('parsePlainYaml: the fast parse agrees with the positioned one or declines', () => {
  const agreeing: Record<string, string> = {
    'core scalars': 'a: [~, null, "", true, False, 7, -7, +7, 0o17, 0x1F, 1.5, .5, 1e3, -.inf, .NaN]\n',
    'strings that look like other schemas': 'a: [yes, on, 2020-01-01, 1_000, 0b101, 010, -0o7, "12"]\n',
    'an explicit string tag': 'a: !!str 12\nb: !!str true\n',
    'flow and block mixed': 'a:\n  - {b: 1, c: [x, y]}\n  - |\n    text\n    lines\n  - >-\n    folded\n',
    'a __proto__ key stays an own key': '__proto__: {polluted: true}\nok: 1\n',
  };
  for (const [name, text] of Object.entries(agreeing)) {
    it(`agrees on ${name}`, () => {
      const plain = parsePlainYaml({ text, maxDepth: 200 });
      expect(plain).toBeDefined();
      expect(plain!.value).toEqual(positioned(text));
      expect(Object.getPrototypeOf(plain!.value)).toBe(Object.prototype);
    });
  }

  const declined: Record<string, string> = {
    'a duplicate key (the positioned parse warns with its line)': 'a: 1\na: 2\n',
    'an alias (the expansion limit counts on the positioned tree)': 'a: &x [1]\nb: *x\n',
    'a tag outside the core schema': 'a: !!js/function "x"\nb: !local y\nc: !!binary aGk=\n',
    'an explicit scalar tag (each parser has its own rules for a value that does not fit it)': 'c: !!float 1\n',
    'a number too large for a double (read as Infinity, then degraded)': 'a: 1e400\n',
    'an integer too large for a double': `a: ${'9'.repeat(400)}\n`,
    'a complex key': '? [a, b]\n: 1\n',
    'a %YAML directive': '%YAML 1.1\n---\na: yes\n',
    'two documents': 'a: 1\n---\nb: 2\n',
    'an empty text': '',
    'a syntax error': 'a: [1, 2\n',
  };
  for (const [name, text] of Object.entries(declined)) {
    it(`declines ${name}`, () => {
      expect(parsePlainYaml({ text, maxDepth: 200 })).toBeUndefined();
    });
  }

  it('says whether any number it read is .inf or .nan, so the load stage knows when to look for them', () => {
    expect(parsePlainYaml({ text: 'a: [1, 1.5, -2e3, "1e400", .infinity]\n', maxDepth: 200 })!.allFinite).toBe(true);
    for (const text of ['a: .inf\n', 'a: [1, -.Inf]\n', 'a: {b: .NaN}\n']) {
      expect(parsePlainYaml({ text, maxDepth: 200 })!.allFinite, text).toBe(false);
    }
    // Each parse starts afresh.
    expect(parsePlainYaml({ text: 'a: 1\n', maxDepth: 200 })!.allFinite).toBe(true);
  });

  it('declines nesting deeper than maxDepth, so the positioned parse reports the limit', () => {
    const deep = `${'['.repeat(30)}${']'.repeat(30)}\n`;
    expect(parsePlainYaml({ text: deep, maxDepth: 10 })).toBeUndefined();
    expect(parsePlainYaml({ text: deep, maxDepth: 40 })).toBeDefined();
  });

  it("agrees on every YAML spec of the workspace's specs/ folder", () => {
    const files = readdirSync(SPECS_DIR).filter((file) => /\.ya?ml$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join(SPECS_DIR, file), 'utf8');
      const plain = parsePlainYaml({ text, maxDepth: 200 });
      if (plain) expect(plain.value, file).toEqual(positioned(text));
    }
  });
});
