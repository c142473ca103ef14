// The web build's path rules for data files (src/data/paths.web.ts) against desktop's
// (src/data/paths.ts): the same paths are admitted, resolved to the same file, and refused
// with the same message at the same field. Desktop's rules on symbolic links, pipes and
// devices have no web counterpart (a virtual file system has none) and are tested in
// test/unit/data/paths.test.ts. On the web a file exists when the extension host read it
// beforehand (`preloaded`); here that is every file on disk.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../../src/data/errors.ts';
import { SpecReader } from '../../../src/data/params.ts';
import * as desktop from '../../../src/data/paths.ts';
import * as web from '../../../src/data/paths.web.ts';
import { tempDir } from '../data/helpers.ts';

// root/outside.csv; root/workspace/inside.csv; root/workspace/experiments/here.csv
const root = tempDir('web-paths');
const workspace = join(root, 'workspace');
const experiments = join(workspace, 'experiments');
mkdirSync(experiments, { recursive: true });
const files = [join(root, 'outside.csv'), join(workspace, 'inside.csv'), join(experiments, 'here.csv')];
for (const file of files) writeFileSync(file, 'x,y\n1,2\n');
const preloaded = new Map(files.map((f) => [f, new Uint8Array([1])]));

type Outcome = { file: string } | { error: string; path: readonly (string | number)[] };

function outcome(rules: typeof desktop | typeof web, written: string, workspaceRoot: string | undefined, withPreloaded: boolean): Outcome {
  const read = new SpecReader({ path: written }, 'data.csv');
  try {
    return { file: rules.resolveDataFile(read, 'path', { baseDir: experiments, ...(workspaceRoot === undefined ? {} : { workspaceRoot }), ...(withPreloaded ? { preloaded } : {}) }) };
  } catch (error) {
    assert.ok(error instanceof DataError, String(error));
    return { error: error.message, path: error.path };
  }
}

const CASES: [written: string, workspaceRoot: string | undefined, expect: RegExp | string][] = [
  ['here.csv', workspace, join(experiments, 'here.csv')],
  ['./here.csv', workspace, join(experiments, 'here.csv')],
  ['../inside.csv', workspace, join(workspace, 'inside.csv')],
  [join(workspace, 'inside.csv'), workspace, join(workspace, 'inside.csv')],
  ['sub/../../inside.csv', workspace, join(workspace, 'inside.csv')],
  ['../../outside.csv', workspace, /^data\.csv: "\.\.\/\.\.\/outside\.csv" is outside the workspace \(.*\); data files must be inside it$/],
  [join(root, 'outside.csv'), workspace, /is outside the workspace/],
  ['../../missing.csv', workspace, /is outside the workspace/],
  ['../../workspace-other/x.csv', workspace, /is outside the workspace/],
  ['missing.csv', workspace, /^data\.csv: file "missing\.csv" not found \(looked for .*missing\.csv\)$/],
  ['../../outside.csv', undefined, join(root, 'outside.csv')],
];

describe('data file paths: the web build\'s rules are desktop\'s', () => {
  for (const [written, workspaceRoot, expect] of CASES) {
    it(`${written.replace(root, '<tmp>')}${workspaceRoot === undefined ? ' (no workspace root)' : ''}`, () => {
      const onDesktop = outcome(desktop, written, workspaceRoot, false);
      const onWeb = outcome(web, written, workspaceRoot, true);
      assert.deepEqual(onWeb, onDesktop);
      if (typeof expect === 'string') assert.deepEqual(onDesktop, { file: expect });
      else {
        assert.ok('error' in onDesktop, JSON.stringify(onDesktop));
        assert.match(onDesktop.error, expect);
        assert.deepEqual(onDesktop.path, ['path']);
      }
    });
  }

  it('a file the extension host read beforehand is taken from there on both', () => {
    const read = new SpecReader({ path: 'here.csv' }, 'data.csv');
    const file = join(experiments, 'here.csv');
    assert.deepEqual([...web.readDataFile(read, 'path', file, { preloaded })], [1]);
    assert.deepEqual([...desktop.readDataFile(read, 'path', file, { preloaded })], [1]);
    assert.throws(() => web.readDataFile(read, 'path', join(experiments, 'other.csv'), { preloaded }), /other\.csv was not read beforehand/);
  });
});
