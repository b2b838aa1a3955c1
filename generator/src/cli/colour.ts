/**
 * Colour only for people: on a terminal, and never when NO_COLOR is set (https://no-color.org) or
 * the terminal says it cannot (`TERM=dumb`). Logs and pipes get plain text.
 */
export function colourEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export interface Palette {
  bold(text: string): string;
  green(text: string): string;
  red(text: string): string;
  dim(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string): string => text;

export function palette(enabled: boolean): Palette {
  if (!enabled) return { bold: plain, green: plain, red: plain, dim: plain };
  return { bold: ansi(1, 22), green: ansi(32, 39), red: ansi(31, 39), dim: ansi(2, 22) };
}
