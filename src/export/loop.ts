// The training loop, as Reglab's runner runs it: per epoch, the minibatches (or the full
// batch) with zero_grad → data loss + penalty → backward → step → proximal L1 → max-norm;
// then, every eval_every epochs, the mean loss over the epoch's batches and an evaluation
// in eval mode (dropout off), printed as one line; early stopping on the test loss.
import type { Task } from '../data/index.ts';
import type { RunConfig } from '../experiment/schema/experiment.ts';
import { dropsUnits } from './exact.ts';
import { freezes, needsBiasGroup, optimizerLines } from './optimizer.ts';
import { trainedCount } from './holdout.ts';
import { hasPenalty, maxNormCall, proximalCall, type PenaltyUse } from './penalties.ts';
import type { Plan } from './plan.ts';
import { call, docstring, indent, lines } from './python.ts';

const LOSSES: Record<RunConfig['training']['loss'], (plan: Plan) => string> = {
  mse: () => 'nn.MSELoss()',
  l1: () => 'nn.L1Loss()',
  smooth_l1: (plan) => `nn.SmoothL1Loss(beta=${plan.s('training.beta')})`,
  huber: (plan) => `nn.HuberLoss(delta=${plan.s('training.delta')})`,
  cross_entropy: (plan) => (smoothsLabels(plan) ? `nn.CrossEntropyLoss(label_smoothing=${plan.s('regularization.labelSmoothing')})` : 'nn.CrossEntropyLoss()'),
  bce_with_logits: () => 'nn.BCEWithLogitsLoss()',
};

/** Some run trains its cross-entropy with label smoothing (its test loss stays the plain loss). */
function smoothsLabels(plan: Plan): boolean {
  return plan.some((c) => c.training.loss === 'cross_entropy' && c.regularization.labelSmoothing > 0);
}

export interface LoopShape {
  task: Task;
  /** Some run trains on minibatches (a DataLoader), not only full batches. */
  loader: boolean;
  /** In exact mode, some run replays Reglab's shuffling. */
  savedOrder: boolean;
}

export function loopShape(plan: Plan): LoopShape {
  const task = plan.runs[0]!.data.task;
  const loader = plan.some((c) => c.training.batchSize !== 'full');
  const shuffles = plan.runs.some((r) => shuffled(r.spec.config, trainedCount(r)));
  return { task, loader, savedOrder: plan.exact && loader && shuffles };
}

/** Whether Reglab reshuffles a run's training set every epoch (minibatches smaller than the set). */
export function shuffled(c: RunConfig, n: number): boolean {
  return c.training.shuffle && c.training.batchSize !== 'full' && c.training.batchSize < n;
}

