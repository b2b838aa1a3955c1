import { astToString, type OpenAPI3 } from 'openapi-typescript';
import { SpecwireError, escapePointerSegment } from '../errors/index.ts';
import type { ActionPlan, ConnectorPlan } from '../plan/types.ts';
import { assertIdentifier } from './assert-identifier.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { createReadOnlyReach } from './read-only-reach.ts';
import { FLAT_INPUT_HELPERS, FLAT_INPUT_OF_HELPER, bodyMedia, findOperation, renderFlatInput } from './render-flat-input.ts';
import { renderOpenapiTypes } from './render-openapi-types.ts';
import { renderPropertyKey } from './render-property-key.ts';
import { renderStringLiteral } from './render-string-literal.ts';
import { shieldObjectMemberKeys } from './shield-object-member-keys.ts';

/**
 * Renames the keys listed in `M` and keeps every property's optionality: a key-remapping mapped type
 * over `keyof T` stays homomorphic, which `Omit<T, 'a'> & { b: T['a'] }` would not.
 */
const RENAMED_KEYS_HELPER =
  '/** Renames the keys of `T` listed in `M`, keeping optionality. */\n' +
  'type RenamedKeys<T, M extends Record<string, string>> = { [K in keyof T as K extends keyof M ? M[K] : K]: T[K] };';

/**
 * openapi-typescript's helper for `allOf: [$ref]` beside `required`, exactly as it prints it. Its
 * `K extends keyof T` fails (TS2344, "does not satisfy the constraint 'never'") when the referenced
 * schema is nullable: `keyof (Base | null)` is `never`.
 */
const OPENAPI_TS_WITH_REQUIRED = /^type WithRequired<T, K extends keyof T> = T & \{\n {4}\[P in K\]-\?: T\[P\];\n\};$/m;

/**
 * The replacement: `required` makes keys required on the object members of `T` only, as in JSON
 * Schema, where `required` says nothing about `null` or other non-objects. Distributing over `T`
 * keeps a nullable base nullable, and the unconstrained `K` cannot fail whatever the base is.
 */
const NULL_SAFE_WITH_REQUIRED =
  '/** `T` with the keys `K` required on its object members; `null` and other non-objects pass through unchanged. */\n' +
  'type WithRequired<T, K extends PropertyKey> = T extends object ? T & { [P in K & keyof T]-?: T[P] } : T;';

/**
 * openapi-typescript prints a `readOnly` property with the `readonly` modifier and keeps it required,
 * but a server sets such a property, so an input never has to carry it (the definition leaves it out
 * of the form). `InputOf` makes every `readonly` key optional, at every depth of a request body; it
 * wraps only the bodies that reach a readOnly property (see `read-only-reach.ts`).
 */
const INPUT_OF_HELPER = [
  '/** Whether the key `K` of `T` was declared readOnly (printed with the `readonly` modifier). */',
  'type IsReadOnlyKey<T, K extends keyof T> = (<V>() => V extends { [Q in K]: T[K] } ? 1 : 2) extends (<V>() => V extends { -readonly [Q in K]: T[K] } ? 1 : 2) ? false : true;',
  '/** `T` as a request input: readOnly properties optional, at every depth. */',
  'type InputOf<T> = T extends readonly (infer E)[] ? InputOf<E>[] : T extends object ? { [K in keyof T as IsReadOnlyKey<T, K> extends true ? never : K]: InputOf<T[K]> } & { [K in keyof T as IsReadOnlyKey<T, K> extends true ? K : never]?: InputOf<T[K]> } : T;',
].join('\n');

/**
 * `src/types.gen.ts`: openapi-typescript's output for the plan's synthesised document, followed by
 * each action's `<Action>Input` and `<Action>Output`. The input is an interface with one documented
 * member per field, typed by indexing openapi-typescript's types (see `render-flat-input.ts`); an
 * action whose fields cannot all be traced that way keeps the alias composed from `operations[...]`.
 */
export async function emitTypes(options: { plan: ConnectorPlan; banner: BannerOptions }): Promise<string> {
  const { plan } = options;
  assertActionsHaveOperations(plan);
  const generated = await runOpenapiTypescript(plan);
  const reachesReadOnly = createReadOnlyReach(plan.typesDocument);
  const rendered = plan.actions.map((action) => renderActionTypes({ plan, action, reachesReadOnly }));
  const aliases = rendered.map((types) => types.text);
  const usesRenamedKeys = rendered.some((types, index) => !types.flat && hasRenames(plan.actions[index]!));
  const usesInputOf = rendered.some((types) => types.usesInputOf);
  const usesFlat = rendered.some((types) => types.flat);
  const helpers = [
    ...(usesRenamedKeys ? [RENAMED_KEYS_HELPER, ''] : []),
    ...(usesInputOf ? [INPUT_OF_HELPER, ''] : []),
    ...(usesFlat ? [FLAT_INPUT_HELPERS, ''] : []),
    ...(rendered.some((types) => types.flat && types.usesInputOf) ? [FLAT_INPUT_OF_HELPER, ''] : []),
  ];
  const tail = [...helpers, ...aliases];
  return [renderBanner(options.banner), generated.trimEnd(), '', ...tail, ''].join('\n');
}

