import type { ConnectorPlan } from '../plan/types.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { renderLiteral } from './render-literal.ts';

/**
 * `src/definition.gen.ts`: the plan's definition as one annotated object literal. An annotation
 * rather than `as const satisfies`: readonly tuples of a huge literal typecheck slowly and do not fit
 * the mutable arrays of `ConnectorDefinition`.
 */
export function emitDefinition(options: { plan: ConnectorPlan; banner: BannerOptions }): string {
  const literal = renderLiteral(options.plan.definition, { where: '/definition' });
  return [
    renderBanner(options.banner),
    'import type { ConnectorDefinition } from "@specwire/runtime";',
    '',
    `export const definition: ConnectorDefinition = ${literal};`,
    '',
  ].join('\n');
}
