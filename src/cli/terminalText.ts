// Text from experiment files, data files and file names is printed on a terminal, which
// obeys escape sequences: a title holding ESC [ 2 J would clear the screen, one holding a
// line break and "FAILED" would forge a line, a bidirectional override would reorder what
// is read. Every such character is shown as its escape instead (\x1b, \u202e), harmless.

// C0 controls (a line break is kept only where lines are meant), DEL, C1 controls, and the
// bidirectional embeddings, overrides and isolates.
const SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const MULTI_LINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of untrusted text, safe to print. */
export function terminalLine(text: string): string {
  return text.replace(SINGLE_LINE, escape);
}

/** Lines of text holding untrusted parts (a summary table): line breaks stay, nothing else does. */
export function terminalText(text: string): string {
  return text.replace(MULTI_LINE, escape);
}
