/** A line only in the old file (`-`) or only in the new one (`+`), with its index in that file. */
export interface LineChange {
  sign: '-' | '+';
  line: string;
  index: number;
}

/** Lines removed and added between two texts, by longest common subsequence (small files only). */
export function diffLines(before: string, after: string): LineChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      changes.push({ sign: '+', line: b[j]!, index: j });
      j += 1;
    } else {
      changes.push({ sign: '-', line: a[i]!, index: i });
      i += 1;
    }
  }
  return changes;
}

/** Runs of consecutive added lines, as the text of each run. */
export function addedHunks(changes: LineChange[]): string[] {
  const hunks: string[][] = [];
  let previous = -2;
  for (const change of changes) {
    if (change.sign !== '+') continue;
    if (change.index !== previous + 1) hunks.push([]);
    hunks[hunks.length - 1]!.push(change.line);
    previous = change.index;
  }
  return hunks.map((lines) => lines.join('\n'));
}
