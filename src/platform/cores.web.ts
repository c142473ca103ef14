// How many cores the browser reports (navigator.hardwareConcurrency; 2 when it does not say).
export function availableParallelism(): number {
  const reported = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof reported === 'number' && reported > 0 ? reported : 2;
}
