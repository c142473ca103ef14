"""PyTorch parity cases for the semantics of issue 14, computed by real PyTorch.

Writes test/fixtures/parity/protocols.json in the format of ../shared/fixtures/README.md
(format_version 1), with two categories of its own, which test/unit/engine/parity.test.ts
checks beside the shared file's:

* ``dropout_trajectory``: an MLP with nn.Dropout layers trained for a few optimizer steps in
  train mode, with the dropout masks drawn from Reglab's generator (mulberry32, from the
  32-bit state ``dropout_state``): element i of a dropout layer's input, row-major, is
  dropped when the next draw r / 2**32 is below p and kept as x / (1 - p) otherwise; the
  layers share the generator, in forward order. Per step, as the optimizer_trajectory cases,
  ``loss_before``, ``data_loss_before``, ``grads`` and ``params_after``, and
  ``eval_loss_after``: the data loss on the whole (full-batch) training input in eval mode
  (dropout off) after the step, the "train loss (eval mode, full set)" of
  training.evalTrain, d2l's evaluate_loss. This pins Reglab's dropout masks (what the
  exported --exact scripts re-implement) and both train losses against torch.
* ``init_normal_statistics``: ``for p in net.parameters(): p.data.normal_(0, std)``, d2l's
  initialisation (model.init "normal" with initBias "normal"): per shape the observed mean
  and std of weights and of biases, pooled over seeds, and the theory (mean 0, std ``std``).

Run with Debian's python3-torch: /usr/bin/python3 scripts/parity/generate-protocol-cases.py
"""
import json
import os
import platform
import sys

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "parity", "protocols.json")
M32 = np.uint64(0xFFFFFFFF)


class Mulberry32:
    """Reglab's generator (src/engine/random.ts): the same 32-bit steps, in uint64 numpy."""

    def __init__(self, state):
        self.state = state

    def next32(self, n):
        k = np.arange(1, n + 1, dtype=np.uint64)
        t = (np.uint64(self.state) + k * np.uint64(0x6D2B79F5)) & M32
        self.state = int(t[-1]) if n > 0 else self.state
        t = ((t ^ (t >> np.uint64(15))) * (t | np.uint64(1))) & M32
        t ^= (t + (((t ^ (t >> np.uint64(7))) * (t | np.uint64(61))) & M32)) & M32
        return t ^ (t >> np.uint64(14))


class ReglabDropout(nn.Dropout):
    def __init__(self, p, generator):
        super().__init__(p)
        self.generator = generator

    def forward(self, x):
        if not self.training or self.p == 0:
            return x
        drop = self.generator.next32(x.numel()) < self.p * 2.0**32
        keep = 1 / torch.tensor(1 - self.p, dtype=x.dtype)
        dropped = torch.from_numpy(drop).reshape(x.shape)
        return x * torch.where(dropped, torch.zeros((), dtype=x.dtype), keep)


def tolist(t):
    return t.detach().tolist()


def layer_json(index, layer):
    if isinstance(layer, nn.Linear):
        return {"kind": "linear", "in_features": layer.in_features, "out_features": layer.out_features,
                "weight": f"{index}.weight", "bias": f"{index}.bias"}
    if isinstance(layer, nn.ReLU):
        return {"kind": "relu"}
    if isinstance(layer, nn.Tanh):
        return {"kind": "tanh"}
    if isinstance(layer, nn.Dropout):
        return {"kind": "dropout", "p": layer.p}
    raise ValueError(layer)


