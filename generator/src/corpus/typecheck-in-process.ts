/**
 * Type-checks generated packages inside this process with the TypeScript API, so a corpus of
 * thousands of specs does not start a compiler per spec. The emitted files live in memory under a
 * folder of the workspace (never written); everything else (lib files, the runtime's sources, vitest
 * and node types) is parsed once and its source files reused by every later program.
 */
import { join } from 'node:path';
import ts from 'typescript';
import type { EmittedFile } from '../emit/index.ts';

export interface TypecheckOutcome {
  ok: boolean;
  /** Error count and the first error (`file(line,col): TS1234 message`). */
  detail: string;
}

export interface PackageToCheck {
  name: string;
  files: readonly EmittedFile[];
}

export interface InProcessTypechecker {
  check(options: PackageToCheck): TypecheckOutcome;
  /** Several packages in one program (each in its own folder): the global setup is paid once. */
  checkMany(packages: readonly PackageToCheck[]): Map<string, TypecheckOutcome>;
}

/**
 * `resolution: 'bundler'` checks other generators' output the way they recommend (extensionless
 * relative imports); our packages are checked as they ship, under NodeNext.
 */
export function createInProcessTypechecker(root: string, settings: { resolution?: 'nodenext' | 'bundler' } = {}): InProcessTypechecker {
  const virtualRoot = join(root, '.corpus-in-memory');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@specwire/source'],
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    baseUrl: root,
    paths: {
      '@specwire/runtime': [join(root, 'runtime', 'src', 'index.ts')],
      '@specwire/runtime/testing': [join(root, 'runtime', 'src', 'testing', 'index.ts')],
    },
  };
  if (settings.resolution === 'bundler') {
    options.module = ts.ModuleKind.ESNext;
    options.moduleResolution = ts.ModuleResolutionKind.Bundler;
    options.verbatimModuleSyntax = false;
  }
  const shared = new Map<string, ts.SourceFile>();
  const baseHost = ts.createCompilerHost(options, true);
  const checkMany = (packages: readonly PackageToCheck[]): Map<string, TypecheckOutcome> => {
    const inMemory = new Map<string, string>();
    const rootsByPackage = new Map<string, { dir: string; roots: string[] }>();
    for (const { name, files } of packages) {
      const dir = join(virtualRoot, name.replace(/[^a-z0-9-]/gi, '_'));
      const roots: string[] = [];
      for (const file of files) {
        const path = join(dir, file.path);
        inMemory.set(path, file.contents);
        if (path.endsWith('.ts')) roots.push(path);
      }
      rootsByPackage.set(name, { dir, roots });
    }
    const host: ts.CompilerHost = {
      ...baseHost,
      fileExists: (file) => inMemory.has(file) || baseHost.fileExists(file),
      readFile: (file) => inMemory.get(file) ?? baseHost.readFile(file),
      directoryExists: (dir) => dir.startsWith(virtualRoot) || (baseHost.directoryExists?.(dir) ?? true),
      getSourceFile: (file, languageVersion) => {
        const text = inMemory.get(file);
        if (text !== undefined) return ts.createSourceFile(file, text, languageVersion, true);
        const cached = shared.get(file);
        if (cached) return cached;
        const parsed = baseHost.getSourceFile(file, languageVersion);
        if (parsed) shared.set(file, parsed);
        return parsed;
      },
    };
    const program = ts.createProgram({ rootNames: [...rootsByPackage.values()].flatMap((entry) => entry.roots), options, host });
    const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
    const outcomes = new Map<string, TypecheckOutcome>();
    for (const [name, { dir, roots }] of rootsByPackage) {
      const diagnostics: ts.Diagnostic[] = [...global];
      for (const file of roots) {
        const source = program.getSourceFile(file);
        if (source) diagnostics.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
      }
      const errors = diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
      outcomes.set(name, errors.length === 0 ? { ok: true, detail: '' } : { ok: false, detail: `${errors.length} error(s), first: ${formatDiagnostic({ diagnostic: errors[0]!, packageDir: dir })}` });
    }
    return outcomes;
  };
  return {
    checkMany,
    check: (target) => checkMany([target]).get(target.name) ?? { ok: false, detail: 'not checked' },
  };
}

function formatDiagnostic(options: { diagnostic: ts.Diagnostic; packageDir: string }): string {
  const { diagnostic } = options;
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').slice(0, 200);
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = diagnostic.file.fileName.startsWith(options.packageDir) ? diagnostic.file.fileName.slice(options.packageDir.length + 1) : diagnostic.file.fileName;
  return `${file}(${line + 1},${character + 1}): TS${diagnostic.code} ${message}`;
}
