import { describe, expect, it } from 'vitest';
import { isFieldShown, type InputField } from '../src/index.ts';

const limit: InputField = {
  type: 'number',
  label: 'Limit',
  displayOptions: { show: { returnAll: [false], resource: ['issue', 'pull'] }, hide: { mode: ['raw'] } },
};

describe('isFieldShown', () => {
  it('shows a field without rules whatever the values', () => {
    expect(isFieldShown({ field: { type: 'string', label: 'Title' }, values: {} })).toBe(true);
  });

  it('shows the field only when every show field has one of its values', () => {
    expect(isFieldShown({ field: limit, values: { returnAll: false, resource: 'pull' } })).toBe(true);
    expect(isFieldShown({ field: limit, values: { returnAll: true, resource: 'pull' } })).toBe(false);
    expect(isFieldShown({ field: limit, values: { returnAll: false, resource: 'repo' } })).toBe(false);
    // An unset field has none of the values: the field stays hidden.
    expect(isFieldShown({ field: limit, values: { resource: 'issue' } })).toBe(false);
  });

  it('hides the field when a hide field has one of its values, show rules met or not', () => {
    expect(isFieldShown({ field: limit, values: { returnAll: false, resource: 'issue', mode: 'raw' } })).toBe(false);
    expect(isFieldShown({ field: limit, values: { returnAll: false, resource: 'issue', mode: 'simple' } })).toBe(true);
  });

  it('compares values strictly and reads own properties only', () => {
    expect(isFieldShown({ field: limit, values: { returnAll: 'false', resource: 'issue' } })).toBe(false);
    const inherited = Object.create({ returnAll: false, resource: 'issue' }) as Record<string, unknown>;
    expect(isFieldShown({ field: limit, values: inherited })).toBe(false);
  });
});