/** `accuracy` (classification), `evaluate` and `report`. */
export function evaluationFunctions(plan: Plan, shape: LoopShape, use: PenaltyUse): string {
  const classification = shape.task === 'classification';
  const bce = plan.some((c) => c.training.loss === 'bce_with_logits');
  const accuracy = bce
    ? lines(
        'def accuracy(logits, y):',
        docstring('The share of samples on the right side of logit 0 (probability ½).'),
        '    return ((logits > 0) == (y > 0.5)).sum().item() / len(y)',
      )
    : lines('def accuracy(logits, y):', docstring('The share of samples whose largest logit is their class.'), '    return (logits.argmax(dim=1) == y).sum().item() / len(y)');
  const penalty = hasPenalty(use);
  // training.evalTrain: the loss on the whole training set in eval mode, d2l's evaluate_loss.
  const evalTrain = plan.some((c) => c.training.evalTrain);
  const evalTrainEverywhere = plan.every((c) => c.training.evalTrain);
  const parts = [
    evalTrain && (evalTrainEverywhere ? "train loss (eval mode, full set) {m['train_eval_loss']:.10g}" : "train loss (eval mode, full set) {m.get('train_eval_loss', math.nan):.10g}"),
    plan.holdOut && "validation loss {m['validation_loss']:.10g}",
    "test loss {m['test_loss']:.10g}",
    classification && "train accuracy {m['train_accuracy']:.4f}",
    classification && "test accuracy {m['test_accuracy']:.4f}",
    "|w|_2 {m['weight_norm']:.6g}",
    "|w|_1 {m['weight_l1']:.6g}",
    "near 0: {m['sparsity']:.1%}",
  ].filter((p): p is string => typeof p === 'string');
  return lines(
    classification && accuracy,
    classification && '',
    classification && '',
    '@torch.no_grad()',
    `def evaluate(model, criterion, weights, ${classification || evalTrain ? 'x_train, y_train, ' : ''}${plan.holdOut ? 'x_val, y_val, ' : ''}x_test, y_test${evalTrain && !evalTrainEverywhere ? ', s' : ''}):`,
    docstring(
      (plan.holdOut ? 'The validation and test losses in eval mode (dropout off),' : 'The test loss in eval mode (dropout off),') +
        (evalTrain ? ' the loss on the whole training set in eval mode (train loss, eval mode, full set: d2l\'s evaluate_loss),' : '') +
        (classification ? ' the accuracies,' : '') +
        ' and the size and sparsity of the weights.',
    ),
    '    model.eval()',
    '    output = model(x_test)',
    '    w = torch.cat([p.flatten() for p in weights])',
    '    metrics = dict(',
    plan.holdOut && '        validation_loss=criterion(model(x_val), y_val).item(),',
    '        test_loss=criterion(output, y_test).item(),',
    classification && '        train_accuracy=accuracy(model(x_train), y_train),',
    classification && '        test_accuracy=accuracy(output, y_test),',
    '        weight_norm=w.norm().item(),',
    '        weight_l1=w.abs().sum().item(),',
    '        # the share of weights within 1e-3 of 0',
    '        sparsity=(w.abs() < 1e-3).sum().item() / w.numel(),',
    '    )',
    evalTrain && evalTrainEverywhere && '    metrics["train_eval_loss"] = criterion(model(x_train), y_train).item()',
    evalTrain && !evalTrainEverywhere && `    if ${plan.s('training.evalTrain')}:`,
    evalTrain && !evalTrainEverywhere && '        metrics["train_eval_loss"] = criterion(model(x_train), y_train).item()',
    '    model.train()',
    '    return metrics',
    '',
    '',
    'def report(name, m):',
    docstring(
      "One line of a run's metrics, as Reglab records them per evaluated epoch. The train loss is the mean of the " +
        "epoch's batch losses, each taken in train mode (dropout on) before its step" +
        (evalTrain ? '; the train loss (eval mode, full set) is the whole training set\'s after the epoch, in eval mode.' : '.'),
    ),
    '    print(',
    // With both train losses the first line is split in two adjacent f-strings (the same output), to stay within 88 columns.
    evalTrain
      ? lines(`        f"[{name}] epoch {m['epoch']:4d}: "`, `        f"train loss (batch mean, train mode) {m['train_loss']:.10g}${penalty ? '"' : ', "'}`)
      : `        f"[{name}] epoch {m['epoch']:4d}: train loss {m['train_loss']:.10g}${penalty ? '"' : ', "'}`,
    penalty && `        f" (data {m['train_data_loss']:.10g} + penalty {m['train_penalty']:.10g}), "`,
    ...chunk(parts).map((c, i, all) => `        f"${c}${i < all.length - 1 ? ', ' : ''}"`),
    '    )',
  );
}

/** Groups f-string parts so that no source line is much longer than 88 columns. */
function chunk(parts: string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + p.length + 2 <= 70) out[out.length - 1] = `${last}, ${p}`;
    else out.push(p);
  }
  return out;
}

