// What the playground trains when a knob moves: the knob values in force, the variants a
// change retrains, and their run requests (the file's config with the moved values laid
// over it). Free of vscode (unit-tested); playground.ts debounces and runs it.
import { dirname } from 'node:path';
import type { RunRequest } from '../experiment/request.ts';
import { expandRuns } from '../experiment/expand.ts';
import { baseRunConfig, overrideAt, resolveRunConfig } from '../experiment/resolve.ts';
import type { Experiment } from '../experiment/schema/experiment.ts';
import type { Knob } from '../webview/contract.ts';
import { clampKnob, type KnobId, type KnobValues } from './knobs.ts';

export class PlaygroundState {
  private values: Record<string, number>;

  constructor(readonly knobs: readonly Knob[]) {
    this.values = Object.fromEntries(knobs.map((k) => [k.id, k.value]));
  }

  /** Takes the page's values (unknown knobs ignored); returns the variants whose runs they change. */
  update(values: KnobValues): string[] {
    const retrain = new Set<string>();
    for (const knob of this.knobs) {
      const raw = values[knob.id];
      if (raw === undefined) continue;
      const value = clampKnob(knob, raw);
      if (value === this.values[knob.id]) continue;
      this.values[knob.id] = value;
      for (const v of knob.variants) retrain.add(v);
    }
    return [...retrain];
  }

  /** The values in force, for every knob. */
  current(): Record<KnobId, number> {
    return { ...this.values } as Record<KnobId, number>;
  }

  /** The knobs with their values in force (what a reopened panel shows). */
  currentKnobs(): Knob[] {
    return this.knobs.map((k) => ({ ...k, value: this.values[k.id] ?? k.value }));
  }

  /** The knobs moved away from the file's values. */
  moved(values: KnobValues = this.values): Knob[] {
    return this.knobs.filter((k) => values[k.id] !== undefined && clampKnob(k, values[k.id]!) !== k.value);
  }
}

/** The run requests of `variants` with the moved knobs' values laid over the file's config. */
export function playgroundRequests(
  experiment: Experiment,
  file: string,
  knobs: readonly Knob[],
  values: KnobValues,
  variants: readonly string[],
  workspaceRoot?: string,
): RunRequest[] {
  const moved = knobs.filter((k) => values[k.id] !== undefined && clampKnob(k, values[k.id]!) !== k.value);
  const seedKnob = moved.find((k) => k.id === 'seed');
  const base = baseRunConfig(experiment);
  return expandRuns(experiment)
    .filter((spec) => variants.includes(spec.variant ?? experiment.title))
    .map((spec) => {
      const name = spec.variant ?? experiment.title;
      const variant = experiment.variants.find((v) => v.name === spec.variant);
      const overrides: unknown[] = [];
      const played: Record<string, number> = {};
      if (variant !== undefined) {
        const { name: _name, description: _description, ...sections } = variant;
        overrides.push(sections);
      }
      for (const knob of moved) {
        if (knob.id === 'seed' || !knob.variants.includes(name)) continue;
        overrides.push(overrideAt(knob.path, clampKnob(knob, values[knob.id]!)));
        played[knob.path] = clampKnob(knob, values[knob.id]!);
      }
      if (seedKnob !== undefined) played['seed'] = clampKnob(seedKnob, values.seed!);
      const config = resolveRunConfig(base, overrides);
      const seed = seedKnob !== undefined ? clampKnob(seedKnob, values.seed!) : spec.seed;
      config.seed = seed;
      return {
        runId: spec.id,
        variant: name,
        repeat: 0,
        seed,
        config,
        baseDir: dirname(file),
        ...(workspaceRoot === undefined ? {} : { workspaceRoot }),
        ...(Object.keys(played).length === 0 ? {} : { overrides: played }),
      };
    });
}
