// How many cores this machine has (desktop, CLI: Node's count; the web build uses cores.web.ts).
export { availableParallelism } from 'node:os';
