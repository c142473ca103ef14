"""What the parity-case generators share: tolerances, dtypes, a small MLP built the way Reglab's
tests describe it, tensors as JSON values, and the fixture file's envelope (format_version 1 of
../shared/fixtures/README.md). Imported by generate-*-cases.py (their folder is on sys.path when
they run as scripts)."""
import json
import os
import platform
import sys

import numpy
import torch
from torch import nn

TOL = {'float64': {'rtol': 1e-9, 'atol': 1e-12}, 'float32': {'rtol': 1e-5, 'atol': 1e-6}}
TRAJ32 = {'rtol': 1e-4, 'atol': 1e-5}
DTYPES = {'float64': torch.float64, 'float32': torch.float32}


def fixture_path(name):
    """test/fixtures/parity/<name>, from this folder."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'fixtures', 'parity', name)


def values(t):
    """A tensor as nested lists of Python floats (repr: shortest round-trip)."""
    return t.detach().double().tolist()


def make_mlp(sizes, activation, dtype, seed):
    torch.manual_seed(seed)
    layers, spec = [], []
    for k, (i, o) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(i, o).to(dtype))
        spec.append({'kind': 'linear', 'in_features': i, 'out_features': o, 'weight': f'{len(spec)}.weight', 'bias': f'{len(spec)}.bias'})
        if k < len(sizes) - 2:
            layers.append({'tanh': nn.Tanh(), 'relu': nn.ReLU()}[activation])
            spec.append({'kind': activation})
    return nn.Sequential(*layers), spec


def state(model):
    return {k: values(v) for k, v in model.state_dict().items()}


def grads(model):
    """Each parameter's gradient; null for one that requires none (PyTorch leaves p.grad None)."""
    return {k: None if p.grad is None else values(p.grad) for k, p in model.named_parameters()}


def train_trajectory(model, opt, criterion, x, y, steps, penalty=lambda: None):
    """`steps` full-batch steps of `opt` on criterion(model(x), y) plus `penalty()` (None: no
    penalty), each recorded as an optimizer_trajectory entry (losses and gradients before the
    step, parameters after it); returns the entries and the final loss."""
    trajectory = []
    for step in range(1, steps + 1):
        opt.zero_grad()
        data_loss = criterion(model(x), y)
        pen = penalty()
        loss = data_loss if pen is None else data_loss + pen
        loss.backward()
        entry = {'step': step, 'loss_before': loss.item(), 'data_loss_before': data_loss.item(), 'grads': grads(model)}
        opt.step()
        entry['params_after'] = state(model)
        trajectory.append(entry)
    with torch.no_grad():
        pen = penalty()
        final = criterion(model(x), y) + (0 if pen is None else pen)
    return trajectory, final.item()


def write_fixture(out, generator, cases):
    """Writes the cases with the envelope the parity test reads, and says how many on stderr."""
    for c in cases:
        if c.get('dtype') == 'float32':
            c['description'] += ' All numbers are float32 values.'
    document = {
        'format_version': 1,
        'meta': {
            'generator': generator,
            'environment': {
                'torch_version': torch.__version__,
                'numpy_version': numpy.__version__,
                'python_version': platform.python_version(),
                'torch_default_num_threads': torch.get_num_threads(),
            },
            'default_tolerance': TOL,
            'float32_trajectory_tolerance': TRAJ32,
        },
        'cases': cases,
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, 'w') as f:
        json.dump(document, f, indent=1)
        f.write('\n')
    print(f'{len(cases)} cases written to {os.path.relpath(out)}', file=sys.stderr)
