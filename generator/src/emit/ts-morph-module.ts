/**
 * ts-morph, loaded with `require`. It is CommonJS, with TypeScript bundled inside: imported from an ES
 * module, Node 20 first parses its whole source to detect the module format and then lexes it again
 * for named exports, about 0.2 s of CPU per process that `require` does not spend. Types still come
 * from `import type … from 'ts-morph'`, which loads nothing.
 */
import { createRequire } from 'node:module';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { IndentationText, NewLineKind, Project, QuoteKind, StructureKind } = tsMorph;
