import type { InputField } from '../definition.ts';

/** What the input contributes to the body: named properties and/or the whole body. */
export interface BodyValues {
  /** `{ in: 'body', name }` fields, in input-schema order. */
  properties: Array<{ name: string; value: unknown; field?: InputField }>;
  /** The `{ in: 'body' }` field without a name, when given. */
  whole?: { value: unknown; field?: InputField };
}

export function hasBodyValues(values: BodyValues): boolean {
  return values.whole !== undefined || values.properties.length > 0;
}
