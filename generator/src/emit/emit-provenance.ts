import type { ConnectorPlan } from '../plan/types.ts';
import { renderJsonFile, sortKeysDeep } from './render-json.ts';

/** `specwire.provenance.json`: the plan's provenance with sorted keys; no timestamps, so it only changes with its inputs. */
export function emitProvenance(plan: ConnectorPlan): string {
  return renderJsonFile(sortKeysDeep(plan.provenance));
}
