import { SOURCE_CONDITION } from './emit-package-json.ts';
import { renderJsonFile } from './render-json.ts';

/**
 * `tsconfig.json` of a generated package. Standalone (no `extends`), so a package generated into any
 * folder typechecks with only its dependencies installed. Inside the workspace (`sourceCondition`)
 * it resolves workspace packages to their TypeScript sources; outside, to their published `dist/`.
 */
export function emitTsconfig(options: { include: string[]; sourceCondition: boolean }): string {
  return renderJsonFile({
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      ...(options.sourceCondition ? { customConditions: [SOURCE_CONDITION] } : {}),
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

/**
 * `tsconfig.build.json`: the same settings, emitting ES modules and declarations into `dist/esm`,
 * with `.ts` import specifiers rewritten to `.js`.
 */
export function emitBuildTsconfig(): string {
  return renderJsonFile({
    extends: './tsconfig.json',
    compilerOptions: { noEmit: false, outDir: 'dist/esm', rootDir: 'src', declaration: true, rewriteRelativeImportExtensions: true },
    include: ['src'],
  });
}

/**
 * `tsconfig.build-cjs.json`: the CommonJS copy in `dist/cjs` for `require` (its declarations sit next
 * to it, so TypeScript sees CommonJS types there). node10 resolution reads the runtime's own
 * `types`/`main`, which point at its CommonJS build.
 */
export function emitBuildCjsTsconfig(): string {
  return renderJsonFile({
    extends: './tsconfig.build.json',
    compilerOptions: { outDir: 'dist/cjs', module: 'CommonJS', moduleResolution: 'Node10', customConditions: null, verbatimModuleSyntax: false },
  });
}
