// Which build this is: the web build, running in a browser's extension host (a Web Worker).
import type * as Desktop from './host.ts';

export const HOST: typeof Desktop.HOST = 'web';