/** `SavedOrder`, the sampler that replays Reglab's shuffling (exact mode). */
export function savedOrderClass(): string {
  return lines(
    'class SavedOrder(torch.utils.data.Sampler):',
    docstring('Replays Reglab\'s shuffling: epoch k visits the training samples in the k-th saved order.'),
    '',
    '    def __init__(self, orders):',
    '        self.orders = orders',
    '        self.epoch = 0',
    '',
    '    def __len__(self):',
    '        return len(self.orders[0])',
    '',
    '    def __iter__(self):',
    '        order = self.orders[self.epoch]',
    '        self.epoch += 1',
    '        return iter(order)',
  );
}

export interface RunParts {
  dataCall: string;
  modelCall: string;
  use: PenaltyUse;
  shape: LoopShape;
}

/** `run(name, s, saved)`: one training run, start to finish. */
export function runFunction(plan: Plan, parts: RunParts): string {
  const { use, shape } = parts;
  const classification = shape.task === 'classification';
  const bce = plan.some((c) => c.training.loss === 'bce_with_logits');
  const penalty = hasPenalty(use);
  const weightsOnly = plan.every((c) => c.regularization.applyTo === 'weights');
  const regularized = penalty || use.proximal;
  const early = plan.some((c) => c.regularization.earlyStopping !== undefined);
  const earlyEverywhere = plan.every((c) => c.regularization.earlyStopping !== undefined);
  const evalEvery = plan.some((c) => c.training.evalEvery !== 1);
  if (plan.varies('training.loss') && plan.some((c) => c.training.loss === 'bce_with_logits')) {
    throw new Error('the variants mix bce_with_logits with another loss; export them one at a time with --variant');
  }

  const smoothing = smoothsLabels(plan);
  const noise = plan.some((c) => c.regularization.inputNoise > 0);
  const evalTrain = plan.some((c) => c.training.evalTrain);
  const evalArgs =
    `model, ${smoothing ? 'test_criterion' : 'criterion'}, weights, ${classification || evalTrain ? 'x_train, y_train, ' : ''}${plan.holdOut ? 'x_val, y_val, ' : ''}x_test, y_test` +
    (evalTrain && !plan.every((c) => c.training.evalTrain) ? ', s' : '');
  const step = lines(
    noise && `            x = x + ${plan.s('regularization.inputNoise')} * torch.randn_like(x)  # input noise (training)`,
    '            optimizer.zero_grad()',
    penalty ? '            data_loss = criterion(model(x), y)' : '            loss = criterion(model(x), y)',
    penalty && '            reg = penalty(regularized, s)',
    penalty && '            loss = data_loss + reg',
    '            loss.backward()',
    '            optimizer.step()',
    use.proximal && indent(proximalCall(plan), 3),
    use.maxNorm && indent(maxNormCall(plan), 3),
    '            total += loss.item()',
    penalty && '            data_total += data_loss.item()',
    penalty && '            penalty_total += reg.item()',
  );
  const metrics = penalty
    ? ['m = dict(', '    epoch=epoch,', '    train_loss=total / n,', '    train_data_loss=data_total / n,', '    train_penalty=penalty_total / n,', ')']
    : ['m = dict(epoch=epoch, train_loss=total / n)'];
  const evaluation = lines(
    ...metrics,
    call('m.update', [`evaluate(${evalArgs})`], 0, 88 - 4 * (evalEvery ? 3 : 2)),
    'history.append(m)',
    'report(name, m)',
    early && earlyStopping(plan),
  );
  const epochs = plan.s('training.epochs');
  const named = freezes(plan) ? 'named' : 'model.named_parameters()';
  return lines(
    `def run(name, s${plan.exact ? ', saved=None' : ''}${plan.holdOut?.kind === 'folds' ? ', fold=0' : ''}):`,
    docstring(
      'Trains one run. Returns the model, its metrics at every evaluated epoch, and its result: the last metrics' +
        (early ? " (the best epoch's when early stopping restored them)" : '') +
        ', or None if it diverged.' +
        (plan.holdOut ? (plan.holdOut.kind === 'folds' ? '\n\n`fold`: the fold held out for validation.' : '') : '') +
        (plan.exact ? "\n\n`saved` (exact mode): Reglab's data, initial weights, shuffling orders and dropout seed for this run." : ''),
    ),
    `    torch.manual_seed(${plan.s('seed')})`,
    ...(plan.exact
      ? [
          '    if saved is None:',
          `        x_train, y_train, x_test, y_test = ${parts.dataCall}`,
          '    else:',
          '        x_train, y_train, x_test, y_test = map(torch.tensor, saved["data"])',
        ]
      : [`    x_train, y_train, x_test, y_test = ${parts.dataCall}`]),
    plan.holdOut && '    # The validation samples come out of the training set; the test set is untouched.',
    plan.holdOut && `    (x_train, y_train), (x_val, y_val) = hold_out(x_train, y_train, s.seed${plan.holdOut.kind === 'folds' ? ', fold' : ''})`,
    bce && '    # BCEWithLogitsLoss takes float targets shaped like its one logit per sample.',
    bce && !plan.holdOut && '    y_train, y_test = (y.unsqueeze(1).to(x_train.dtype) for y in (y_train, y_test))',
    bce && plan.holdOut && '    y_train, y_val, y_test = (y.unsqueeze(1).to(x_train.dtype) for y in (y_train, y_val, y_test))',
    `    model = ${parts.modelCall}`,
    plan.exact && '    if saved is not None:',
    plan.exact && '        model.load_state_dict({k: torch.tensor(v) for k, v in saved["init"].items()})',
    plan.exact && plan.some(dropsUnits) && '        if "dropout" in saved:  # Reglab\'s dropout masks, drawn as Reglab draws them',
    plan.exact && plan.some(dropsUnits) && '            replay_dropout(model, saved["dropout"])',
    ...freezeLines(plan),
    `    weights = [p for key, p in ${named} if key.endswith("weight")]`,
    needsBiasGroup(plan) && `    biases = [p for key, p in ${named} if key.endswith("bias")]`,
    regularized && regularizedLine(plan, weightsOnly),
    optimizerLines(plan),
    `    criterion = ${criterion(plan)}`,
    smoothing && '    test_criterion = nn.CrossEntropyLoss()  # the test loss: no label smoothing',
    batchesLines(plan, shape),
    '',
    early && stopperLine(plan, earlyEverywhere),
    '    history = []',
    `    for epoch in range(1, ${epochs} + 1):`,
    penalty ? '        total = data_total = penalty_total = 0.0' : '        total = 0.0',
    '        for x, y in batches:',
    step,
    '        n = len(batches)',
    '        if not math.isfinite(total):',
    '            print(f"[{name}] diverged in epoch {epoch}: the loss became {total / n}")',
    '            return model, history, None',
    evalEvery
      ? lines(`        if epoch % ${plan.s('training.evalEvery')} == 0 or epoch == s.epochs:`, indent(evaluation, 3))
      : indent(evaluation, 2),
    '    return model, history, history[-1]',
  );
}

