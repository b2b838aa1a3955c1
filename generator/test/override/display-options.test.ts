// Overrides set n8n-style show/hide rules on an input field; the planner writes them as the field's
// displayOptions and refuses a rule that names no input of the action or could hide a required field.
import { describe, expect, it } from 'vitest';
import type { ApiIR } from '../../src/ir/types.ts';
import { applyOverrides, parseOverrides } from '../../src/override/index.ts';
import { planConnector } from '../../src/plan/index.ts';
import type { ConnectorPlan } from '../../src/plan/types.ts';
import { bearerScheme, makeApi, makeBody, makeOperation, makeProvenance } from '../plan/factories.ts';
import { errorOf } from '../support/error-of.ts';

/** One action: a message sent as text or as a template, each with fields of its own. */
const api: ApiIR = makeApi({
  securitySchemes: [bearerScheme],
  operations: [
    makeOperation({
      operationId: 'messages/send',
      method: 'post',
      path: '/messages',
      tags: ['messages'],
      security: [['bearerAuth']],
      requestBody: makeBody({
        type: 'object',
        required: ['kind'],
        properties: {
          kind: { type: 'string', enum: ['text', 'template'] },
          text: { type: 'string' },
          template_id: { type: 'string' },
          silent: { type: 'boolean' },
        },
      }),
    }),
  ],
});

function plan(yamlText: string): ConnectorPlan {
  const overrides = parseOverrides({ file: 'overrides/chat.yaml', text: yamlText });
  const curated = applyOverrides({ ir: api, overrides, defaultName: 'chat' });
  return planConnector({ curated, provenance: makeProvenance() });
}

function inputs(result: ConnectorPlan) {
  return result.definition.supported_actions.find((action) => action.id === 'messages_send')!.inputSchema;
}

const fields = (...text: string[]) => `${['actions:', '  messages/send:', '    fields:', ...text.map((line) => `      ${line}`)].join('\n')}\n`;

describe('display_options in overrides', () => {
  it('becomes the field displayOptions, by the final names of the other fields', () => {
    const result = plan(fields(
      'text: { display_options: { show: { kind: [text] } } }',
      'template_id: { rename: template, display_options: { show: { kind: [template] }, hide: { silent: [true] } } }',
    ));
    expect(inputs(result).text!.displayOptions).toEqual({ show: { kind: ['text'] } });
    expect(inputs(result).template!.displayOptions).toEqual({ show: { kind: ['template'] }, hide: { silent: [true] } });
    expect(inputs(result).kind!.displayOptions).toBeUndefined();
  });

  it('a spec alone sets no rules', () => {
    expect(Object.values(inputs(plan('{}\n'))).some((field) => field.displayOptions !== undefined)).toBe(false);
  });

  it('refuses a rule naming a field the action does not have, suggesting the closest', () => {
    expect(errorOf(() => plan(fields('text: { display_options: { show: { knd: [text] } } }')))).toMatch(
      /display_options\.show of field "text": "knd" is not an input of this action \(did you mean "kind"\?\)/,
    );
  });

  it('refuses a rule on a required field, and a rule on the field itself', () => {
    expect(errorOf(() => plan(fields('kind: { display_options: { show: { silent: [false] } } }')))).toMatch(/field "kind" is required/);
    expect(errorOf(() => plan(fields('text: { display_options: { hide: { text: [""] } } }')))).toMatch(/names the field itself/);
  });

  it('refuses an empty rule and a value that is not plain (schema)', () => {
    expect(errorOf(() => plan(fields('text: { display_options: {} }')))).toMatch(/display_options/);
    expect(errorOf(() => plan(fields('text: { display_options: { show: { kind: [{ a: 1 }] } } }')))).toMatch(/display_options/);
  });

  it('additional: true groups an optional field, false keeps it in the main list; refused on a required field', () => {
    const result = plan(fields('text: { additional: true }', 'silent: { additional: false }'));
    expect(inputs(result).text!.additional).toBe(true);
    expect(inputs(result).silent!.additional).toBe(false);
    expect(inputs(result).template_id!.additional).toBeUndefined();
    expect(errorOf(() => plan(fields('kind: { additional: true }')))).toMatch(/field "kind" is required, so it cannot go under "Additional fields"/);
  });
});
