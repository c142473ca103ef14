"""PyTorch parity cases for a frozen first layer (model.freeze "first", a random-features
model), computed by real PyTorch.

Writes test/fixtures/parity/frozen.json in the format of ../shared/fixtures/README.md
(format_version 1), optimizer_trajectory cases with one field of their own:

* ``frozen``: the names of the parameters on which ``requires_grad_(False)`` was called
  (here ``0.weight`` and ``0.bias``, the first nn.Linear). They are in no parameter group,
  their ``grads`` are ``null`` (PyTorch leaves ``p.grad`` None) and their ``params_after``
  are their initial values at every step.

What the cases pin down, as a PyTorch script writes it (``model[0].requires_grad_(False)``,
``trained = [p for p in model.parameters() if p.requires_grad]``, the optimizer over
``trained``): no step and no weight decay for the frozen layer, the layers after it trained
as usual (SGD with momentum and weight decay, Adam with an L1 + L2 penalty over the trained
parameters, weight decay on the trained weights with the trained biases in a group without),
and what a penalty that sums over every parameter, the frozen ones included, does: it adds
a constant to the loss and nothing to any gradient. Each case in float64 and float32.

Run with Debian's python3-torch: /usr/bin/python3 scripts/parity/generate-frozen-cases.py
"""

import torch
from torch import nn

from parity_common import DTYPES, TOL, TRAJ32, fixture_path, make_mlp, state, train_trajectory, values, write_fixture

OUT = fixture_path('frozen.json')
FROZEN = ['0.weight', '0.bias']


def group_of(opt_group, names):
    group = {k: v for k, v in opt_group.items() if k not in ('params', 'foreach', 'differentiable', 'fused', 'capturable')}
    group['params'] = names
    return group


def frozen_trajectory(name, description, sizes, activation, dtype_name, seed, make_optimizer, penalty_terms=None):
    """`make_optimizer(model, trained_names)` returns the optimizer and its groups' parameter names."""
    dtype = DTYPES[dtype_name]
    model, spec = make_mlp(sizes, activation, dtype, seed)
    model[0].requires_grad_(False)  # random features: the first layer keeps its initial weights
    names = dict((id(p), k) for k, p in model.named_parameters())
    trained = [k for k, p in model.named_parameters() if p.requires_grad]
    g = torch.Generator().manual_seed(seed + 100)
    x = torch.randn(9, sizes[0], generator=g, dtype=torch.float64).to(dtype)
    y = torch.randn(9, sizes[-1], generator=g, dtype=torch.float64).to(dtype)
    params = dict(model.named_parameters())
    terms = penalty_terms or []

    def penalty():
        total = None
        for term in terms:
            ps = [params[n] for n in term['params']]
            value = term['coef'] * (sum(p.abs().sum() for p in ps) if term['kind'] == 'l1' else sum(p.pow(2).sum() for p in ps))
            total = value if total is None else total + value
        return total

    case = {
        'name': name,
        'category': 'optimizer_trajectory',
        'description': description + f' MLP {"-".join(map(str, sizes))} ({activation}), MSELoss on a batch of 9, 5 full-batch steps, {dtype_name}.',
        'model': {'layers': spec, 'mode': 'train'},
        'param_names': [k for k, _ in model.named_parameters()],
        'frozen': FROZEN,
        'params': state(model),
        'input': values(x),
        'target': values(y),
        'target_kind': 'float',
        'loss': {'type': 'MSELoss', 'reduction': 'mean'},
        'dtype': dtype_name,
    }
    if terms:
        case['penalty'] = {'terms': terms}
    opt, group_names = make_optimizer(model, trained)
    case['optimizer'] = {
        'type': type(opt).__name__,
        'param_groups': [group_of(g, [names[id(p)] for p in g['params']]) for g in opt.param_groups],
        'steps': 5,
    }
    assert all(n not in FROZEN for group in group_names for n in group)
    trajectory, final = train_trajectory(model, opt, nn.MSELoss(), x, y, 5, penalty)
    for n in FROZEN:
        assert trajectory[-1]['params_after'][n] == case['params'][n], f'{name}: {n} moved'
        assert all(e['grads'][n] is None for e in trajectory)
    case['expected'] = {'trajectory': trajectory, 'final_loss': final}
    case['tolerance'] = TOL['float64'] if dtype_name == 'float64' else TRAJ32
    return case


def sgd_momentum_decay(model, trained):
    ps = [p for p in model.parameters() if p.requires_grad]
    return torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.05), [trained]


def adam(model, trained):
    ps = [p for p in model.parameters() if p.requires_grad]
    return torch.optim.Adam(ps, lr=0.01), [trained]


def sgd_weights_only(model, trained):
    weights = [p for k, p in model.named_parameters() if k.endswith('weight') and p.requires_grad]
    biases = [p for k, p in model.named_parameters() if k.endswith('bias') and p.requires_grad]
    opt = torch.optim.SGD([{'params': weights}, {'params': biases, 'weight_decay': 0.0}], lr=0.05, weight_decay=0.1)
    return opt, [[n for n in trained if n.endswith('weight')], [n for n in trained if n.endswith('bias')]]


def sgd_plain(model, trained):
    ps = [p for p in model.parameters() if p.requires_grad]
    return torch.optim.SGD(ps, lr=0.1), [trained]


def main():
    torch.set_num_threads(1)
    cases = []
    for dtype_name in ['float64', 'float32']:
        suffix = '' if dtype_name == 'float64' else '_f32'
        cases += [
            frozen_trajectory(
                f'frozen_first_sgd_momentum_weight_decay{suffix}',
                'Random features: model[0].requires_grad_(False), SGD(lr=0.1, momentum=0.9, weight_decay=0.05) over the '
                'parameters that still require grad. The frozen layer gets no gradient, no step and no decay.',
                [4, 12, 1], 'relu', dtype_name, 21, sgd_momentum_decay,
            ),
            frozen_trajectory(
                f'frozen_first_adam_penalty_on_trained{suffix}',
                'A frozen first layer under Adam(lr=0.01) with an L1 (0.003) + L2 (0.01) penalty summed over the trained '
                'parameters only, as Reglab does.',
                [3, 7, 5, 2], 'tanh', dtype_name, 22, adam,
                [{'kind': 'l1', 'coef': 0.003, 'params': ['2.weight', '2.bias', '4.weight', '4.bias']},
                 {'kind': 'l2_squared', 'coef': 0.01, 'params': ['2.weight', '2.bias', '4.weight', '4.bias']}],
            ),
            frozen_trajectory(
                f'frozen_first_weight_decay_weights_only{suffix}',
                'A frozen first layer, SGD(lr=0.05) with weight_decay 0.1 on the trained weights and the trained biases in a '
                'group with weight_decay 0 (applyTo "weights").',
                [4, 6, 5, 1], 'relu', dtype_name, 23, sgd_weights_only,
            ),
            frozen_trajectory(
                f'frozen_first_penalty_over_every_parameter{suffix}',
                'A penalty summed over every parameter, the frozen ones included (0.02 * sum(p.pow(2).sum() for p in '
                'model.parameters())), SGD(lr=0.1): the frozen part is a constant in the loss, with no gradient and no step.',
                [3, 8, 1], 'relu', dtype_name, 24, sgd_plain,
                [{'kind': 'l2_squared', 'coef': 0.02, 'params': ['0.weight', '0.bias', '2.weight', '2.bias']}],
            ),
        ]
    write_fixture(OUT, 'scripts/parity/generate-frozen-cases.py', cases)


if __name__ == '__main__':
    main()