function regularizedLine(plan: Plan, weightsOnly: boolean): string {
  const all = freezes(plan) ? 'trained' : 'list(model.parameters())';
  if (weightsOnly) return '    regularized = weights  # penalties leave the biases alone (applyTo "weights")';
  if (plan.every((c) => c.regularization.applyTo === 'all')) return `    regularized = ${all}  # biases too (applyTo "all")`;
  return `    regularized = weights if ${plan.s('regularization.applyTo')} == "weights" else ${all}`;
}

/**
 * A frozen first layer (model.freeze "first"): requires_grad_(False) on it, and `trained`,
 * the parameters that still require grad. The optimizer, the penalties and the metrics'
 * `weights` take only those, as Reglab does: a frozen weight gets no step and no decay, and
 * a penalty over it would be a constant.
 */
function freezeLines(plan: Plan): string[] {
  if (!freezes(plan)) return [];
  const why = '# random features: the first layer keeps its initial weights';
  const lists = [
    '    named = [(key, p) for key, p in model.named_parameters() if p.requires_grad]',
    '    trained = [p for _, p in named]',
  ];
  if (plan.every((c) => c.model.freeze === 'first')) return [`    ${why}`, '    model[0].requires_grad_(False)', ...lists];
  return [`    if ${plan.s('model.freeze')} == "first":`, `        ${why}`, '        model[0].requires_grad_(False)', ...lists];
}

