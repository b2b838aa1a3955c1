import type { BodyDefinition } from '../definition.ts';
import { flattenBrackets } from './flatten-brackets.ts';
import { encodeFormComponent } from './percent-encode.ts';
import { serialiseQueryParam } from './query.ts';

/**
 * application/x-www-form-urlencoded. By default nested values follow Stripe's convention
 * (`a[b]=1`, `a[]=x`, `a[0][b]=1`; see `flattenBrackets`); a property with `style`/`explode` in
 * the spec's encoding object is serialised with that query style instead. `null`, at the top or
 * nested, is left out. Spaces are `+`, as URLSearchParams.
 */
export function buildFormBody(options: { object: Record<string, unknown>; definition: BodyDefinition }): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(options.object)) {
    // Form encoding has no null: a null field is left out, like an absent one (an API that reads an
    // empty value as "unset", as Stripe does, declares `""` as an allowed value, and `""` is sent).
    if (value === undefined || value === null) continue;
    const encoding = options.definition.propertyEncoding?.[name];
    if (encoding?.style !== undefined || encoding?.explode !== undefined) {
      const style = encoding.style ?? 'form';
      pairs.push(
        ...serialiseQueryParam({
          target: { in: 'query', name, style, explode: encoding.explode ?? style === 'form' },
          value,
          encode: encodeFormComponent,
        }),
      );
      continue;
    }
    pairs.push(...flattenBrackets({ name, value, encode: encodeFormComponent, nulls: 'omit' }));
  }
  return pairs.join('&');
}
