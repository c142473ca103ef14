// The kernel binaries are embedded as base64 text (kernels-binary.ts); this turns one back
// into bytes, without Node's Buffer, so the engine also loads where only web APIs exist.
export function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
