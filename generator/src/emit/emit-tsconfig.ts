import { renderJsonFile } from './render-json.ts';

/**
 * `tsconfig.json` of a generated package. Standalone (no `extends`), so a package generated into any
 * folder typechecks with only its dependencies installed.
 */
/**
 * `tsconfig.build.json`: the same settings, emitting JavaScript and declarations into `dist/` for the
 * published package (`publishConfig.exports`), with `.ts` import specifiers rewritten to `.js`.
 */
export function emitBuildTsconfig(): string {
  return renderJsonFile({
    extends: './tsconfig.json',
    compilerOptions: { noEmit: false, outDir: 'dist', rootDir: 'src', declaration: true, rewriteRelativeImportExtensions: true },
    include: ['src'],
  });
}

export function emitTsconfig(options: { include: string[] }): string {
  return renderJsonFile({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      forceConsistentCasingInFileNames: true,
    },
    include: options.include,
  });
}
