import type { ParamTarget } from '../definition.ts';
import { validationError } from '../errors/connector-error.ts';
import { propertyPath } from '../validate/field-path.ts';
import { isDangerousSegment, isDotSegment } from './dot-segments.ts';
import { encodePathSegment } from './percent-encode.ts';
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

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * Fills `{placeholders}` of the endpoint template, one template segment at a time. Every value is
 * percent-encoded so it stays inside its segment (`a/b` → `a%2Fb`, `?` → `%3F`), and a value that
 * is empty or is/decodes to `.`/`..` is refused with a validation error naming the input field.
 */
export function buildPath(options: { template: string; params: PathParam[] }): string {
  const byWireName = new Map(options.params.map((param) => [param.target.name, param]));
  const segments = templateSegments(options.template);
  let path = '';
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    const filled = segment.placeholders ? fillSegment({ segment: segment.text, byWireName }) : segment.text;
    path = index === 0 ? filled : `${path}/${filled}`;
  }
  return path.startsWith('/') ? path : `/${path}`;
}

interface TemplateSegment {
  text: string;
  /** Whether the segment holds a `{placeholder}` (a literal segment is copied as it is). */
  placeholders: boolean;
}

/** Templates come from the definition (a bounded set): split each once, not per request. */
const splitTemplates = new Map<string, TemplateSegment[]>();
const MAX_CACHED_TEMPLATES = 10_000;

function templateSegments(template: string): TemplateSegment[] {
  let segments = splitTemplates.get(template);
  if (!segments) {
    const [templatePath] = template.split(/[?#]/, 1);
    segments = templatePath.split('/').map((text) => ({ text, placeholders: /\{[^{}]+\}/.test(text) }));
    if (splitTemplates.size >= MAX_CACHED_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, segments);
  }
  return segments;
}

function fillSegment(options: { segment: string; byWireName: Map<string, PathParam> }): string {
  let lastField: string | undefined;
  const filled = options.segment.replace(PLACEHOLDER, (_match, wireName: string) => {
    const param = options.byWireName.get(wireName);
    if (!param || param.value === undefined || param.value === null) {
      const where = param ? propertyPath({ parent: 'input', key: param.field }) : `path parameter {${wireName}}`;
      throw validationError(`${where}: a value is required for path parameter {${wireName}}`);
    }
    lastField = param.field;
    return serialisePathValue(param);
  });
  if (lastField !== undefined && isDotSegment(filled)) {
    throw validationError(`${propertyPath({ parent: 'input', key: lastField })}: a path parameter cannot form the segment "." or ".."`);
  }
  return filled;
}

function serialisePathValue(param: PathParam): string {
  const value = toStyleValue(param.value);
  const atoms = styleAtoms(value);
  const path = propertyPath({ parent: 'input', key: param.field });
  if (atoms.length === 0 || (value.kind === 'primitive' && isDangerousSegment(value.value))) {
    throw validationError(`${path}: a path parameter cannot be empty, "." or ".." (also when percent-encoded)`);
  }
  if (atoms.some((atom) => atom !== '' && isDangerousSegment(atom))) {
    throw validationError(`${path}: a path parameter item cannot be "." or ".." (also when percent-encoded)`);
  }
  return serialiseSimpleFamily({
    name: param.target.name,
    value,
    style: param.target.style,
    explode: param.target.explode,
    encode: encodePathSegment,
  });
}
