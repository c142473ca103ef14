// The panel's HTML, without vscode: the host passes the webview's cspSource and the URIs of
// the script, the stylesheet and the codicons (asWebviewUri), and optionally the state to
// show at once (the serializer's, after a restart) or the messages a new page applies before
// its first draw (a session that opened the panel). The CSP lets nothing run but our one
// script (by nonce), and nothing load but files of the extension itself.
import type { HostMessage, PanelState } from './contract.ts';

export interface PanelHtmlOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /**
   * The script's own text, written into the page instead of fetched from `scriptUri`
   * (src/extension/panelAssets.ts says why); fetched when absent or when it could end its element.
   */
  scriptText?: string | undefined;
  /** Likewise the stylesheets' text, for `codiconsUri` and `styleUri`. */
  styleText?: string | undefined;
  styleUri: string;
  codiconsUri: string;
  state?: PanelState | null;
  /** Host messages the page applies at once, as if posted before its first frame. */
  messages?: HostMessage[];
  title?: string;
}

/** The id of the JSON block that carries the initial state, read by the page before any message. */
export const INITIAL_STATE_ID = 'reglab-initial-state';
/** The id of the JSON block with the messages a new page applies before its first draw. */
export const BOOT_MESSAGES_ID = 'reglab-boot-messages';

/** The page's CSP; `inlineStyle` also lets the one <style> element carrying the nonce apply. */
export function panelCsp(cspSource: string, nonce: string, inlineStyle = false): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    inlineStyle ? `style-src ${cspSource} 'nonce-${nonce}'` : `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function panelHtml(options: PanelHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, codiconsUri, scriptText, styleText } = options;
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('panelHtml: the nonce must be 16 or more base64 characters');
  const inlineStyle = styleText !== undefined && !/<\/style/i.test(styleText);
  const styles = inlineStyle
    ? `<style nonce="${nonce}">${styleText}</style>`
    : `<link rel="stylesheet" href="${escapeAttribute(codiconsUri)}">\n<link rel="stylesheet" href="${escapeAttribute(styleUri)}">`;
  const script = scriptText !== undefined && canInline(scriptText)
    ? `<script nonce="${nonce}">${scriptText}</script>`
    : `<script nonce="${nonce}" src="${escapeAttribute(scriptUri)}"></script>`;
  const json = (id: string, value: unknown) => `\n<script type="application/json" id="${id}" nonce="${nonce}">${jsonForScript(value)}</script>`;
  const embedded = (options.state == null ? '' : json(INITIAL_STATE_ID, options.state)) + (options.messages === undefined ? '' : json(BOOT_MESSAGES_ID, options.messages));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(panelCsp(cspSource, nonce, inlineStyle))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${styles}
<title>${escapeText(options.title ?? 'Reglab')}</title>
</head>
<body data-state="empty">
<noscript>The Reglab panel needs JavaScript.</noscript>${embedded}
${script}
</body>
</html>
`;
}

/** codicon.css with its font at `fontUri` (it names the font relative to itself, which an inline copy is not). */
export function withCodiconFont(css: string, fontUri: string): string {
  return css.replace(/url\((["']?)\.\/codicon\.ttf[^"')]*\1\)/g, `url("${fontUri}")`);
}

/** A script can sit inside a <script> element when nothing in it can end the element or open a comment. */
export function canInline(script: string): boolean {
  return !/<\/script|<!--/i.test(script);
}

/** 32 random characters, base64url: a new one for every HTML the panel gets. */
export function newNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_');
}

/** JSON that cannot close its <script> element nor start an HTML comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
