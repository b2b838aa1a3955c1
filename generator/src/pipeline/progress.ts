import type { createLogUpdate } from 'log-update';
import { colourEnabled, palette } from '../cli/colour.ts';

/** What a long `pnpm generate` shows while it runs: one line per connector. */
export interface GenerationProgress {
  /** Connectors known up front, in display order. */
  plan(labels: string[]): void;
  start(label: string): void;
  /** `detail` e.g. `59 actions`, `unchanged`. */
  done(label: string, detail: string): void;
  /** Final summary line; stops any animation. */
  finish(summary: string): void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A live block of per-connector lines with timings on a terminal (log-update redraws it in place,
 * coloured unless NO_COLOR); plain lines when stdout is not a TTY (CI logs): one as soon as the
 * connectors are known, then one per finished connector; nothing with `quiet`. log-update (and the
 * terminal-width packages under it) is loaded only for a terminal: a pipe or a log does not pay for it.
 */
export async function createGenerationProgress(options: { quiet: boolean; stream?: NodeJS.WriteStream }): Promise<GenerationProgress> {
  const stream = options.stream ?? process.stdout;
  if (options.quiet) return { plan() {}, start() {}, done() {}, finish() {} };
  if (!stream.isTTY) {
    const started = new Map<string, number>();
    return {
      plan: (labels) => stream.write(`${labels.length} connectors: unchanged ones are reused, the rest generated\n`),
      start: (label) => started.set(label, performance.now()),
      done: (label, detail) => stream.write(`${label}: ${detail}${elapsed(started.get(label))}\n`),
      finish: (summary) => {
        if (summary) stream.write(`${summary}\n`);
      },
    };
  }
  const { createLogUpdate } = await import('log-update');
  return createLiveProgress({ stream, render: createLogUpdate(stream) });
}

function createLiveProgress(options: { stream: NodeJS.WriteStream; render: ReturnType<typeof createLogUpdate> }): GenerationProgress {
  const { stream, render } = options;
  const colours = palette(colourEnabled(stream));
  const rows = new Map<string, { started?: number; ended?: number; detail?: string }>();
  let frame = 0;
  const draw = (): void => {
    frame += 1;
    const width = Math.max(...[...rows.keys()].map((label) => label.length), 0);
    const lines = [...rows].map(([label, row]) => {
      const name = label.padEnd(width);
      if (row.detail !== undefined) return `${colours.green('✓')} ${name}  ${row.detail}${colours.dim(elapsed(row.started, row.ended))}`;
      if (row.started !== undefined) return `${SPINNER[frame % SPINNER.length]} ${name}  ${formatMs(performance.now() - row.started)}`;
      return colours.dim(`· ${name}  waiting`);
    });
    render(lines.join('\n'));
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    plan: (labels) => {
      for (const label of labels) rows.set(label, {});
      draw();
    },
    start: (label) => {
      rows.set(label, { started: performance.now() });
      draw();
    },
    done: (label, detail) => {
      const row = rows.get(label) ?? {};
      rows.set(label, { ...row, ended: performance.now(), detail });
      draw();
    },
    finish: (summary) => {
      clearInterval(timer);
      draw();
      render.done();
      if (summary) stream.write(`${summary}\n`);
    },
  };
}

function elapsed(started: number | undefined, ended: number = performance.now()): string {
  return started === undefined ? '' : ` (${formatMs(ended - started)})`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
