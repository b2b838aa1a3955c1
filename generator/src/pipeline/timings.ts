/** Wall-clock time per pipeline stage, summed over connectors, for `--timings`. */
export class StageTimings {
  private readonly totals = new Map<string, number>();

  async time<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }

  /** Adds time measured elsewhere (a worker thread's stages). */
  add(stage: string, ms: number): void {
    this.totals.set(stage, (this.totals.get(stage) ?? 0) + ms);
  }

  /** Milliseconds per stage, in first-seen order: what a worker sends back. */
  toRecord(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }

  /** One line per stage in first-seen order, e.g. `  normalise   412 ms`. */
  format(): string {
    return [...this.totals].map(([stage, ms]) => `  ${stage.padEnd(10)} ${Math.round(ms).toString().padStart(7)} ms`).join('\n');
  }
}
