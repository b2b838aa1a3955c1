/** The registry package: one entry per connector, sorted by name; two connectors may not share one. */
import { SpecwireError } from '../errors/index.ts';
import type { ConnectorPlan, RegistryPlan } from './types.ts';

export const REGISTRY_PACKAGE_NAME = '@specwire/connectors';

export function planRegistry(plans: ConnectorPlan[]): RegistryPlan {
  const entries = plans
    .map((plan) => ({ name: plan.name, packageName: plan.packageName, displayName: plan.definition.display_name, className: plan.className }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let index = 1; index < entries.length; index += 1) {
    if (entries[index]?.name === entries[index - 1]?.name) {
      throw new SpecwireError(`two connectors are both named ${JSON.stringify(entries[index]?.name)}`);
    }
  }
  return { packageName: REGISTRY_PACKAGE_NAME, entries };
}
