/**
 * The JSONPath subset overlays need (RFC 9535 syntax): `$`, `.name`, `['name']`, `[0]`, `[-1]`,
 * `['a','b']`, `*`, `..` (descendants), and filters `[?(@.x == 'y')]` / `[?@.x]` with `==`, `!=`,
 * `<`, `<=`, `>`, `>=`, `!`, `&&`, `||` and parentheses over `@`-relative paths and JSON literals.
 * A hand-written parser and interpreter: nothing in a path is ever evaluated as code.
 */

export type Selector =
  | { kind: 'name'; names: string[] }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; expression: FilterExpression };

export interface Segment {
  descendant: boolean;
  selector: Selector;
}

export type Literal = string | number | boolean | null;

export type FilterExpression =
  | { kind: 'or' | 'and'; left: FilterExpression; right: FilterExpression }
  | { kind: 'not'; operand: FilterExpression }
  | { kind: 'exists'; path: RelativeStep[] }
  | { kind: 'compare'; operator: '==' | '!=' | '<' | '<=' | '>' | '>='; left: Operand; right: Operand };

export type RelativeStep = string | number;
export type Operand = { kind: 'path'; path: RelativeStep[] } | { kind: 'literal'; value: Literal };

/** A node a path selected, with where it sits (for `remove`). */
export interface SelectedNode {
  value: unknown;
  parent?: Record<string, unknown> | unknown[];
  key?: string | number;
}

export class JsonPathError extends Error {}

const MAX_PATH_LENGTH = 2000;

export function parseJsonPath(text: string): Segment[] {
  if (text.length > MAX_PATH_LENGTH) throw new JsonPathError(`longer than ${MAX_PATH_LENGTH} characters`);
  const parser = new PathParser(text);
  return parser.parsePath();
}

/** Nodes the path selects, in document order (duplicates removed). */
export function selectJsonPath(options: { document: unknown; path: Segment[] }): SelectedNode[] {
  let nodes: SelectedNode[] = [{ value: options.document }];
  for (const segment of options.path) {
    const next: SelectedNode[] = [];
    for (const node of nodes) {
      const bases = segment.descendant ? descendantsOf(node) : [node];
      for (const base of bases) next.push(...applySelector({ node: base, selector: segment.selector }));
    }
    nodes = dedupe(next);
  }
  return nodes;
}