async function runOpenapiTypescript(plan: ConnectorPlan): Promise<string> {
  const location = { file: plan.provenance.specSource };
  refuseExternalRefs({ value: plan.typesDocument, where: '', file: location.file });
  // openapi-typescript patches the document in place; work on a copy so the plan stays untouched and
  // re-emittable. The copy also renames keys such as `valueOf` that openapi-typescript's bundler cannot take.
  const shielded = shieldObjectMemberKeys(plan.typesDocument);
  const document = shielded.document as OpenAPI3;
  let text: string;
  try {
    const ast = await renderOpenapiTypes(document);
    // openapi-typescript prints string literal types with JSON.stringify, which leaves U+2028/U+2029
    // raw; escaped they mean the same in a literal and read as text in a comment (as renderStringLiteral does).
    text = shielded.restore(astToString(ast)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecwireError(`emit: openapi-typescript could not render the types document: ${reason}`, location);
  }
  return withNullSafeHelpers({ text, file: location.file });
}

/**
 * Swaps openapi-typescript's `WithRequired` for the null-safe one. Should a new openapi-typescript
 * print the helper differently, say so here rather than emit a file that may not typecheck.
 */
function withNullSafeHelpers(options: { text: string; file: string }): string {
  const { text } = options;
  if (!/\bWithRequired</.test(text)) return text;
  if (!OPENAPI_TS_WITH_REQUIRED.test(text)) {
    throw new SpecwireError('emit: openapi-typescript printed an unknown WithRequired helper; the null-safe replacement needs updating', {
      file: options.file,
    });
  }
  return text.replace(OPENAPI_TS_WITH_REQUIRED, NULL_SAFE_WITH_REQUIRED);
}

/**
 * The types document is synthesised from an already bundled spec, so every `$ref` is local. A remote
 * or file ref here would make openapi-typescript read files or the network; refuse it instead.
 */
function refuseExternalRefs(options: { value: unknown; where: string; file: string }): void {
  // Each frame knows its parent and key, so a pointer is spelled out only for the ref refused.
  interface Frame { value: unknown; key?: string; parent?: Frame }
  const pointerOf = (frame: Frame): string => {
    const segments: string[] = [];
    for (let at: Frame | undefined = frame; at?.key !== undefined; at = at.parent) segments.push(at.key);
    return options.where + segments.reverse().map((segment) => `/${escapePointerSegment(segment)}`).join('');
  };
  const stack: Frame[] = [{ value: options.value }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) {
        throw new SpecwireError(`emit: the types document has a non-local $ref ${JSON.stringify(child)} (planner bug)`, {
          file: options.file,
          pointer: pointerOf({ value: child, key, parent: frame }),
        });
      }
      if (child !== null && typeof child === 'object') stack.push({ value: child, key, parent: frame });
    }
  }
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Each alias indexes `operations[<actionId>]`; an action without that operation in the types document
 * would only surface later as a tsc error in the generated package, so say it here instead.
 */
function assertActionsHaveOperations(plan: ConnectorPlan): void {
  const operationIds = new Set<string>();
  const paths = plan.typesDocument.paths;
  if (paths !== null && typeof paths === 'object') {
    for (const pathItem of Object.values(paths)) {
      if (pathItem === null || typeof pathItem !== 'object') continue;
      for (const [method, operation] of Object.entries(pathItem)) {
        const operationId: unknown = HTTP_METHODS.has(method) ? (operation as { operationId?: unknown } | null)?.operationId : undefined;
        if (typeof operationId === 'string') operationIds.add(operationId);
      }
    }
  }
  for (const action of plan.actions) {
    if (!operationIds.has(action.actionId)) {
      throw new SpecwireError(
        `emit: the types document has no operation with operationId ${JSON.stringify(action.actionId)} (planner bug)`,
        { file: plan.provenance.specSource, pointer: action.pointer },
      );
    }
  }
}

function hasRenames(action: ActionPlan): boolean {
  const renamed = action.typeShape.body?.renamed;
  return renamed !== undefined && Object.keys(renamed).length > 0;
}

/**
 * An action's input and output types: a flattened, documented input interface where every field
 * traces to one parameter or plain body property, else the alias composed from `operations[...]`.
 */
