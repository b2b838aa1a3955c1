/** The hostile-output oracle itself: where a marker counts as inert text and where it does not. */
import { describe, expect, it } from 'vitest';
import { markerTokensOutsideLiterals } from './inert-text.ts';

describe('markerTokensOutsideLiterals', () => {
  it('counts string literals, comments and the JSON text of JSON.parse(String.raw`…`) as inert', () => {
    const source = '// PWNED\nexport const a = { b: "PWNED", c: JSON.parse(String.raw`{"d":"PWNED"}`) };\n';
    expect(markerTokensOutsideLiterals({ source, marker: 'PWNED' })).toEqual([]);
  });

  it.each([
    ['a bare template', 'export const a = `PWNED`;'],
    ['a template with another tag', 'export const a = Function`PWNED`;'],
    ['a substitution', 'export const a = JSON.parse(String.raw`{"d":"${PWNED}"}`);'],
    ['code', 'export const a = 1; PWNED();'],
  ])('finds the marker in %s', (_label, source) => {
    expect(markerTokensOutsideLiterals({ source, marker: 'PWNED' }).length).toBeGreaterThan(0);
  });
});
