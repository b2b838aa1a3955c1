/**
 * One spec through the whole corpus check, in this process: generate in memory, type-check with the
 * in-process checker, then judge every action's request against the vendor spec.
 */
import { checkConformance, readVendorSpec, sampleActionInputs } from '../conformance/index.ts';
import { isSpecwireError } from '../errors/index.ts';
import { generateConnector, type GeneratedConnector } from '../pipeline/generate-connector.ts';
import { StageTimings } from '../pipeline/timings.ts';
import type { InProcessTypechecker } from './typecheck-in-process.ts';
import { classifyRefusal, warningKind, type SpecResult } from './spec-result.ts';

export interface CheckSpecOptions {
  /** How the spec is named in results (`stripe.com.json`, `amazonaws.com/acm`). */
  spec: string;
  specFile: string;
  name: string;
  generatorVersion: string;
  /** `undefined` skips type-checking (the caller checks another way). */
  typechecker?: InProcessTypechecker;
  /** How many non-valid verdicts the result keeps (20 unless told). */
  issueLimit?: number;
}

export async function checkSpec(options: CheckSpecOptions): Promise<{ result: SpecResult; generated?: GeneratedConnector }> {
  const started = performance.now();
  const seconds = (): number => Math.round((performance.now() - started) / 100) / 10;
  const { spec } = options;
  let generated: GeneratedConnector;
  const phases: Record<string, number> = {};
  let phaseStart = performance.now();
  const endPhase = (phase: string): void => {
    phases[phase] = Math.round(performance.now() - phaseStart);
    phaseStart = performance.now();
  };
  try {
    generated = await generateConnector({
      specFile: options.specFile,
      specLabel: spec,
      defaultName: options.name,
      runtimeRange: 'workspace:*',
      generatorVersion: options.generatorVersion,
      timings: new StageTimings(),
    });
  } catch (error) {
    if (isSpecwireError(error)) {
      const refusal = error.format();
      return { result: { spec, status: 'refused', refusal, refusalClass: classifyRefusal(refusal), seconds: seconds() } };
    }
    return { result: { spec, status: 'crash', crash: describeCrash(error), seconds: seconds() } };
  }
  endPhase('generate');
  const coverage = generated.plan.coverage?.entries ?? [];
  const warnings: Record<string, number> = {};
  for (const warning of generated.warnings) {
    const kind = warningKind(warning.message);
    warnings[kind] = (warnings[kind] ?? 0) + 1;
  }
  const result: SpecResult = {
    spec,
    status: 'generated',
    operations: generated.operationCount,
    actions: generated.plan.actions.length,
    degradedOperations: coverage.filter((entry) => (entry.degraded?.length ?? 0) > 0).length,
    excludedOperations: coverage.filter((entry) => entry.unreadable !== undefined).length,
    warnings,
    seconds: 0,
    phases,
  };
  if (options.typechecker) {
    try {
      result.typecheck = options.typechecker.check({ name: options.name, files: generated.files });
      endPhase('typecheck');
    } catch (error) {
      return { result: { ...result, status: 'crash', crash: `typecheck: ${describeCrash(error)}`, seconds: seconds() }, generated };
    }
  }
  try {
    const definition = generated.plan.definition;
    const { samples, unsampled } = sampleActionInputs(definition);
    const report = await checkConformance({ spec: await readVendorSpec(options.specFile), definition, samples, unsampled });
    result.conformance = report.counts;
    result.conformanceIssues = report.operations
      .filter((operation) => operation.outcome !== 'valid' && operation.outcome !== 'unsampled')
      .slice(0, options.issueLimit ?? 20)
      .map((operation) => `${operation.outcome} ${operation.operation}: ${operation.reason ?? ''}`);
  } catch (error) {
    result.judgeError = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
  }
  endPhase('conformance');
  result.seconds = seconds();
  return { result, generated };
}

function describeCrash(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? error.message).split('\n').slice(0, 6).join('\n');
  return String(error);
}
