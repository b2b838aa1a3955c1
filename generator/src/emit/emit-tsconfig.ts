import { renderJsonFile } from './render-json.ts';

/**
 * `tsconfig.json` of a generated package. Standalone (no `extends`), so a package generated into any
 * folder typechecks with only its dependencies installed.
 */
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
