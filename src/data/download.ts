// Downloads the full MNIST or Fashion-MNIST (their four gzipped IDX files) into a folder, for
// experiments that want more than the 10,000 digits Reglab ships. Free of vscode: the command
// (extension/downloadMnist.ts) and the CLI (`reglab download`) call it, the tests point it
// at a local server.
//
// Each file is streamed into a hidden temporary file beside its target while its MD5 is
// computed, checked against the published checksum, and only then renamed onto its name:
// a cancel, a lost connection or a wrong checksum leaves no partial or unverified file. A
// file already there with the right checksum is kept, not fetched again.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';

export interface IdxFile {
  name: string;
  /** The published MD5 of the .gz, as torchvision checks it. */
  md5: string;
}

export interface DownloadableSet {
  title: string;
  /** Default folder, relative to the workspace. */
  folder: string;
  /** Default base URL; each file is fetched from base + name. */
  mirror: string;
  files: readonly IdxFile[];
}

export type DownloadableName = 'mnist' | 'fashion-mnist';

/** The official files and checksums (torchvision's datasets.MNIST and FashionMNIST list the same). */
export const DOWNLOADABLE: Record<DownloadableName, DownloadableSet> = {
  mnist: {
    title: 'MNIST',
    folder: 'data/mnist',
    // yann.lecun.com no longer serves the files reliably; this is torchvision's mirror.
    mirror: 'https://ossci-datasets.s3.amazonaws.com/mnist/',
    files: [
      { name: 'train-images-idx3-ubyte.gz', md5: 'f68b3c2dcbeaaa9fbdd348bbdeb94873' },
      { name: 'train-labels-idx1-ubyte.gz', md5: 'd53e105ee54ea40749a09fcbcd1e9432' },
      { name: 't10k-images-idx3-ubyte.gz', md5: '9fb629c4189551a2d022fa330f9573f3' },
      { name: 't10k-labels-idx1-ubyte.gz', md5: 'ec29112dd5afa0611ce80d1b7f02629c' },
    ],
  },
  'fashion-mnist': {
    title: 'Fashion-MNIST',
    folder: 'data/fashion-mnist',
    mirror: 'https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/',
    files: [
      { name: 'train-images-idx3-ubyte.gz', md5: '8d4fb7e6c68d591d4c3dfef9ec88bf0d' },
      { name: 'train-labels-idx1-ubyte.gz', md5: '25c81989df183df01b3e8a0aad5dffbe' },
      { name: 't10k-images-idx3-ubyte.gz', md5: 'bef4ecab320f06d8554ea6380940ec79' },
      { name: 't10k-labels-idx1-ubyte.gz', md5: 'bb300cfdad3c16e7a12a480ee83cd310' },
    ],
  },
};

export interface DownloadProgress {
  /** The file being fetched, its index among `count`. */
  file: string;
  index: number;
  count: number;
  /** Bytes of this file received so far, and its size when the server says. */
  received: number;
  total: number | undefined;
}

export interface DownloadOptions {
  /** The folder to write into (created when missing). */
  dir: string;
  /** Base URL, http or https; each file is fetched from base + name. */
  baseUrl: string;
  files: readonly IdxFile[];
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Milliseconds without a byte before giving up (default 30 s). */
  idleTimeoutMs?: number;
}

export type DownloadErrorKind = 'offline' | 'http' | 'checksum' | 'cancelled' | 'disk';