function renderActionTypes(options: {
  plan: ConnectorPlan;
  action: ActionPlan;
  reachesReadOnly: (schema: unknown) => boolean;
}): { text: string; flat: boolean; usesInputOf: boolean } {
  const { plan, action, reachesReadOnly } = options;
  const location = { file: plan.provenance.specSource, pointer: action.pointer };
  assertIdentifier({ name: action.inputTypeName, kind: 'type', location });
  assertIdentifier({ name: action.outputTypeName, kind: 'type', location });
  const operation = `operations[${renderStringLiteral(action.actionId)}]`;
  const output = `export type ${action.outputTypeName} = ${renderOutputType({ plan, action, operation })};`;
  const flat = renderFlatInput({ plan, action, reachesReadOnly });
  if (flat !== undefined) return { text: `${flat.text}\n${output}`, flat: true, usesInputOf: flat.usesInputOf };
  const body = action.typeShape.body;
  // A body not found in the types document keeps `InputOf`, the answer that is always correct.
  const operationObject = body === undefined ? undefined : findOperation({ document: plan.typesDocument, operationId: action.actionId });
  const media = body === undefined || operationObject === undefined ? undefined : bodyMedia({ document: plan.typesDocument, operation: operationObject, mediaType: body.mediaType });
  const usesInputOf = body !== undefined && (media === undefined || reachesReadOnly(media.schema));
  const input = renderInputType({ action, operation, location, usesInputOf });
  return { text: `export type ${action.inputTypeName} =${input};\n${output}`, flat: false, usesInputOf };
}

function renderInputType(options: {
  action: ActionPlan;
  operation: string;
  location: { file: string; pointer: string };
  /** Whether the body goes through `InputOf` (it reaches a readOnly property). */
  usesInputOf: boolean;
}): string {
  const { action, operation, location } = options;
  const { parameterLocations, body } = action.typeShape;
  // openapi-typescript marks a location optional (`query?: {...}`) when none of its parameters is required.
  const parts = parameterLocations.map(
    (where) => `NonNullable<${operation}["parameters"][${renderStringLiteral(where)}]>`,
  );
  if (body !== undefined) {
    const media = `NonNullable<${operation}["requestBody"]>["content"][${renderStringLiteral(body.mediaType)}]`;
    const content = options.usesInputOf ? `InputOf<${media}>` : media;
    if (body.mode === 'field') {
      if (body.field === undefined) {
        throw new SpecwireError('emit: a body of mode "field" has no field name (planner bug)', location);
      }
      parts.push(`{ ${renderPropertyKey(body.field)}${body.required ? '' : '?'}: ${content} }`);
    } else {
      // Spread fields are the properties of an object body: a nullable body schema has no `null`
      // to spread, and renaming and optionality apply to its object part only.
      const objectContent = `NonNullable<${content}>`;
      const renames = Object.entries(body.renamed ?? {});
      const renamed =
        renames.length === 0
          ? objectContent
          : `RenamedKeys<${objectContent}, { ${renames
              .map(([property, field]) => `${renderPropertyKey(property)}: ${renderStringLiteral(field)}`)
              .join('; ')} }>`;
      parts.push(body.required ? renamed : `Partial<${renamed}>`);
    }
  }
  // Leading space / line breaks included, so the alias reads `= A;` or `=\n  & A\n  & B;`.
  if (parts.length === 0) return ' Record<string, never>';
  if (parts.length === 1) return ` ${parts[0]!}`;
  return parts.map((part) => `\n  & ${part}`).join('');
}

function renderOutputType(options: { plan: ConnectorPlan; action: ActionPlan; operation: string }): string {
  const output = options.action.typeShape.output;
  if (output === undefined) return 'unknown';
  // A response that is one named component schema reads best as that schema.
  const component = responseComponentName({ plan: options.plan, actionId: options.action.actionId, output });
  if (component !== undefined) return `components["schemas"][${renderStringLiteral(component)}]`;
  return `${options.operation}["responses"][${renderStringLiteral(output.status)}]["content"][${renderStringLiteral(output.mediaType)}]`;
}

/** The component schema name when the response content's schema is exactly `$ref: #/components/schemas/<name>`. */
function responseComponentName(options: {
  plan: ConnectorPlan;
  actionId: string;
  output: { status: string; mediaType: string };
}): string | undefined {
  const { plan, actionId, output } = options;
  const paths = plan.typesDocument.paths;
  if (paths === null || typeof paths !== 'object') return undefined;
  for (const pathItem of Object.values(paths as Record<string, unknown>)) {
    if (pathItem === null || typeof pathItem !== 'object') continue;
    for (const operation of Object.values(pathItem as Record<string, unknown>)) {
      const candidate = operation as { operationId?: unknown; responses?: Record<string, unknown> } | null;
      if (candidate?.operationId !== actionId) continue;
      const response = candidate.responses?.[output.status] as { content?: Record<string, { schema?: unknown }> } | undefined;
      const schema = response?.content?.[output.mediaType]?.schema as Record<string, unknown> | undefined;
      if (schema === undefined || Object.keys(schema).length !== 1 || typeof schema.$ref !== 'string') return undefined;
      const match = /^#\/components\/schemas\/([^/~]+)$/.exec(schema.$ref);
      return match?.[1];
    }
  }
  return undefined;
}
