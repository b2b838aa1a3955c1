import type { ConnectorPlan } from '../plan/types.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { renderLiteral } from './render-literal.ts';
import { renderValuePropertyKey } from './render-property-key.ts';
import { escapePointerSegment } from '../errors/index.ts';

/** Short objects and arrays (`{ in: "body", name: "id" }`) go on one line up to this width. */
const LINE_WIDTH = 100;

/**
 * `src/definition.gen.ts`: the plan's definition as one annotated object literal, shared schemas
 * (`schemas`) last, one per line: a vendor schema change is then a one-line hunk, and the shared
 * schemas take about 30% fewer bytes than pretty-printed (GitHub: 237 KB → 170 KB). Input fields and
 * parameter mappings are one per line too (`renderAction`). An annotation
 * rather than `as const satisfies`: readonly tuples do not fit the mutable arrays of
 * `ConnectorDefinition`. Each action is written `{…} satisfies ActionDefinition as ActionDefinition`:
 * checked in full, then widened, so the compiler never builds the union of every action's literal
 * type (which overflows on specs with over a thousand operations). Both are type-only syntax: the
 * JavaScript is the same plain data.
 *
 * Measured on the whole GitHub spec (1,223 actions, tsc CPU time of the package, medians of 3): this
 * form 10.0 s; `as const` data cast to the type 8.9 s, a JSON module cast to the type 9.8 s and a
 * bare `as ActionDefinition` per action 7.9 s, but all three check nothing (a required property the
 * runtime adds would pass), so the checked form stays. Without a definition the package takes 5.6 s.
 */
export function emitDefinition(options: { plan: ConnectorPlan; banner: BannerOptions }): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(options.plan.definition)) {
    if (value === undefined) continue;
    const where = `/definition/${key}`;
    const rendered =
      key === 'supported_actions' && Array.isArray(value)
        ? renderActions({ actions: value, where })
        : key === 'schemas' && isRecord(value)
          ? renderSchemas({ schemas: value, where })
          : renderLiteral(value, { indent: '  ', where, lineWidth: LINE_WIDTH });
    lines.push(`  ${renderValuePropertyKey(key)}: ${rendered},`);
  }
  return [
    renderBanner(options.banner),
    'import type { ActionDefinition, ConnectorDefinition } from "@specwire/runtime";',
    '',
    `export const definition: ConnectorDefinition = {\n${lines.join('\n')}\n};`,
    '',
  ].join('\n');
}

function renderActions(options: { actions: unknown[]; where: string }): string {
  if (options.actions.length === 0) return '[]';
  const items = options.actions.map(
    (action, index) => `    ${renderAction({ action, where: `${options.where}/${index}` })} satisfies ActionDefinition as ActionDefinition,`,
  );
  return `[\n${items.join('\n')}\n  ]`;
}

/**
 * One action, its input fields and parameter mappings one per line: a change to one input is then a
 * one-line hunk, and the indentation of a pretty-printed field (a third of GitHub's input bytes)
 * goes away. Everything else is pretty-printed, short objects on one line.
 */
function renderAction(options: { action: unknown; where: string }): string {
  const { action, where } = options;
  if (!isRecord(action)) return renderLiteral(action, { indent: '    ', where, lineWidth: LINE_WIDTH });
  const parts = Object.entries(action)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const at = `${where}/${escapePointerSegment(key)}`;
      const rendered =
        key === 'inputSchema' && isRecord(value)
          ? renderEntriesPerLine({ record: value, indent: '      ', where: at })
          : key === 'api' && isRecord(value)
            ? renderApi({ api: value, where: at })
            : renderLiteral(value, { indent: '      ', where: at, lineWidth: LINE_WIDTH });
      return `      ${renderValuePropertyKey(key)}: ${rendered},`;
    });
  return `{\n${parts.join('\n')}\n    }`;
}

function renderApi(options: { api: Record<string, unknown>; where: string }): string {
  const parts = Object.entries(options.api)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const at = `${options.where}/${escapePointerSegment(key)}`;
      const rendered =
        key === 'paramMapping' && isRecord(value)
          ? renderEntriesPerLine({ record: value, indent: '        ', where: at })
          : renderLiteral(value, { indent: '        ', where: at, lineWidth: LINE_WIDTH });
      return `        ${renderValuePropertyKey(key)}: ${rendered},`;
    });
  return `{\n${parts.join('\n')}\n      }`;
}

/** A record with each entry on one line of its own, whatever its length, in the record's order. */
function renderEntriesPerLine(options: { record: Record<string, unknown>; indent: string; where: string }): string {
  const entries = Object.entries(options.record).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return '{}';
  const inner = `${options.indent}  `;
  const lines = entries.map(
    ([name, value]) =>
      `${inner}${renderValuePropertyKey(name)}: ${renderLiteral(value, { where: `${options.where}/${escapePointerSegment(name)}`, lineWidth: Number.MAX_SAFE_INTEGER })},`,
  );
  return `{\n${lines.join('\n')}\n${options.indent}}`;
}

/** Each shared schema on one line of its own, in the plan's (name) order. */
function renderSchemas(options: { schemas: Record<string, unknown>; where: string }): string {
  const entries = Object.entries(options.schemas).filter(([, schema]) => schema !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([name, schema]) =>
      `    ${renderValuePropertyKey(name)}: ${renderLiteral(schema, { where: `${options.where}/${escapePointerSegment(name)}`, lineWidth: Number.MAX_SAFE_INTEGER })},`,
  );
  return `{\n${lines.join('\n')}\n  }`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
