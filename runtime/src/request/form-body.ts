import type { BodyDefinition } from '../definition.ts';
import { flattenBrackets } from './flatten-brackets.ts';
import { encodeFormComponent } from './percent-encode.ts';
import { serialiseQueryParam } from './query.ts';

/**
 * application/x-www-form-urlencoded. By default nested values follow Stripe's convention
 * (`a[b]=1`, `a[]=x`, `a[0][b]=1`; see `flattenBrackets`); a property with `style`/`explode` in
 * the spec's encoding object is serialised with that query style instead. `null` becomes an empty
 * value (`a=`), which form APIs such as Stripe read as "unset". Spaces are `+`, as URLSearchParams.
 */
export function buildFormBody(options: { object: Record<string, unknown>; definition: BodyDefinition }): string {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(options.object)) {
    if (value === undefined) continue;
    const encoding = options.definition.propertyEncoding?.[name];
    if (encoding?.style !== undefined || encoding?.explode !== undefined) {
      const style = encoding.style ?? 'form';
      pairs.push(
        ...serialiseQueryParam({
          target: { in: 'query', name, style, explode: encoding.explode ?? style === 'form' },
          value: value === null ? '' : value,
          encode: encodeFormComponent,
        }),
      );
      continue;
    }
    pairs.push(...flattenBrackets({ name, value, encode: encodeFormComponent }));
  }
  return pairs.join('&');
}
