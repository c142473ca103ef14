// Which files a command acts on: files as given, folders as every *.reglab.json inside.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function experimentFiles(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      throw new Error(`${arg}: no such file or folder`);
    }
    if (!stat.isDirectory()) return [arg];
    const found = readdirSync(arg, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.reglab.json'))
      .sort()
      .map((name) => join(arg, name));
    if (found.length === 0) throw new Error(`${arg}: no *.reglab.json files in this folder`);
    return found;
  });
}
