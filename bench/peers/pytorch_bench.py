#!/usr/bin/env python3
"""PyTorch peer of Reglab's benchmark (bench/peers/pytorch.ts starts it; see workloads.md).

One process serves every workload, so torch is imported once. The protocol is JSON lines:
each line on stdin is a request

    {"workload": "W1", "dir": "/tmp/...", "tensors": {name: {"file", "dtype", "shape"}},
     "config": {...hyper-parameters...}, "warmupRuns": 1, "timedRuns": 5}

and the answer on stdout is any number of {"progress": "..."} lines, then one
{"result": {"runs": [{"wallMs", "cpuMs"}...], "losses": [...]}} or {"error": "..."}.
The first line printed at start-up is {"hello": {...versions and threads...}}.

The data and initial weights are the TypeScript generators' (bench/workloads.ts), written as
raw little-endian files, so every engine trains on the same numbers. Float32, one thread,
the timing rules of workloads.md: setup untimed, 1 warm-up, then the timed runs, gc between.
"""

import gc
import json
import os
import sys
import time
import traceback

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
try:
    torch.set_num_interop_threads(1)
except RuntimeError:  # only settable before any parallel work; harmless if already set
    pass
torch.set_default_dtype(torch.float32)

DTYPES = {"float32": np.float32, "int32": np.int32}