def dropout_trajectory(name, description, sizes, activation, ps, loss, target_kind, optimizer, steps, state, seed):
    torch.manual_seed(seed)
    layers = []
    for k in range(len(sizes) - 2):
        layers += [nn.Linear(sizes[k], sizes[k + 1]), activation()]
        if ps[k] > 0:
            layers.append(nn.Dropout(ps[k]))
    layers.append(nn.Linear(sizes[-2], sizes[-1]))
    model = nn.Sequential(*layers)
    batch = 7
    x = torch.randn(batch, sizes[0])
    if target_kind == "class_index":
        y = torch.randint(0, sizes[-1], (batch,))
        criterion = nn.CrossEntropyLoss()
        loss_json = {"type": "CrossEntropyLoss", "reduction": "mean"}
    else:
        y = torch.randn(batch, sizes[-1])
        criterion = nn.MSELoss()
        loss_json = {"type": "MSELoss", "reduction": "mean"}
    layers_json = [layer_json(i, layer) for i, layer in enumerate(model)]
    names = [n for n, _ in model.named_parameters()]
    params = {n: tolist(p) for n, p in model.named_parameters()}
    generator = Mulberry32(state)
    for i, layer in enumerate(model):
        if isinstance(layer, nn.Dropout):
            model[i] = ReglabDropout(layer.p, generator)
    opt_type, options = optimizer
    opt = getattr(torch.optim, opt_type)(model.parameters(), **options)
    group = {k: v for k, v in opt.param_groups[0].items() if k != "params"}
    group = {k: (list(v) if isinstance(v, tuple) else v) for k, v in group.items() if v is None or isinstance(v, (int, float, bool, tuple))}
    group["params"] = names
    trajectory = []
    model.train()
    for step in range(1, steps + 1):
        opt.zero_grad()
        data_loss = criterion(model(x), y)
        data_loss.backward()
        grads = {n: tolist(p.grad) for n, p in model.named_parameters()}
        opt.step()
        model.eval()
        with torch.no_grad():
            eval_loss = criterion(model(x), y).item()
        model.train()
        trajectory.append({
            "step": step, "loss_before": data_loss.item(), "data_loss_before": data_loss.item(), "grads": grads,
            "params_after": {n: tolist(p) for n, p in model.named_parameters()}, "eval_loss_after": eval_loss,
        })
    return {
        "name": name, "category": "dropout_trajectory", "description": description,
        "model": {"layers": layers_json, "mode": "train"}, "param_names": names, "params": params,
        "input": tolist(x), "target": tolist(y), "target_kind": target_kind, "loss": loss_json,
        "optimizer": {"type": opt_type, "param_groups": [group], "steps": steps},
        "dropout_state": state, "dropout_generator": "mulberry32",
        "dtype": "float64", "expected": {"trajectory": trajectory},
        "tolerance": {"rtol": 1e-9, "atol": 1e-12},
    }


def init_normal_statistics():
    shapes = []
    for fan_in, fan_out, std in [(200, 1, 1.0), (30, 50, 0.5)]:
        weights, biases = [], []
        for seed in range(20):
            torch.manual_seed(seed)
            layer = nn.Linear(fan_in, fan_out)
            for p in layer.parameters():
                p.data.normal_(0, std)
            weights.append(layer.weight.detach().flatten())
            biases.append(layer.bias.detach().flatten())
        w, b = torch.cat(weights), torch.cat(biases)
        shapes.append({
            "in_features": fan_in, "out_features": fan_out, "draws": 20,
            "theory": {"mean": 0.0, "std": std},
            "observed": {"weight_mean": w.mean().item(), "weight_std": w.std().item(), "weight_count": w.numel(),
                         "bias_mean": b.mean().item(), "bias_std": b.std().item(), "bias_count": b.numel(),
                         "bias_nonzero": int((b != 0).sum())},
        })
    return {
        "name": "init_normal_weight_and_bias",
        "category": "init_normal_statistics",
        "description": "d2l's initialisation: for p in net.parameters(): p.data.normal_(0, std), so the bias is "
                       "drawn like the weight (model.init \"normal\", initBias \"normal\"). Per shape, 20 draws pooled: "
                       "observed mean and std of the weights and of the biases; theory N(0, std²).",
        "dtype": "float32",
        "expected": {"shapes": shapes},
        "tolerance": {"note": "statistical: compare sample std with theory within 5 standard errors"},
    }


def main():
    torch.set_default_dtype(torch.float64)
    cases = [
        dropout_trajectory(
            "dropout_adam_regression_reglab_masks",
            "MLP 3-8-8-1 relu, Dropout(0.5) after the first hidden layer and Dropout(0.3) after the second, "
            "MSELoss mean, full batch of 7, 5 Adam(lr=0.01) steps in train mode with Reglab's dropout masks "
            "(mulberry32 from dropout_state); after each step the eval-mode loss on the same batch.",
            [3, 8, 8, 1], nn.ReLU, [0.5, 0.3], "mse", "float", ("Adam", {"lr": 0.01}), 5, 0x2F6B1C09, 11),
        dropout_trajectory(
            "dropout_sgd_classifier_reglab_masks",
            "MLP 4-10-3 tanh, Dropout(0.5), CrossEntropyLoss, full batch of 7, 5 SGD(lr=0.1, momentum=0.9) "
            "steps in train mode with Reglab's dropout masks; after each step the eval-mode loss.",
            [4, 10, 3], nn.Tanh, [0.5], "ce", "class_index", ("SGD", {"lr": 0.1, "momentum": 0.9}), 5, 123456789, 12),
    ]
    torch.set_default_dtype(torch.float32)
    cases.append(init_normal_statistics())
    meta = {
        "generator": "scripts/parity/generate-protocol-cases.py",
        "environment": {"torch_version": torch.__version__, "numpy_version": np.__version__,
                        "python_version": platform.python_version()},
        "default_tolerance": {"float64": {"rtol": 1e-9, "atol": 1e-12}, "float32": {"rtol": 1e-5, "atol": 1e-6}},
        "float32_trajectory_tolerance": {"rtol": 1e-4, "atol": 1e-5},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"format_version": 1, "meta": meta, "cases": cases}, f)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
