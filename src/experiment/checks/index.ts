// Every cross-field check of one run config, in the order their messages read best.
import type { Check } from './context.ts';
import { batchFitsTrainingSet, holdOutFitsTrainingSet, mnistFilesComeTogether, rangeIsOrdered, testSplitIsOneWay } from './data.ts';
import { lossFitsTask, lossOptionsInUse } from './loss.ts';
import { dropoutFitsLayers, frozenLayerFits, modelOptionsInUse } from './model.ts';
import { decouplingFitsOptimizer, nesterovNeedsMomentum, optionsApply } from './optimizer.ts';
import { labelSmoothingNeedsCrossEntropy, proximalNeedsL1 } from './regularization.ts';

export const RUN_CONFIG_CHECKS: readonly Check[] = [
  rangeIsOrdered,
  testSplitIsOneWay,
  mnistFilesComeTogether,
  modelOptionsInUse,
  dropoutFitsLayers,
  frozenLayerFits,
  optionsApply,
  nesterovNeedsMomentum,
  lossFitsTask,
  lossOptionsInUse,
  batchFitsTrainingSet,
  holdOutFitsTrainingSet,
  decouplingFitsOptimizer,
  proximalNeedsL1,
  labelSmoothingNeedsCrossEntropy,
];
