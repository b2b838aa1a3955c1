// Finds Debian's chromium on PATH. Without it the browser tests skip with one line, unless
// SPECWIRE_REQUIRE_BROWSER is set (CI installs chromium and sets it), where its absence fails.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function findChromium(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export const chromiumPath = findChromium();
export const browserRequired = Boolean(process.env.SPECWIRE_REQUIRE_BROWSER);

if (!chromiumPath) {
  if (browserRequired) throw new Error('SPECWIRE_REQUIRE_BROWSER is set but chromium is not on PATH');
  console.log('skipped: chromium not found on PATH; set SPECWIRE_REQUIRE_BROWSER=1 to require the browser tests');
}
