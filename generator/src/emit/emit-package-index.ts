import type { ConnectorPlan } from '../plan/types.ts';
import { assertIdentifier } from './assert-identifier.ts';
import { relativeModuleSpecifier } from './module-specifier.ts';
import { renderBanner, type BannerOptions } from './render-banner.ts';
import { renderStringLiteral } from './render-string-literal.ts';

/** `src/index.ts`: the package's public surface (definition, class, every type). */
export function emitPackageIndex(options: { plan: ConnectorPlan; banner: BannerOptions }): string {
  const { plan } = options;
  const from = plan.files.index;
  const specifier = (to: string): string => renderStringLiteral(relativeModuleSpecifier({ from, to }));
  const className = assertIdentifier({ name: plan.className, kind: 'class', location: { file: plan.provenance.specSource } });
  return [
    renderBanner(options.banner),
    `export { definition } from ${specifier(plan.files.definition)};`,
    `export { ${className} } from ${specifier(plan.files.connector)};`,
    `export type * from ${specifier(plan.files.types)};`,
    '',
  ].join('\n');
}
