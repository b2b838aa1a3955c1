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

export interface InProcessTypechecker {
  check(options: { name: string; files: readonly EmittedFile[] }): TypecheckOutcome;
}

export function createInProcessTypechecker(root: string): InProcessTypechecker {
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
  const shared = new Map<string, ts.SourceFile>();
  const baseHost = ts.createCompilerHost(options, true);
  return {
    check({ name, files }) {
      const packageDir = join(virtualRoot, name.replace(/[^a-z0-9-]/gi, '_'));
      const inMemory = new Map(files.map((file) => [join(packageDir, file.path), file.contents]));
      const host: ts.CompilerHost = {
        ...baseHost,
        fileExists: (file) => inMemory.has(file) || baseHost.fileExists(file),
        readFile: (file) => inMemory.get(file) ?? baseHost.readFile(file),
        directoryExists: (dir) => dir.startsWith(packageDir) || (baseHost.directoryExists?.(dir) ?? true),
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
      const rootNames = [...inMemory.keys()].filter((file) => file.endsWith('.ts'));
      const program = ts.createProgram({ rootNames, options, host });
      const diagnostics: ts.Diagnostic[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
      for (const file of rootNames) {
        const source = program.getSourceFile(file);
        if (!source) continue;
        diagnostics.push(...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source));
      }
      const errors = diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
      if (errors.length === 0) return { ok: true, detail: '' };
      return { ok: false, detail: `${errors.length} error(s), first: ${formatDiagnostic({ diagnostic: errors[0]!, packageDir })}` };
    },
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
