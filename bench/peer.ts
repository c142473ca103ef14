// The contract between the benchmark harness (bench/bench.ts) and each engine it measures.

/**
 * The benchmark entries of ../shared/bench/workloads.md. W3 has two entries: the single
 * lambda (3) and the 12-lambda sweep, both timed as one run each.
 */
export type WorkloadId = 'W1' | 'W2' | 'W3_single' | 'W3_sweep' | 'W4' | 'W5';

/** How many runs a peer does for one workload, and where it reports progress. */
export interface TimingPlan {
  /** Runs done and discarded before the timed ones (spec: 1). */
  readonly warmupRuns: number;
  /** Timed runs, each training from scratch (spec: 5). */
  readonly timedRuns: number;
  /** A one-line progress message; the harness prefixes it with workload and peer and prints it to stderr. */
  progress(message: string): void;
}

/** One timed run: the training loop only, from its first step to the final loss read back as a JS number. */
export interface RunTiming {
  /** Wall time in milliseconds (performance.now(), or Python's perf_counter). */
  readonly wallMs: number;
  /** Process CPU time (user + system, all threads) in milliseconds (process.cpuUsage, or time.process_time). */
  readonly cpuMs: number;
}

export interface WorkloadResult {
  /** The timed runs in order, warm-ups excluded: `plan.timedRuns` entries. */
  readonly runs: readonly RunTiming[];
  /**
   * The workload's final losses from the last timed run, in the order of `catalog.ts`'s
   * `lossLabels` (W1: [plain, decay], W3: [train, test] of the last evaluation, W5: [loss]).
   * A sanity column: engines that did the same work agree to a few digits (not W2: dropout).
   */
  readonly losses: readonly number[];
  /** The element type the engine trained in. The table flags anything but float32. */
  readonly dtype?: 'float32' | 'float64';
  /** Anything a reader of the table should know about this result; printed as a footnote. */
  readonly note?: string;
}

/**
 * An engine measured by `npm run bench`. The harness calls, in order:
 *   1. `unavailable()` once. A string means "cannot run here" (say why, e.g. "python3 has no
 *      torch"); the peer is then listed with that note and skipped.
 *   2. `describe()` once, for the table's header (version, backend, threads).
 *   3. `run(id, plan)` for each selected workload, in workloads order, once per round: the
 *      engines take turns, so round 1 asks for the warm-up runs and one timed run, each later
 *      round for one timed run and no warm-up (bench/run.ts). The peer follows
 *      workloads.md exactly: the same data and initial weights (from bench/workloads.ts),
 *      the same formulas and steps; it builds data, parameters and optimizer state before
 *      timing each run; it trains from scratch on every run; it times only the training
 *      loop, which ends by reading the final loss into a JS number. In-process peers get all
 *      of this, including gc() between runs and CPU time, from `measureInProcess` in
 *      bench/harness.ts: they only supply a setup function returning a `Trainer`.
 *   4. `close()` once at the end, if present (child processes, backends).
 * Single-threaded and float32, as the spec says; a peer that cannot be either says so in
 * `dtype` / `note`.
 */
export interface Peer {
  /** Short id used by `--peers` and in the table: 'reglab', 'tfjs-cpu', 'tfjs-wasm', 'pytorch'. */
  readonly name: string;
  unavailable(): Promise<string | undefined>;
  describe(): string;
  run(workload: WorkloadId, plan: TimingPlan): Promise<WorkloadResult>;
  close?(): Promise<void>;
}

/**
 * One run of one workload, set up and ready: `train()` is the timed region. It runs every
 * step and returns the final losses (see `WorkloadResult.losses`) as plain numbers, which
 * forces any queued work to finish. `dispose()` (untimed) frees what the setup allocated.
 */
export interface Trainer {
  train(): readonly number[] | Promise<readonly number[]>;
  dispose?(): void;
}
