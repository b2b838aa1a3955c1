/** `pnpm corpus [filter] [--directory] [--sample N] [--seed S] [--resume] [--warnings] [--compare] [--report-only]`. */
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
    else if (arg === '--report-only') {
      args.reportOnly = true;
      args.resume = true;
    }
    else if (arg.startsWith('--')) throw new Error(`unknown flag ${arg} (flags: --directory, --sample N, --seed S, --resume, --warnings, --compare, --report-only)`);
    else args.filter = arg;
  }
  return args;
}
