import type { Project as TsMorphProject } from 'ts-morph';
import { IndentationText, NewLineKind, Project, QuoteKind } from './ts-morph-module.ts';

/**
 * A Project on an in-memory file system with the generated-code style (2 spaces, double quotes, LF).
 * Files are created once from a structure and read back; nothing is ever saved to disk from here.
 */
export function createEmitProject(): TsMorphProject {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Double,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
}
