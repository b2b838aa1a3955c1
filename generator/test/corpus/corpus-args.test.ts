import { describe, expect, it } from 'vitest';
import { parseCorpusArgs } from '../../src/corpus/corpus-args.ts';

describe('pnpm corpus arguments', () => {
  it('reads --only with the part of a spec path it selects', () => {
    const args = parseCorpusArgs(['--directory', '--only', 'codat.io']);
    expect(args).toMatchObject({ directory: true, only: 'codat.io' });
  });

  it('refuses --only without a value, in one line', () => {
    expect(() => parseCorpusArgs(['--directory', '--only'])).toThrow(/--only needs part of a spec path/);
    expect(() => parseCorpusArgs(['--directory', '--only', '--resume'])).toThrow(/--only needs/);
  });

  it('reads --skip with the part of a spec path it leaves out, and refuses it without a value', () => {
    expect(parseCorpusArgs(['--directory', '--resume', '--skip', 'microsoft.com/graph.json'])).toMatchObject({ directory: true, resume: true, skip: 'microsoft.com/graph.json' });
    expect(() => parseCorpusArgs(['--directory', '--skip'])).toThrow(/--skip needs part of a spec path/);
  });
});
