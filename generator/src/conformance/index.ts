export { checkConformance, type CheckConformanceOptions } from './check-conformance.ts';
export { sampleActionInputs } from './sample-inputs.ts';
export { readVendorSpec, type VendorDocument } from './vendor-spec.ts';
export { countOutcomes, type ConformanceOutcome, type ConformanceReport, type ConformanceSample, type OperationConformance, type UnsampledAction } from './types.ts';
export { listCommittedConnectors, type CommittedConnector } from './committed-connectors.ts';
