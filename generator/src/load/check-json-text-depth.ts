import { SpecwireError } from '../errors/index.ts';
import { limitExceededMessage } from './limit-message.ts';

/** Scans JSON text for bracket depth (skipping strings) so deep nesting is refused before parsing. */
export function checkJsonTextDepth(options: { file: string; text: string; maxDepth: number }): void {
  const { text, maxDepth } = options;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index++; // backslash: skip the escaped character
      else if (code === 34) inString = false;
      continue;
    }
    if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      depth++;
      if (depth > maxDepth) {
        throw new SpecwireError(limitExceededMessage({ what: 'nesting depth', actual: `more than ${maxDepth} levels`, key: 'maxDepth', limit: maxDepth }), { file: options.file });
      }
    } else if (code === 125 || code === 93) depth--;
  }
}
