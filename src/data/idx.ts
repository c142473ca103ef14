// The IDX format of MNIST (yann.lecun.com/exdb/mnist): a big-endian magic number whose
// last byte is the number of dimensions (0x00000803: u8 images [n, rows, cols];
// 0x00000801: u8 labels [n]), the dimensions as big-endian u32, then the bytes. Files
// may be gzipped, as they are distributed; that is recognised by gzip's 0x1f 0x8b magic.
import { gunzipSync } from '../platform/gunzip.ts';
import { MAX_DATA_FILE_BYTES, megabytes } from './paths.ts';

export const IDX_IMAGES = 0x00000803;
export const IDX_LABELS = 0x00000801;

/** What is wrong with the file; the caller adds which file it was. */
export class IdxError extends Error {}

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** `maxBytes` bounds the unpacked size of a .gz: a few kilobytes can unpack to gigabytes. */
export function decodeIdx(file: Uint8Array, expectedMagic: number, maxBytes = MAX_DATA_FILE_BYTES): IdxArray {
  const bytes = isGzip(file) ? gunzip(file, maxBytes) : file;
  if (bytes.length < 4) throw new IdxError(`is truncated: ${bytes.length} bytes, not even a magic number`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== expectedMagic) {
    const kind = expectedMagic === IDX_IMAGES ? 'u8 images [n, rows, cols]' : 'u8 labels [n]';
    throw new IdxError(`is not an IDX file of ${kind}: magic number ${hex(magic)}, expected ${hex(expectedMagic)}`);
  }
  const rank = magic & 0xff;
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) throw new IdxError(`is truncated inside its header (${bytes.length} bytes)`);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  const available = bytes.length - headerBytes;
  if (available < size) {
    throw new IdxError(`is truncated: its header announces [${dims.join(', ')}] = ${size} bytes of data, it holds ${available}`);
  }
  return { dims, data: bytes.subarray(headerBytes, headerBytes + size) };
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IdxError(`unpacks to more than ${megabytes(maxBytes)}, the limit for data files`);
    }
    throw new IdxError(`is gzipped but cannot be unpacked (${(error as Error).message})`);
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
