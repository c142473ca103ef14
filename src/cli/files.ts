// Which files a command acts on: files as given, folders as every *.reglab.json inside.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * An experiment file's text, without the UTF-8 byte order mark some editors write: VS Code
 * hides it, so columns on the first line then count as the editor shows them.
 */
export function readExperimentText(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
