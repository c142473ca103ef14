// node:path's POSIX functions that Reglab uses, for the web build (scripts/web-build.mjs
// maps node:path here): in a browser's extension host, workspace paths are the paths of
// the workspace's URIs (`/owner/repo/examples/x.reglab.json` on github.dev), always with
// forward slashes. The behaviour follows Node's path.posix for these inputs.

export const sep = '/';

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** Collapses `.`, `..` and repeated slashes; keeps a leading slash; '' becomes '.'. */
export function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = isAbsolute(path);
  const trailing = path.endsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  let out = (absolute ? '/' : '') + parts.join('/');
  if (out === '') return absolute ? '/' : '.';
  if (trailing && out !== '/') out += '/';
  return out;
}

export function join(...paths: string[]): string {
  const joined = paths.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

/** The absolute path; a relative start is taken from '/' (a browser has no working directory). */
export function resolve(...paths: string[]): string {
  let resolved = '';
  for (let i = paths.length - 1; i >= 0 && !isAbsolute(resolved); i--) {
    const p = paths[i]!;
    if (p === '') continue;
    resolved = resolved === '' ? p : `${p}/${resolved}`;
  }
  const out = normalize(`/${resolved}`);
  return out.length > 1 && out.endsWith('/') ? out.slice(0, -1) : out;
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter((p) => p !== '');
  const b = resolve(to).split('/').filter((p) => p !== '');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

export function dirname(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '') || (path.startsWith('/') ? '/' : '');
  if (trimmed === '/') return '/';
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  if (at === 0) return '/';
  return trimmed.slice(0, at);
}

export function basename(path: string, suffix?: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix !== undefined && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

export default { sep, isAbsolute, normalize, join, resolve, relative, dirname, basename };
