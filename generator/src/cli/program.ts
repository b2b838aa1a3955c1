import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { colourEnabled, palette } from './colour.ts';
import { LIMIT_KEYS, limitOption } from './limit-options.ts';
import { wholeNumberAtLeast } from './option-parsers.ts';

/**
 * Every command and flag of `specwire`, declared without loading any of the pipeline: each action
 * imports its own modules when it runs, so `--help`, `--version` and a no-change `generate-all` pay
 * only for commander. Commander (already a dependency, well kept) gives subcommands, generated help,
 * "did you mean" and usage errors, which node's util.parseArgs does not.
 */
export function createProgram(): Command {
  const program = new Command('specwire')
    .description('Generate executable workflow connectors from OpenAPI specs.')
    .version(readOwnVersion(), '-v, --version', 'print the version')
    .configureHelp({ styleTitle: (title) => palette(colourEnabled(process.stdout)).bold(title) });
  usageErrorsAsOneLine(program);

  const generate = program
    .command('generate')
    .description('Generate one connector package into a folder.')
    .option('--spec <file-or-url>', 'OpenAPI document (JSON or YAML; a file, or an https:// URL on a public address); defaults to the override file\'s source')
    .requiredOption('--out <dir>', 'folder to write the package into (replaced atomically)')
    .option('--overrides <file>', 'override file (overrides/<name>.yaml)')
    .option('--name <id>', 'connector id (default: from the override file or the spec file name)')
    .option('--allow-external-refs', 'resolve $refs to files under the spec\'s own folder')
    .option('--validate [mode]', 'also check the spec against the official OpenAPI schemas (swagger-parser): warn (default) or error')
    .option('--allow-remote-refs', 'fetch $refs to http(s) URLs on public addresses (never loopback, private, link-local or metadata)');
  for (const key of LIMIT_KEYS) generate.addOption(limitOption(key));
  generate
    .option('--timings', 'print the time spent in each stage')
    .action(async (options) => (await import('./commands.ts')).runGenerateOne(options));

  program
    .command('generate-all')
    .description('Regenerate every connector of the workspace into generated/ (what `pnpm generate` runs).')
    .option('--timings', 'print the time spent in each stage')
    .option('--quiet', 'print only errors')
    .option('--check', 'write nothing; exit 1 listing stale, missing and extra files when generated/ is out of date')
    .option('--force', 'regenerate connectors whose spec, overrides and generator are unchanged too')
    .option('--workers <n>', 'worker threads (0 or 1: generate on the main thread)', wholeNumberAtLeast(0))
    .action(async (options) => (await import('./generate-all-command.ts')).runGenerateAll(options));

  program
    .command('add')
    .description('Scaffold overrides/<name>.yaml for a new connector: source, metadata, and tags with operation counts.')
    .argument('<spec>', 'a spec file inside the workspace (e.g. specs/acme.yaml) or a file inside an installed npm package (<package>/<file>)')
    .option('--name <id>', 'connector id (default: from the spec file name)')
    .action(async (spec: string, options: { name?: string }) => {
      const file = await (await import('./add-command.ts')).runAdd({ spec, name: options.name });
      process.stdout.write(`wrote ${file}: curate it, then run \`pnpm generate\`\n`);
    });

  program
    .command('diff')
    .description('Compare connector definitions at a git ref with the working tree: actions, inputs, enums, auth, base URL, triggers, names and descriptions.')
    .option('--base <git-ref>', 'git ref to compare with', 'HEAD')
    .option('--worktree', 'compare generated/ with what regenerating the current specs/ and overrides/ would produce (writes nothing)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md']).default('text'))
    .addOption(new Option('--fail-on <level>', 'exit 1 when there are changes of this level').choices(['breaking', 'any']))
    .action(async (options) => (await import('./diff-command.ts')).runDiff(options));

  program
    .command('mcp')
    .description('Serve a generated connector of the workspace as an MCP server on stdio: one tool per action.')
    .argument('<connector>', 'connector name (a folder of generated/)')
    .option('--env', 'print the environment variables this connector reads, then exit')
    .option('--overrides <file>', 'override file whose mcp: section picks and names the tools (default: overrides/<connector>.yaml when present)')
    .option('--http <port>', 'serve Streamable HTTP at http://127.0.0.1:<port>/mcp instead of stdio (0: a free port, printed on stderr)', wholeNumberAtLeast(0))
    .addHelpText('after', [
      '',
      'Environment:',
      '  SPECWIRE_<CONNECTOR>_<FIELD>  a credential: the connector name and the auth field key in upper snake case',
      '                                (github + accessToken → SPECWIRE_GITHUB_ACCESS_TOKEN)',
      '  SPECWIRE_<CONNECTOR>_BASE_URL the API base URL instead of the definition\'s (e.g. a local test server)',
      '',
      'Stdout carries the protocol: run it as `pnpm --silent specwire mcp <connector>` or through node directly.',
      '',
    ].join('\n'))
    .action(async (connector: string, options: { env?: boolean; overrides?: string; http?: number }) => (await import('./mcp-command.ts')).runMcp(connector, options));

  for (const command of program.commands) usageErrorsAsOneLine(command);
  return program;
}

/** A usage error is commander's one line (`error: unknown option '--x'`) and a hint, not the whole help. */
function usageErrorsAsOneLine(command: Command): void {
  const name = command.parent ? `specwire ${command.name()}` : 'specwire';
  command.showHelpAfterError(`(run \`${name} --help\` for usage)`).showSuggestionAfterError(true);
}

/** generator/package.json, one folder above both src/cli and dist/cli. */
function readOwnVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
