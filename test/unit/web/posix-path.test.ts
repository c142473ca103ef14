// The web build's node:path (src/platform/posixPath.ts) against Node's own path.posix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import * as web from '../../../src/platform/posixPath.ts';

const SAMPLES = ['', '.', '..', '/', '//', 'a', 'a/', '/a/b/../c', 'a/./b//c/', '../../x', '/x/../../y', '/reglab/lessons/examples/01.reglab.json', 'data/../../../etc/passwd'];

describe('posixPath (the web build\'s node:path)', () => {
  it('normalize, dirname, basename, isAbsolute agree with path.posix', () => {
    for (const p of SAMPLES) {
      assert.equal(web.normalize(p), posix.normalize(p), `normalize(${JSON.stringify(p)})`);
      assert.equal(web.dirname(p), posix.dirname(p), `dirname(${JSON.stringify(p)})`);
      assert.equal(web.basename(p), posix.basename(p), `basename(${JSON.stringify(p)})`);
      assert.equal(web.isAbsolute(p), posix.isAbsolute(p));
    }
    assert.equal(web.basename('/a/x.reglab.json', '.reglab.json'), 'x');
  });

  it('join, resolve and relative agree with path.posix on absolute workspace paths', () => {
    for (const a of SAMPLES.filter((p) => p.startsWith('/'))) {
      for (const b of SAMPLES) {
        assert.equal(web.join(a, b), posix.join(a, b), `join(${a}, ${b})`);
        assert.equal(web.resolve(a, b), posix.resolve(a, b), `resolve(${a}, ${b})`);
        const to = posix.resolve(a, b);
        assert.equal(web.relative(a, to), posix.relative(a, to), `relative(${a}, ${to})`);
      }
    }
    assert.equal(web.join('a', '', 'b'), posix.join('a', '', 'b'));
  });
});
