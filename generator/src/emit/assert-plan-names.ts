import { SpecwireError } from '../errors/index.ts';
import type { ConnectorPlan } from '../plan/types.ts';
import { assertIdentifier } from './assert-identifier.ts';

/** Names openapi-typescript declares at the top level of types.gen.ts, plus the emitter's own helper. */
export const TAKEN_TYPE_NAMES: ReadonlySet<string> = new Set(['paths', 'webhooks', 'components', '$defs', 'operations', 'RenamedKeys']);

/**
 * Checks every name the plan hands to the emitters before anything is rendered: each is a safe
 * identifier, method names are unique, type names are unique and do not clash with generated
 * declarations or the class. The planner guarantees all of this; a failure here is a planner bug.
 */
export function assertPlanNames(plan: ConnectorPlan): void {
  const file = plan.provenance.specSource;
  assertIdentifier({ name: plan.className, kind: 'class', location: { file } });
  const methods = new Set<string>();
  const types = new Set<string>([plan.className, ...TAKEN_TYPE_NAMES]);
  for (const action of plan.actions) {
    const location = { file, pointer: action.pointer };
    assertIdentifier({ name: action.methodName, kind: 'method', location });
    if (methods.has(action.methodName)) {
      throw new SpecwireError(`emit: method name ${JSON.stringify(action.methodName)} is used twice (planner bug)`, location);
    }
    methods.add(action.methodName);
    for (const name of [action.inputTypeName, action.outputTypeName]) {
      assertIdentifier({ name, kind: 'type', location });
      if (types.has(name)) {
        throw new SpecwireError(`emit: type name ${JSON.stringify(name)} is used twice or clashes with a generated declaration (planner bug)`, location);
      }
      types.add(name);
    }
  }
}
