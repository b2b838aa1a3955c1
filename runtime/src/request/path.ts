import type { ParamTarget } from '../definition.ts';
import { validationError } from '../errors/connector-error.ts';
import { propertyPath } from '../validate/field-path.ts';
import { isDangerousSegment, isDotSegment } from './dot-segments.ts';
import { encodePathSegment, encodeStrict } from './percent-encode.ts';
import { serialiseSimpleFamily } from './serialise-style.ts';
import { styleAtoms, toStyleValue } from './style-value.ts';

/** A non-body target; `in` is `path` here. */
export type PathTarget = Exclude<ParamTarget, { in: 'body' }>;

export interface PathParam {
  /** Input field name (for error messages). */
  field: string;
  target: PathTarget;
  value: unknown;
}

/**
 * Fills `{placeholders}` of the endpoint template, one template segment at a time. Every value is
 * percent-encoded so it stays inside its segment (`a/b` → `a%2Fb`, `?` → `%3F`), and a value that
 * is empty or is/decodes to `.`/`..` is refused with a validation error naming the input field.
 */
export function buildPath(options: { template: string; params: PathParam[] }): string {
  const { params } = options;
  const segments = templateSegments(options.template);
  let path = '';
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    const filled = segment.parts ? fillSegment({ parts: segment.parts, params }) : segment.text;
    path = index === 0 ? filled : `${path}/${filled}`;
  }
  return path.startsWith('/') ? path : `/${path}`;
}

interface TemplateSegment {
  text: string;
  /**
   * A segment holding `{placeholders}`: its literal text and placeholder names, in order (a
   * literal segment has none and is copied as it is).
   */
  parts?: SegmentPart[];
}

/** Literal text, or the name of a `{placeholder}`. */
type SegmentPart = string | { placeholder: string };

/** Templates come from the definition (a bounded set): split each once, not per request. */
const splitTemplates = new Map<string, TemplateSegment[]>();
const MAX_CACHED_TEMPLATES = 10_000;

function templateSegments(template: string): TemplateSegment[] {
  let segments = splitTemplates.get(template);
  if (!segments) {
    const [templatePath] = template.split(/[?#]/, 1);
    segments = templatePath.split('/').map((text): TemplateSegment => {
      if (!/\{[^{}]+\}/.test(text)) return { text };
      // Split on the placeholders as a global replace of `{name}` would find them: odd items are placeholders.
      const parts = text.split(/(\{[^{}]+\})/).flatMap((part, index): SegmentPart[] => (index % 2 === 1 ? [{ placeholder: part.slice(1, -1) }] : part === '' ? [] : [part]));
      return { text, parts };
    });
    if (splitTemplates.size >= MAX_CACHED_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, segments);
  }
  return segments;
}

/** The parameter a placeholder names; the last one wins when two map to the same name. */
function paramNamed(options: { params: PathParam[]; wireName: string }): PathParam | undefined {
  const { params, wireName } = options;
  for (let index = params.length - 1; index >= 0; index--) {
    if (params[index].target.name === wireName) return params[index];
  }
  return undefined;
}

function fillSegment(options: { parts: SegmentPart[]; params: PathParam[] }): string {
  let lastField: string | undefined;
  let filled = '';
  for (const part of options.parts) {
    if (typeof part === 'string') {
      filled += part;
      continue;
    }
    const wireName = part.placeholder;
    const param = paramNamed({ params: options.params, wireName });
    if (!param || param.value === undefined || param.value === null) {
      const where = param ? propertyPath({ parent: 'input', key: param.field }) : `path parameter {${wireName}}`;
      throw validationError(`${where}: a value is required for path parameter {${wireName}}`);
    }
    lastField = param.field;
    filled += serialisePathValue(param);
  }
  if (lastField !== undefined && isDotSegment(filled)) {
    throw validationError(`${propertyPath({ parent: 'input', key: lastField })}: a path parameter cannot form the segment "." or ".."`);
  }
  return filled;
}

function serialisePathValue(param: PathParam): string {
  const value = toStyleValue(param.value);
  if (value.kind === 'primitive') {
    if (isDangerousSegment(value.value)) {
      throw validationError(`${propertyPath({ parent: 'input', key: param.field })}: a path parameter cannot be empty, "." or ".." (also when percent-encoded)`);
    }
  } else {
    const atoms = styleAtoms(value);
    if (atoms.length === 0) {
      throw validationError(`${propertyPath({ parent: 'input', key: param.field })}: a path parameter cannot be empty, "." or ".." (also when percent-encoded)`);
    }
    if (atoms.some((atom) => atom !== '' && isDangerousSegment(atom))) {
      throw validationError(`${propertyPath({ parent: 'input', key: param.field })}: a path parameter item cannot be "." or ".." (also when percent-encoded)`);
    }
  }
  return serialiseSimpleFamily({
    name: param.target.name,
    value,
    style: param.target.style,
    explode: param.target.explode,
    encode: encodePathSegment,
  });
}

/**
 * The query a path key carries after `?` (`/export?filename={filename}`, `/items?action=list`), as
 * encoded `name=value` pairs ahead of the input's query parameters. A `{placeholder}` there takes the
 * value of the path parameter it names, encoded as a query component (simple style: arrays joined
 * by commas); a pair whose placeholder has no value is left out, as an absent query parameter is.
 * Literal text keeps what a URL allows in a query and has the rest encoded.
 */
export function buildTemplateQuery(options: { template: string; params: PathParam[] }): string[] {
  const pairs = templateQueryPairs(options.template);
  if (pairs.length === 0) return [];
  const byWireName = new Map(options.params.map((param) => [param.target.name, param]));
  return pairs.flatMap((parts) => {
    const filled = fillQueryPair({ parts, byWireName });
    return filled === undefined ? [] : [filled];
  });
}

function fillQueryPair(options: { parts: TemplateQueryPart[]; byWireName: Map<string, PathParam> }): string | undefined {
  let text = '';
  for (const part of options.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const param = options.byWireName.get(part.placeholder);
    if (!param || param.value === undefined || param.value === null) return undefined;
    text += serialiseSimpleFamily({ name: param.target.name, value: toStyleValue(param.value), style: 'simple', explode: param.target.explode, encode: encodeStrict });
  }
  return text;
}

/** A query pair of a path key: encoded literal text and the names of its placeholders, in order. */
type TemplateQueryPart = string | { placeholder: string };

const splitQueries = new Map<string, TemplateQueryPart[][]>();

function templateQueryPairs(template: string): TemplateQueryPart[][] {
  let pairs = splitQueries.get(template);
  if (!pairs) {
    // After `#` nothing is sent: `/#Action=X?y` has no query.
    const [beforeHash] = template.split('#', 1);
    const start = beforeHash.indexOf('?');
    const query = start === -1 ? '' : beforeHash.slice(start + 1);
    pairs = query
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair) =>
        pair.split(/(\{[^{}]+\})/).flatMap((part, index): TemplateQueryPart[] => {
          if (index % 2 === 1) return [{ placeholder: part.slice(1, -1) }];
          return part === '' ? [] : [part.replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?%[\]]/g, (c) => encodeURIComponent(c))];
        }),
      );
    if (splitQueries.size >= MAX_CACHED_TEMPLATES) splitQueries.clear();
    splitQueries.set(template, pairs);
  }
  return pairs;
}