function dedupe(nodes: SelectedNode[]): SelectedNode[] {
  const seen = new Map<unknown, Set<string | number | undefined>>();
  return nodes.filter((node) => {
    const keys = seen.get(node.parent) ?? new Set();
    if (keys.has(node.key)) return false;
    keys.add(node.key);
    seen.set(node.parent, keys);
    return true;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: SelectedNode): SelectedNode[] {
  const { value } = node;
  if (Array.isArray(value)) return value.map((item, index) => ({ value: item, parent: value, key: index }));
  if (isRecord(value)) return Object.keys(value).map((key) => ({ value: value[key], parent: value, key }));
  return [];
}

/** The node and everything under it, depth first, iteratively (specs nest deeply). */
function descendantsOf(node: SelectedNode): SelectedNode[] {
  const result: SelectedNode[] = [];
  const stack: SelectedNode[] = [node];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const current = stack.pop()!;
    result.push(current);
    if (typeof current.value === 'object' && current.value !== null) {
      if (seen.has(current.value)) continue;
      seen.add(current.value);
    }
    stack.push(...childrenOf(current).reverse());
  }
  return result;
}

function applySelector(options: { node: SelectedNode; selector: Selector }): SelectedNode[] {
  const { node, selector } = options;
  const { value } = node;
  switch (selector.kind) {
    case 'wildcard':
      return childrenOf(node);
    case 'name':
      if (!isRecord(value)) return [];
      return selector.names.filter((name) => Object.hasOwn(value, name)).map((name) => ({ value: value[name], parent: value, key: name }));
    case 'index': {
      if (!Array.isArray(value)) return [];
      const index = selector.index < 0 ? value.length + selector.index : selector.index;
      return index >= 0 && index < value.length ? [{ value: value[index], parent: value, key: index }] : [];
    }
    case 'filter':
      return childrenOf(node).filter((child) => evaluateFilter({ expression: selector.expression, current: child.value }));
  }
}

const MISSING = Symbol('missing');

function readRelative(options: { current: unknown; path: RelativeStep[] }): unknown {
  let value: unknown = options.current;
  for (const step of options.path) {
    if (typeof step === 'number') {
      if (!Array.isArray(value)) return MISSING;
      const index = step < 0 ? value.length + step : step;
      if (index < 0 || index >= value.length) return MISSING;
      value = value[index];
    } else {
      if (!isRecord(value) || !Object.hasOwn(value, step)) return MISSING;
      value = value[step];
    }
  }
  return value;
}

function evaluateFilter(options: { expression: FilterExpression; current: unknown }): boolean {
  const { expression, current } = options;
  switch (expression.kind) {
    case 'or':
      return evaluateFilter({ expression: expression.left, current }) || evaluateFilter({ expression: expression.right, current });
    case 'and':
      return evaluateFilter({ expression: expression.left, current }) && evaluateFilter({ expression: expression.right, current });
    case 'not':
      return !evaluateFilter({ expression: expression.operand, current });
    case 'exists':
      return readRelative({ current, path: expression.path }) !== MISSING;
    case 'compare': {
      const left = operandValue({ operand: expression.left, current });
      const right = operandValue({ operand: expression.right, current });
      return compare({ operator: expression.operator, left, right });
    }
  }
}

function operandValue(options: { operand: Operand; current: unknown }): unknown {
  return options.operand.kind === 'literal' ? options.operand.value : readRelative({ current: options.current, path: options.operand.path });
}

/** RFC 9535 comparison: equality of primitives only; ordering of two numbers or two strings. */
function compare(options: { operator: string; left: unknown; right: unknown }): boolean {
  const { operator, left, right } = options;
  const equal = left !== MISSING && right !== MISSING && left === right && (typeof left !== 'object' || left === null);
  const bothMissing = left === MISSING && right === MISSING;
  if (operator === '==') return equal || bothMissing;
  if (operator === '!=') return !(equal || bothMissing);
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return operator === '<=' || operator === '>=' ? equal : false;
  const a = left as number | string;
  const b = right as number | string;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

class PathParser {
  private position = 0;

  constructor(private readonly text: string) {}

  parsePath(): Segment[] {
    this.skipSpaces();
    if (this.text[this.position] !== '$') this.fail('a path must start with "$"');
    this.position += 1;
    const segments: Segment[] = [];
    for (this.skipSpaces(); this.position < this.text.length; this.skipSpaces()) segments.push(this.parseSegment());
    return segments;
  }

  private parseSegment(): Segment {
    if (this.text.startsWith('..', this.position)) {
      this.position += 2;
      if (this.text[this.position] === '[') return { descendant: true, selector: this.parseBracket() };
      return { descendant: true, selector: this.parseDotName() };
    }
    if (this.text[this.position] === '.') {
      this.position += 1;
      return { descendant: false, selector: this.parseDotName() };
    }
    if (this.text[this.position] === '[') return { descendant: false, selector: this.parseBracket() };
    return this.fail(`unexpected "${this.text[this.position]}"`);
  }

  private parseDotName(): Selector {
    if (this.text[this.position] === '*') {
      this.position += 1;
      return { kind: 'wildcard' };
    }
    const match = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff-]*/.exec(this.text.slice(this.position));
    if (!match) return this.fail('expected a name, "*" or "[" after "."');
    this.position += match[0].length;
    return { kind: 'name', names: [match[0]] };
  }

  private parseBracket(): Selector {
    this.expect('[');
    this.skipSpaces();
    let selector: Selector;
    if (this.text[this.position] === '*') {
      this.position += 1;
      selector = { kind: 'wildcard' };
    } else if (this.text[this.position] === '?') {
      this.position += 1;
      selector = { kind: 'filter', expression: this.parseOr() };
    } else if (this.text[this.position] === "'" || this.text[this.position] === '"') {
      const names = [this.parseString()];
      for (this.skipSpaces(); this.text[this.position] === ','; this.skipSpaces()) {
        this.position += 1;
        this.skipSpaces();
        names.push(this.parseString());
      }
      selector = { kind: 'name', names };
    } else {
      selector = { kind: 'index', index: this.parseInteger() };
    }
    this.skipSpaces();
    this.expect(']');
    return selector;
  }

  private parseOr(): FilterExpression {
    let left = this.parseAnd();
    for (this.skipSpaces(); this.text.startsWith('||', this.position); this.skipSpaces()) {
      this.position += 2;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterExpression {
    let left = this.parseUnary();
    for (this.skipSpaces(); this.text.startsWith('&&', this.position); this.skipSpaces()) {
      this.position += 2;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterExpression {
    this.skipSpaces();
    if (this.text[this.position] === '!' && this.text[this.position + 1] !== '=') {
      this.position += 1;
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (this.text[this.position] === '(') {
      this.position += 1;
      const inner = this.parseOr();
      this.skipSpaces();
      this.expect(')');
      return inner;
    }
    const left = this.parseOperand();
    this.skipSpaces();
    const operator = /^(==|!=|<=|>=|<|>)/.exec(this.text.slice(this.position))?.[0] as
      | Extract<FilterExpression, { kind: 'compare' }>['operator']
      | undefined;
    if (!operator) {
      if (left.kind !== 'path') this.fail('a literal alone is not a condition');
      return { kind: 'exists', path: (left as { path: RelativeStep[] }).path };
    }
    this.position += operator.length;
    this.skipSpaces();
    return { kind: 'compare', operator, left, right: this.parseOperand() };
  }

  private parseOperand(): Operand {
    const char = this.text[this.position];
    if (char === '@') {
      this.position += 1;
      return { kind: 'path', path: this.parseRelativeSteps() };
    }
    if (char === "'" || char === '"') return { kind: 'literal', value: this.parseString() };
    const rest = this.text.slice(this.position);
    const word = /^(true|false|null)\b/.exec(rest)?.[0];
    if (word !== undefined) {
      this.position += word.length;
      return { kind: 'literal', value: word === 'null' ? null : word === 'true' };
    }
    const number = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(rest)?.[0];
    if (number !== undefined) {
      this.position += number.length;
      return { kind: 'literal', value: Number(number) };
    }
    return this.fail('expected @, a string, a number, true, false or null');
  }

  private parseRelativeSteps(): RelativeStep[] {
    const steps: RelativeStep[] = [];
    for (;;) {
      if (this.text[this.position] === '.' && this.text[this.position + 1] !== '.') {
        this.position += 1;
        const selector = this.parseDotName();
        if (selector.kind !== 'name') this.fail('wildcards are not supported inside filters');
        steps.push((selector as { names: string[] }).names[0]!);
      } else if (this.text[this.position] === '[') {
        this.position += 1;
        this.skipSpaces();
        const char = this.text[this.position];
        steps.push(char === "'" || char === '"' ? this.parseString() : this.parseInteger());
        this.skipSpaces();
        this.expect(']');
      } else {
        return steps;
      }
    }
  }

  private parseString(): string {
    const quote = this.text[this.position];
    this.position += 1;
    let value = '';
    while (this.position < this.text.length && this.text[this.position] !== quote) {
      const char = this.text[this.position]!;
      if (char === '\\') {
        const next = this.text[this.position + 1];
        const escapes: Record<string, string> = { "'": "'", '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
        if (next === undefined || !Object.hasOwn(escapes, next)) this.fail('unsupported escape in a string');
        value += escapes[next!];
        this.position += 2;
      } else {
        value += char;
        this.position += 1;
      }
    }
    this.expect(quote!);
    return value;
  }

  private parseInteger(): number {
    const match = /^-?(0|[1-9][0-9]*)/.exec(this.text.slice(this.position));
    if (!match) return this.fail('expected a quoted name, an index, "*" or "?"');
    this.position += match[0].length;
    return Number(match[0]);
  }

  private skipSpaces(): void {
    while (this.text[this.position] === ' ') this.position += 1;
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) this.fail(`expected "${char}"`);
    this.position += 1;
  }

  private fail(message: string): never {
    throw new JsonPathError(`${message} at character ${this.position + 1}`);
  }
}
