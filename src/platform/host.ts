// Which build this is: desktop (Node extension host, CLI) or web (host.web.ts).
export const HOST: 'desktop' | 'web' = 'desktop';
