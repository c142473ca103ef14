// The web build has no synchronous gunzip: the extension host unpacks a .gz data file
// (DecompressionStream) before a Web Worker gets its bytes, so a worker only meets gzip
// data when that failed.
export function gunzipSync(_bytes: Uint8Array, _options: { maxOutputLength: number }): Uint8Array {
  throw new Error('the browser could not unpack it before training');
}
