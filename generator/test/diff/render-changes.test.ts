import { describe, expect, it } from 'vitest';
import { renderChanges, type Change } from '../../src/diff/index.ts';

const changes: Change[] = [
  { kind: 'action-added', breaking: false, connector: 'shop', action: 'orders_delete', message: 'action orders_delete (DELETE /orders/{id}) added' },
  { kind: 'action-removed', breaking: true, connector: 'shop', action: 'orders_list', message: 'action orders_list (GET /orders) was removed' },
  { kind: 'base-url-changed', breaking: true, connector: 'crm', message: 'base URL changed from https://a.test to https://b.test' },
];

describe('renderChanges', () => {
  it('renders text grouped by connector, breaking first, with a summary', () => {
    expect(renderChanges({ changes, format: 'text', base: 'main' })).toBe(
      [
        'crm: 1 change (1 breaking)',
        '  BREAKING  base URL changed from https://a.test to https://b.test',
        'shop: 2 changes (1 breaking)',
        '  BREAKING  action orders_list (GET /orders) was removed',
        '  ok        action orders_delete (DELETE /orders/{id}) added',
        '',
        '3 changes (2 breaking) since main',
        '',
      ].join('\n'),
    );
  });

  it('renders markdown for a pull request', () => {
    const markdown = renderChanges({ changes, format: 'md', base: 'origin/main' });
    expect(markdown).toContain('3 changes (2 breaking) since `origin/main`.');
    expect(markdown).toContain('| Connector | Breaking | Other |\n| --- | ---: | ---: |\n| crm | 1 | 0 |\n| shop | 1 | 1 |\n');
    expect(markdown).toContain('### shop\n\n- **breaking**: action orders\\_list (GET /orders) was removed\n\n- action orders\\_delete');
    expect(markdown).not.toContain('<details>');
  });

  it('folds many non-breaking changes so the breaking ones stay on screen', () => {
    const many: Change[] = Array.from({ length: 12 }, (_, index) => ({
      kind: 'action-text-changed',
      breaking: false,
      connector: 'shop',
      action: `a${index}`,
      message: `name of action a${index} changed from "A" to "B"`,
    }));
    const markdown = renderChanges({ changes: [...many, changes[1]!], format: 'md', base: 'main' });
    expect(markdown).toContain('### shop\n\n- **breaking**: action orders\\_list (GET /orders) was removed\n\n<details><summary>12 non-breaking changes</summary>\n\n- name of action a0');
    expect(markdown.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('escapes spec text that would be markup in markdown', () => {
    const hostile: Change = { kind: 'enum-value-added', breaking: false, connector: 'x', message: 'now accepts "[click](https://evil.test) <img src=x>"\nnext' };
    const markdown = renderChanges({ changes: [hostile], format: 'md', base: 'HEAD' });
    expect(markdown).toContain('\\[click\\](https://evil.test) \\<img src=x\\>" next');
  });

  it('says when nothing changed', () => {
    expect(renderChanges({ changes: [], format: 'text', base: 'HEAD' })).toBe('no contract changes since HEAD\n');
  });
});
