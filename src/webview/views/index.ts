// The four tabs, by name.
import type { View } from '../contract.ts';
import { fitView } from './fit.ts';
import { lossView } from './loss.ts';
import { sweepView } from './sweep.ts';
import type { ViewContent, ViewContext } from './types.ts';
import { weightsView } from './weights.ts';

export const VIEW_BUILDERS: Record<View, (ctx: ViewContext) => ViewContent> = {
  fit: fitView,
  loss: lossView,
  sweep: sweepView,
  weights: weightsView,
};

export const VIEW_LABELS: Record<View, string> = { fit: 'Fit', loss: 'Loss', sweep: 'Sweep', weights: 'Weights' };

export type { PanelChart, ViewContent, ViewContext } from './types.ts';
export { snapshotEpochs } from './fit.ts';
