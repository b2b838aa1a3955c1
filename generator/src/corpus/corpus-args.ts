/** `pnpm corpus [filter] [--directory] [--only S] [--skip S] [--sample N] [--seed S] [--resume] [--warnings] [--compare] [--report-only]`. */
export interface CorpusArgs {
  directory: boolean;
  sample?: number;
  seed: number;
  resume: boolean;
  warnings: boolean;
  /** Also run @hey-api/openapi-ts and openapi-typescript on the same specs. */
  compare: boolean;
  /** Rewrite docs/CORPUS.md from the results file without checking any more specs. */
  reportOnly: boolean;
  filter?: string;
  /**
   * `--only S`: just the directory specs whose path contains S, for a quick rerun of one spec or
   * family. Results go to a cache file of their own, every non-valid verdict is printed, and
   * docs/CORPUS.md is left alone.
   */
  only?: string;
  /**
   * `--skip S`: leave the specs whose path contains S unchecked in this run (they stay out of the
   * figures, which then say partial), so one spec that does not finish cannot hold up the rest.
   */
  skip?: string;
}

export function parseCorpusArgs(argv: readonly string[]): CorpusArgs {
  const args: CorpusArgs = { directory: false, seed: 1, resume: false, warnings: false, compare: false, reportOnly: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const number = (flag: string): number => {
      const value = Number(argv[(index += 1)]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number (see the corpus section of the README)`);
      return value;
    };
    if (arg === '--directory') args.directory = true;
    else if (arg === '--sample') args.sample = number(arg);
    else if (arg === '--seed') args.seed = number(arg);
    else if (arg === '--resume') args.resume = true;
    else if (arg === '--warnings') args.warnings = true;
    else if (arg === '--compare') args.compare = true;
    else if (arg === '--only') {
      const value = argv[(index += 1)];
      if (value === undefined || value === '' || value.startsWith('--')) throw new Error('--only needs part of a spec path, e.g. --only codat.io');
      args.only = value;
    }
    else if (arg === '--skip') {
      const value = argv[(index += 1)];
      if (value === undefined || value === '' || value.startsWith('--')) throw new Error('--skip needs part of a spec path, e.g. --skip microsoft.com/graph.json');
      args.skip = value;
    }
    else if (arg === '--report-only') {
      args.reportOnly = true;
      args.resume = true;
    }
    else if (arg.startsWith('--')) throw new Error(`unknown flag ${arg} (flags: --directory, --only S, --skip S, --sample N, --seed S, --resume, --warnings, --compare, --report-only)`);
    else args.filter = arg;
  }
  return args;
}
