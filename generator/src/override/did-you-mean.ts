/** The closest candidate to a misspelt name, for "did you mean …" in errors; undefined when none is close. */
export function closestName(options: { name: string; candidates: Iterable<string> }): string | undefined {
  const wanted = options.name.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of options.candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (!best || distance < best.distance || (distance === best.distance && candidate < best.candidate)) {
      best = { candidate, distance };
    }
  }
  // Beyond a third of the name's length the suggestion is more confusing than helpful.
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.candidate : undefined;
}

export function didYouMean(options: { name: string; candidates: Iterable<string> }): string {
  const closest = closestName(options);
  return closest === undefined ? '' : ` (did you mean "${closest}"?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
