/** One specwire run over a bench workspace: `full` (everything regenerated) or `nochange` (incremental). */
import { generateWorkspace } from '../../generator/src/pipeline/generate-workspace.ts';
import { createGenerationProgress } from '../../generator/src/pipeline/progress.ts';
import { StageTimings } from '../../generator/src/pipeline/timings.ts';
import { reportResult } from './child-result.ts';
// Loaded before the clock starts, as the other tools' modules are: the measured time is the work.
import '../../generator/src/pipeline/connector-job.ts';

const [root, mode, workers] = process.argv.slice(2);
if (!root || (mode !== 'full' && mode !== 'nochange')) throw new Error('usage: child-specwire.ts <workspace> full|nochange [workers]');
const timings = new StageTimings();
const started = performance.now();
const result = await generateWorkspace({
  root,
  timings,
  progress: await createGenerationProgress({ quiet: true }),
  force: mode === 'full',
  workers: workers === undefined ? undefined : Number(workers),
});
reportResult({
  ms: performance.now() - started,
  stages: timings.toRecord(),
  actions: result.connectors.map((connector) => connector.actions),
  reused: result.connectors.filter((connector) => connector.reused).length,
});