def emit(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def load_tensors(request):
    tensors = {}
    for name, meta in request["tensors"].items():
        path = os.path.join(request["dir"], meta["file"])
        array = np.fromfile(path, dtype=DTYPES[meta["dtype"]]).reshape(meta["shape"])
        tensors[name] = torch.from_numpy(array)
    return tensors


# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------

def mlp(tensors, prefix):
    """Fresh leaf parameters from `prefix.{l}.W` ([fanIn, fanOut], the spec's layout) and `.b`.

    W is stored transposed, [out, in], as nn.Linear stores it, and used through F.linear,
    which is exactly what nn.Linear.forward runs.
    """
    layers = []
    l = 0
    while f"{prefix}.{l}.W" in tensors:
        # A copy, always: the loaded arrays must stay untouched for the next run's fresh start.
        W = tensors[f"{prefix}.{l}.W"].t().clone(memory_format=torch.contiguous_format).requires_grad_(True)
        b = tensors[f"{prefix}.{l}.b"].clone().requires_grad_(True)
        layers.append((W, b))
        l += 1
    return layers


def parameters(net):
    return [p for layer in net for p in layer]


def forward(net, x, dropout=0.0):
    """Linear -> [Dropout] -> ReLU for each hidden layer, Linear for the last."""
    h = x
    for i, (W, b) in enumerate(net):
        h = F.linear(h, W, b)
        if i < len(net) - 1:
            if dropout > 0:
                h = F.dropout(h, dropout, training=True)  # inverted, a new mask every call
            h = F.relu(h)
    return h


def optimizer(params, config):
    kind = config["type"]
    if kind == "sgd":
        return torch.optim.SGD(params, lr=config["lr"])
    if kind == "sgd_momentum":
        return torch.optim.SGD(params, lr=config["lr"], momentum=config["momentum"])
    if kind == "adam":
        return torch.optim.Adam(params, lr=config["lr"], betas=(config["beta1"], config["beta2"]), eps=config["epsilon"])
    raise ValueError(f"unknown optimizer {kind}")


def step(opt, objective):
    """One full step: forward (objective), backward, update. Returns the pre-update loss tensor."""
    opt.zero_grad(set_to_none=True)
    loss = objective()
    loss.backward()
    opt.step()
    return loss


def mse(pred, y):
    return ((pred - y) ** 2).mean()


def half_mse(pred, y):
    return ((pred - y) ** 2 / 2).mean()


# ---------------------------------------------------------------------------
# Workloads: each setup builds everything untimed and returns train(), the timed loop
# ---------------------------------------------------------------------------

def setup_w1(t, c):
    plain, decay = mlp(t, "plain"), mlp(t, "decay")
    plain_params, decay_params = parameters(plain), parameters(decay)
    opt_plain, opt_decay = optimizer(plain_params, c["optimizer"]), optimizer(decay_params, c["optimizer"])
    x, y, half_wd = t["x"], t["y"], c["weightDecay"] / 2

    def train():
        for _ in range(c["iterations"]):
            loss_plain = step(opt_plain, lambda: mse(forward(plain, x), y))
            loss_decay = step(opt_decay, lambda: mse(forward(decay, x), y)
                              + half_wd * sum((p ** 2).sum() for p in decay_params))
        return [loss_plain.item(), loss_decay.item()]

    return train


def setup_w2(t, c):
    plain, dropped = mlp(t, "plain"), mlp(t, "dropout")
    opt_plain, opt_dropped = optimizer(parameters(plain), c["optimizer"]), optimizer(parameters(dropped), c["optimizer"])
    x, y, p = t["x"], t["y"], c["dropout"]

    def train():
        for _ in range(c["iterations"]):
            loss_plain = step(opt_plain, lambda: mse(forward(plain, x), y))
            loss_dropped = step(opt_dropped, lambda: mse(forward(dropped, x, p), y))
        return [loss_plain.item(), loss_dropped.item()]

    return train


def setup_w3(t, c):
    X_train, y_train, X_test, y_test = t["Xtrain"], t["ytrain"], t["Xtest"], t["ytest"]
    # The shuffle order of every epoch, [epochs, nTrain]: the same for every lambda since the
    # spec restarts mulberry32(303) per lambda; computed by the TS side because mulberry32 in
    # Python would time the interpreter rather than torch.
    order = t["order"].long()
    runs = []
    for lam in c["lambdas"]:  # every lambda's parameters and optimizer exist before the timer
        w = t["w"].clone().requires_grad_(True)
        b = t["b"].clone().requires_grad_(True)
        runs.append((lam, w, b, optimizer([w, b], c["optimizer"])))
    batch, n_train = c["batch"], c["nTrain"]

    def train():
        last = [float("nan"), float("nan")]
        for lam, w, b, opt in runs:
            for epoch in range(c["epochs"]):
                perm = order[epoch]
                for start in range(0, n_train, batch):
                    idx = perm[start:start + batch]
                    Xb, yb = X_train[idx], y_train[idx]
                    # d2l: squared loss / 2 plus lambda * ||w||^2 / 2; the bias is not decayed.
                    step(opt, lambda: half_mse(Xb @ w + b, yb) + lam / 2 * (w ** 2).sum())
                if (epoch + 1) % c["evalEvery"] == 0:
                    with torch.no_grad():
                        last = [half_mse(X_train @ w + b, y_train).item(), half_mse(X_test @ w + b, y_test).item()]
        return last

    return train


def setup_w4(t, c):
    net = mlp(t, "net")
    params = parameters(net)
    opt = optimizer(params, c["optimizer"])
    X, labels = t["X"], t["labels"].long()
    batch, l1 = c["batch"], c["l1Lambda"]

    def train():
        for s in range(c["steps"]):
            Xb, yb = X[s * batch:(s + 1) * batch], labels[s * batch:(s + 1) * batch]
            loss = step(opt, lambda: F.cross_entropy(forward(net, Xb), yb) + l1 * sum(p.abs().sum() for p in params))
        return [loss.item()]

    return train


def setup_w5(t, c):
    net = mlp(t, "net")
    opt = optimizer(parameters(net), c["optimizer"])
    X, labels = t["X"], t["labels"].long()

    def train():
        for _ in range(c["stepsPerRun"]):
            loss = step(opt, lambda: F.cross_entropy(forward(net, X), labels))
        return [loss.item()]

    return train


SETUPS = {"W1": setup_w1, "W2": setup_w2, "W3": setup_w3, "W4": setup_w4, "W5": setup_w5}


def measure(request):
    tensors = load_tensors(request)
    setup = SETUPS[request["workload"].split("_")[0]]
    warmup, timed = request["warmupRuns"], request["timedRuns"]
    runs, losses = [], []
    for i in range(warmup + timed):
        gc.collect()
        train = setup(tensors, request["config"])
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        losses = train()
        wall_ms = (time.perf_counter() - wall_start) * 1000
        cpu_ms = (time.process_time() - cpu_start) * 1000
        label = "warm-up" if i < warmup else f"run {i - warmup + 1}/{timed}"
        if i >= warmup:
            runs.append({"wallMs": wall_ms, "cpuMs": cpu_ms})
        emit({"progress": f"{label} {wall_ms:.1f} ms"})
        del train
    gc.collect()
    return {"runs": runs, "losses": losses}


def blas_libraries():
    """The BLAS shared libraries mapped into this process (Linux), resolved through symlinks.

    Debian's torch calls whatever libblas.so.3 the alternatives system points at: the
    reference (netlib) BLAS by default, many times slower at matmul than the MKL that pip's
    torch wheels ship, or OpenBLAS when installed. The table should say which one it measured.
    """
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() or "mkl" in line.lower()}
    except OSError:
        return []
    return sorted({os.path.realpath(p) for p in paths if p.startswith("/")})


def main():
    emit({"hello": {
        "blas": blas_libraries(),
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "threads": torch.get_num_threads(),
        "interopThreads": torch.get_num_interop_threads(),
    }})
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            emit({"result": measure(json.loads(line))})
        except Exception:  # report to the TS side, keep serving the other workloads
            emit({"error": traceback.format_exc()})


if __name__ == "__main__":
    main()
