// Checks between the model and what acts on it: dropout per hidden layer, a frozen first
// layer that leaves something to train, options that only one activation or init uses.
import type { Check } from './context.ts';

export const dropoutFitsLayers: Check = {
  reads: [['regularization', 'dropout'], ['model', 'hidden']],
  run: ({ config, report }) => {
    const { dropout } = config.regularization;
    const layers = config.model.hidden.length;
    if (Array.isArray(dropout) && dropout.length !== layers) {
      report(
        ['regularization', 'dropout'],
        `regularization.dropout has ${dropout.length} ${dropout.length === 1 ? 'value' : 'values'} but model.hidden has ${layers} hidden ${layers === 1 ? 'layer' : 'layers'}: give one p per hidden layer, or a single p for all`,
      );
    } else if (layers === 0 && typeof dropout === 'number' && dropout > 0) {
      report(['regularization', 'dropout'], 'regularization.dropout has no effect: model.hidden is [], so there is no hidden layer to drop units from', 'warning');
    }
  },
};

export const frozenLayerFits: Check = {
  reads: [['model', 'freeze'], ['model', 'hidden']],
  run: ({ config, report }) => {
    if (config.model.freeze === 'first' && config.model.hidden.length === 0) {
      report(['model', 'freeze'], 'model.freeze "first" needs a hidden layer: with model.hidden [] the first layer is the only one, and nothing would train');
    }
  },
};

export const modelOptionsInUse: Check = {
  reads: [['model']],
  run: ({ config, written, report }) => {
    const { activation, init } = config.model;
    if (written(['model', 'negativeSlope']) && activation !== 'leaky_relu') {
      report(['model', 'negativeSlope'], `model.negativeSlope is used only with activation "leaky_relu", not "${activation}"; it is ignored`, 'warning');
    }
    if (written(['model', 'initStd']) && init !== 'normal') {
      report(['model', 'initStd'], `model.initStd is used only with init "normal", not "${init}"; it is ignored`, 'warning');
    }
    if (written(['model', 'initBias']) && init !== 'normal') {
      report(['model', 'initBias'], `model.initBias is used only with init "normal", not "${init}"; it is ignored`, 'warning');
    }
  },
};
