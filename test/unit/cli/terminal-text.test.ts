// Untrusted text on a terminal (issue 12, #10): escape sequences, forged line breaks and
// bidirectional overrides are printed as their escapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { terminalLine, terminalText } from '../../../src/cli/terminalText.ts';

test('control characters, C1 controls and bidi overrides become visible escapes', () => {
  assert.equal(terminalLine('\x1b[2Jcleared\x07'), '\\x1b[2Jcleared\\x07');
  assert.equal(terminalLine('a\nFAILED   forged\r'), 'a\\x0aFAILED   forged\\x0d');
  assert.equal(terminalLine('\x9b31m \u202eevil\u2066'), '\\x9b31m \\u202eevil\\u2066');
  assert.equal(terminalLine('λ = 0.01 — ‖w‖₂ ✓'), 'λ = 0.01 — ‖w‖₂ ✓');
});

test('a table keeps its line breaks and loses its escapes', () => {
  assert.equal(terminalText('title \x1b]0;pwned\x07\n  row\t1'), 'title \\x1b]0;pwned\\x07\n  row\\x091');
});