function criterion(plan: Plan): string {
  const losses = plan.values('training.loss') as RunConfig['training']['loss'][];
  if (losses.length === 1) return LOSSES[losses[0]!](plan);
  const entries = losses.map((l) => `"${l}": ${LOSSES[l](plan)}`);
  const one = `{${entries.join(', ')}}[${plan.s('training.loss')}]`;
  return one.length <= 70 ? one : `{\n${entries.map((e) => `        ${e},`).join('\n')}\n    }[${plan.s('training.loss')}]`;
}

function batchesLines(plan: Plan, shape: LoopShape): string {
  if (!shape.loader) return '    batches = [(x_train, y_train)]  # full batch: the whole training set in every step';
  plan.needs('from torch.utils.data import DataLoader, TensorDataset');
  const full = plan.some((c) => c.training.batchSize === 'full');
  const size = full ? 'batch_size' : plan.s('training.batchSize');
  const shuffle = plan.ref('training.shuffle');
  const loader = `DataLoader(train_set, batch_size=${size}${shuffle === 'False' ? '' : `, shuffle=${shuffle}`})`;
  return lines(
    full && `    batch_size = ${plan.s('training.batchSize')} or len(x_train)  # None: the full batch`,
    '    train_set = TensorDataset(x_train, y_train)',
    ...(shape.savedOrder
      ? [
          '    if saved is None:',
          `        batches = ${loader}`,
          "    else:  # Reglab's own order of the samples in every epoch",
          '        order = SavedOrder(saved["shuffle"])',
          `        batches = DataLoader(train_set, batch_size=${size}, sampler=order)`,
        ]
      : [`    batches = ${loader}`]),
  );
}

/** `EarlyStopping`: the test loss watched for `patience` epochs, the best weights kept. */
export function earlyStoppingClass(plan: Plan): string {
  const watched = plan.holdOut ? 'validation_loss' : 'test_loss';
  return lines(
    'class EarlyStopping:',
    docstring(`Stops training once the ${plan.holdOut ? 'validation' : 'test'} loss has not improved by min_delta for \`patience\` epochs.`),
    '',
    '    def __init__(self, patience, min_delta):',
    '        self.patience, self.min_delta = patience, min_delta',
    '        self.best, self.best_state = None, None',
    '',
    '    def stop(self, m, model):',
    docstring('Records an evaluation; True when it is time to stop.', 2),
    `        loss = m["${watched}"]`,
    `        if self.best is None or loss < self.best["${watched}"] - self.min_delta:`,
    '            self.best = m',
    '            self.best_state = {k: v.clone() for k, v in model.state_dict().items()}',
    '            return False',
    '        return m["epoch"] - self.best["epoch"] >= self.patience',
  );
}

function earlyStopping(plan: Plan): string {
  return lines(
    'if stopper is not None and stopper.stop(m, model):',
    '    print(f"[{name}] stopped early at epoch {epoch}")',
    `    if ${plan.s('regularization.earlyStopping.restoreBest')}:`,
    '        model.load_state_dict(stopper.best_state)',
    '        return model, history, stopper.best',
    '    break',
  );
}

function stopperLine(plan: Plan, everywhere: boolean): string {
  const make = `EarlyStopping(${plan.s('regularization.earlyStopping.patience')}, ${plan.s('regularization.earlyStopping.minDelta')})`;
  if (everywhere) return `    stopper = ${make}`;
  return lines('    stopper = None', '    if s.early_stopping_patience is not None:', `        stopper = ${make}`);
}
