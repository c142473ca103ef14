// `reglab download mnist|fashion-mnist`: data/download.ts on a terminal. Progress goes to
// stderr, one line per file; Ctrl+C cancels cleanly (no partial file stays).
import { resolve } from 'node:path';
import { DOWNLOADABLE, downloadIdxFiles, DownloadError } from '../data/download.ts';
import type { DownloadArgs } from './args.ts';

export interface DownloadIo {
  log: (line: string) => void;
  /** Aborts the download (the CLI wires Ctrl+C to it). */
  signal?: AbortSignal;
  cwd?: string;
}

export async function downloadCommand(args: DownloadArgs, io: DownloadIo): Promise<number> {
  const set = DOWNLOADABLE[args.set];
  const dir = resolve(io.cwd ?? process.cwd(), args.dir ?? set.folder);
  const baseUrl = args.mirror ?? set.mirror;
  io.log(`Downloading ${set.title} from ${baseUrl} into ${dir}`);
  let shown = -1;
  try {
    const result = await downloadIdxFiles({
      dir, baseUrl, files: set.files, ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: ({ file, index, count, received, total }) => {
        if (total === undefined || received < total || index === shown) return;
        shown = index;
        io.log(`  ${index + 1}/${count} ${file}: ${(total / 1e6).toFixed(1)} MB, checking`);
      },
    });
    for (const name of result.kept) io.log(`  ${name}: already there, checksum right`);
    io.log(`${set.title}: ${result.downloaded.length} downloaded, ${result.kept.length} already there; all ${set.files.length} match their published checksums.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    io.log(`reglab download: ${error.message}`);
    return 1;
  }
}
