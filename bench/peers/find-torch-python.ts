// Finds a Python that can `import torch`. The first `python3` on PATH is often a pyenv or
// venv interpreter without torch, while a distribution's torch (Debian's python3-torch)
// lives in /usr/bin/python3; so probe several candidates and take the first that works.

import { spawnSync } from 'node:child_process';

export interface TorchPython {
  readonly executable: string;
  readonly torchVersion: string;
}

/** REGLAB_BENCH_PYTHON first, when set, so a developer can point at a specific interpreter. */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates = [env['REGLAB_BENCH_PYTHON'], 'python3', '/usr/bin/python3', '/usr/bin/python3.11', '/usr/local/bin/python3', 'python'];
  return [...new Set(candidates.filter((c): c is string => typeof c === 'string' && c.length > 0))];
}

const PROBE = 'import sys, torch; print(sys.executable); print(torch.__version__)';

/** The first candidate that imports torch, or the reasons each one failed. */
export function findTorchPython(candidates: readonly string[] = pythonCandidates()): TorchPython | { reasons: string[] } {
  const reasons: string[] = [];
  for (const candidate of candidates) {
    // Importing torch can take a few seconds on a cold cache.
    const probe = spawnSync(candidate, ['-c', PROBE], { encoding: 'utf8', timeout: 120_000 });
    if (probe.error) {
      reasons.push(`${candidate}: ${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message}`);
      continue;
    }
    if (probe.status !== 0) {
      const lastLine = probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`;
      reasons.push(`${candidate}: ${lastLine}`);
      continue;
    }
    const [executable, torchVersion] = probe.stdout.trim().split('\n');
    return { executable: executable || candidate, torchVersion: torchVersion ?? '?' };
  }
  return { reasons };
}
