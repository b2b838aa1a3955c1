/**
 * docs/CORPUS.md holds one section per kind of run, each between markers, so a run rewrites only its
 * own section and the text around the sections stays as written.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

export type ReportSection = 'shared' | 'directory' | 'sample' | 'compare';

export async function writeReportSection(options: { file: string; section: ReportSection; markdown: string }): Promise<void> {
  const start = `<!-- corpus:${options.section} -->`;
  const end = `<!-- /corpus:${options.section} -->`;
  const block = `${start}\n${options.markdown.trim()}\n${end}`;
  const current = existsSync(options.file) ? await readFile(options.file, 'utf8') : '# Corpus\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(options.file, next);
}
