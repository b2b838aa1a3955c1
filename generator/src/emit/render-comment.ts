/**
 * The escapers for spec text that ends up in comments. Every piece of spec text rendered into a
 * comment goes through one of these two functions, never straight into the source.
 */

/** Line terminators as ECMAScript sees them (a U+2028 inside a `//` comment ends the comment). */
const LINE_TERMINATORS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/** C0/C1 controls except tab and newline, plus bidi controls that can make code look different from what it is. */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a `//` comment: one line, no terminators, no controls. */
export function renderLineComment(text: string): string {
  return `// ${text.replace(LINE_TERMINATORS, ' ').replace(INVISIBLE_CONTROLS, '').replace(/\t/g, ' ').trimEnd()}`;
}

/**
 * Text for inside a JSDoc block (without the `/**` and `*\/` delimiters, which the printer adds):
 * line breaks normalised to `\n`, controls removed, and every `*\/` turned into `*\/` with a
 * backslash so the comment cannot be closed early. ts-morph writes JSDoc descriptions verbatim, so
 * this must happen before the text reaches it. Outer blank lines and trailing spaces are trimmed.
 */
export function renderJsDocText(text: string): string {
  return text
    .replace(LINE_TERMINATORS, '\n')
    .replace(INVISIBLE_CONTROLS, '')
    .replace(/\*\//g, '*\\/')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
