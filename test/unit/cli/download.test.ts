// `reglab download`: its arguments, and the command against a local server on 127.0.0.1 (no
// network): the official checksums refuse the server's files, a closed port is "offline".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../../../src/cli/args.ts';
import { downloadCommand } from '../../../src/cli/download.ts';

describe('reglab download', () => {
  it('takes one data set and --dir, --mirror; anything else is a usage error', () => {
    assert.deepEqual(parseArgs(['download', 'mnist']), { command: 'download', set: 'mnist' });
    assert.deepEqual(parseArgs(['download', 'fashion-mnist', '--dir', 'x/y', '--mirror', 'http://127.0.0.1:1/']), {
      command: 'download', set: 'fashion-mnist', dir: 'x/y', mirror: 'http://127.0.0.1:1/',
    });
    assert.throws(() => parseArgs(['download']), (e: unknown) => e instanceof UsageError && /download takes one data set, mnist or fashion-mnist/.test(e.message));
    assert.throws(() => parseArgs(['download', 'mnsit']), /unknown data set "mnsit"; download knows mnist and fashion-mnist; did you mean "mnist"\?/);
    assert.throws(() => parseArgs(['download', 'mnist', '--out', 'x']), /unknown option --out for download/);
    const help = parseArgs(['download', '--help']);
    assert.ok(help.command === 'help' && help.text.includes('reglab download mnist|fashion-mnist [--dir DIR] [--mirror URL]'));
  });

  it('a server whose files do not match MNIST\'s checksums: exit 1, the reason, no file; a closed port: the offline message', async () => {
    const server = createServer((_req, res) => res.end('not MNIST'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const cwd = mkdtempSync(join(tmpdir(), 'reglab-cli-download-'));
    try {
      const lines: string[] = [];
      const code = await downloadCommand({ command: 'download', set: 'mnist', mirror: `http://127.0.0.1:${port}/` }, { log: (l) => lines.push(l), cwd });
      assert.equal(code, 1);
      assert.equal(lines[0], `Downloading MNIST from http://127.0.0.1:${port}/ into ${join(cwd, 'data/mnist')}`);
      assert.match(lines.at(-1)!, /^reglab download: train-images-idx3-ubyte\.gz from http:\/\/127\.0\.0\.1:\d+ does not match its published checksum \(MD5 [0-9a-f]{32}, expected f68b3c2dcbeaaa9fbdd348bbdeb94873\)/);
      assert.deepEqual(readdirSync(join(cwd, 'data/mnist')), []);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const offline: string[] = [];
      assert.equal(await downloadCommand({ command: 'download', set: 'fashion-mnist', dir: 'fm', mirror: `http://127.0.0.1:${port}/` }, { log: (l) => offline.push(l), cwd }), 1);
      assert.match(offline.at(-1)!, /^reglab download: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED/);
      assert.deepEqual(readdirSync(join(cwd, 'fm')), []);
    } finally {
      server.closeAllConnections();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