/** Why a download stopped, in a sentence a user can act on. */
export class DownloadError extends Error {
  constructor(
    readonly kind: DownloadErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface DownloadResult {
  /** The files fetched now, and those already there with the right checksum. */
  downloaded: string[];
  kept: string[];
}

const MAX_REDIRECTS = 5;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENETDOWN']);

/** Fetches every file that is not already there, verified; throws a DownloadError. */
export async function downloadIdxFiles(options: DownloadOptions): Promise<DownloadResult> {
  const base = baseUrlOf(options.baseUrl);
  try {
    mkdirSync(options.dir, { recursive: true });
  } catch (error) {
    throw new DownloadError('disk', `cannot create ${options.dir} (${(error as Error).message})`);
  }
  const result: DownloadResult = { downloaded: [], kept: [] };
  for (const [index, file] of options.files.entries()) {
    throwIfCancelled(options.signal);
    const target = join(options.dir, file.name);
    if ((await md5OfFile(target)) === file.md5) {
      result.kept.push(file.name);
      continue;
    }
    await downloadOne(new URL(file.name, base), target, file, index, options);
    result.downloaded.push(file.name);
  }
  return result;
}

function baseUrlOf(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.endsWith('/') ? text : `${text}/`);
  } catch {
    throw new DownloadError('http', `"${text}" is not a URL; the mirror must be an http:// or https:// address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DownloadError('http', `"${text}" is not an http:// or https:// address`);
  }
  return url;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DownloadError('cancelled', 'the download was cancelled; no partial file was kept');
}

/** The MD5 of a file, or undefined when there is none. */
async function md5OfFile(path: string): Promise<string | undefined> {
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function downloadOne(url: URL, target: string, file: IdxFile, index: number, options: DownloadOptions): Promise<void> {
  const temp = join(options.dir, `.${file.name}.${randomBytes(4).toString('hex')}.part`);
  try {
    const response = await request(url, options, MAX_REDIRECTS);
    const length = Number(response.headers['content-length']);
    const total = Number.isFinite(length) && length > 0 ? length : undefined;
    const md5 = await save(response, url, temp, (received) => options.onProgress?.({ file: file.name, index, count: options.files.length, received, total }), options);
    if (md5 !== file.md5) {
      throw new DownloadError('checksum', `${file.name} from ${url.origin} does not match its published checksum (MD5 ${md5}, expected ${file.md5}): a wrong or damaged file; it was not kept`);
    }
    try {
      renameSync(temp, target);
    } catch (error) {
      throw new DownloadError('disk', `cannot write ${target} (${(error as Error).message})`);
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** A 200 response for `url`, following redirects. */
function request(url: URL, options: DownloadOptions, redirectsLeft: number): Promise<IncomingMessage> {
  throwIfCancelled(options.signal);
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    // A fresh connection per file (agent: false): a pooled one the server has since closed would fail as a reset.
    const req = get(url, { agent: false, signal: options.signal, headers: { 'user-agent': 'reglab' } }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        response.resume();
        if (redirectsLeft === 0) return reject(new DownloadError('http', `${url.href}: too many redirects`));
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return reject(new DownloadError('http', `${url.href} redirects to "${location}", which is not a URL`));
        }
        return resolve(request(next, options, redirectsLeft - 1));
      }
      if (status !== 200) {
        response.resume();
        return reject(new DownloadError('http', `${url.href} answered ${status} ${response.statusMessage ?? ''}`.trim() + '; is the mirror setting right?'));
      }
      resolve(response);
    });
    req.setTimeout(options.idleTimeoutMs ?? 30_000, () => req.destroy(Object.assign(new Error('no answer'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => reject(networkError(error, url, options.signal)));
  });
}

/** Streams the body into `temp`, hashing it; resolves to its MD5. */
function save(response: IncomingMessage, url: URL, temp: string, progress: (received: number) => void, options: DownloadOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('md5');
    const out = createWriteStream(temp, { flags: 'wx' });
    let received = 0;
    let failed = false;
    const onAbort = () => fail(new DownloadError('cancelled', 'the download was cancelled; no partial file was kept'));
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      options.signal?.removeEventListener('abort', onAbort);
      response.destroy();
      out.destroy();
      reject(error instanceof DownloadError ? error : networkError(error, url, options.signal));
    };
    response.setTimeout(options.idleTimeoutMs ?? 30_000, () => fail(Object.assign(new Error('the connection went quiet'), { code: 'ETIMEDOUT' })));
    response.on('data', (chunk: Buffer) => {
      received += chunk.length;
      hash.update(chunk);
      if (!out.write(chunk)) response.pause();
      progress(received);
    });
    out.on('drain', () => response.resume());
    response.on('error', fail);
    response.on('aborted', () => fail(Object.assign(new Error('the server closed the connection'), { code: 'ECONNRESET' })));
    out.on('error', (error) => fail(new DownloadError('disk', `cannot write ${temp} (${error.message})`)));
    response.on('end', () => {
      if (failed) return;
      const expected = Number(response.headers['content-length']);
      if (Number.isFinite(expected) && expected > 0 && received < expected) {
        return fail(Object.assign(new Error(`the connection ended after ${received} of ${expected} bytes`), { code: 'ECONNRESET' }));
      }
      options.signal?.removeEventListener('abort', onAbort);
      out.end(() => (failed ? undefined : resolve(hash.digest('hex'))));
    });
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function networkError(error: unknown, url: URL, signal: AbortSignal | undefined): DownloadError {
  if (signal?.aborted) return new DownloadError('cancelled', 'the download was cancelled; no partial file was kept');
  if (error instanceof DownloadError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = (error as Error).message;
  if (NETWORK_CODES.has(code)) {
    return new DownloadError(
      'offline',
      `cannot reach ${url.host} (${code}${message && !message.includes(code) ? `: ${message}` : ''}): check the connection (or the mirror setting) and try again. ` +
        'Offline, "generator": "mnist" without files trains on the 10,000 digits Reglab ships.',
    );
  }
  return new DownloadError('http', `${url.href}: ${message}`);
}
