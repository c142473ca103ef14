#!/usr/bin/python3
"""PyTorch parity cases for the regularizers of issue 13: label smoothing and Gaussian input noise.

Run with Debian's PyTorch (python3-torch 1.13):

    /usr/bin/python3 scripts/parity/generate-regularizer-cases.py

It writes test/fixtures/parity/regularizers.json in the format of ../shared/fixtures/README.md
(format_version 1), which test/unit/engine/parity.test.ts reads beside the shared fixtures.
New in this file (documented in test/fixtures/parity/README.md):

* `loss.label_smoothing` on CrossEntropyLoss cases (`torch.nn.CrossEntropyLoss(label_smoothing=eps)`),
  in `mlp_forward_backward` and `optimizer_trajectory` cases;
* category `input_noise`: a forward/backward case whose model input is `x + std * noise` in train mode
  (the standard-normal `noise` is written out, so no generator has to match torch's) and `x` in eval mode;
* category `input_noise_statistics`: what `GaussianNoise(std)` (below) draws with torch's own generator.
"""
import math

import torch
from torch import nn

from parity_common import DTYPES, TOL, TRAJ32, fixture_path, grads, make_mlp, state, train_trajectory, values, write_fixture

OUT = fixture_path('regularizers.json')


class GaussianNoise(nn.Module):
    """x + N(0, std^2) per element in train mode, the identity in eval mode (what Reglab's export writes)."""

    def __init__(self, std):
        super().__init__()
        self.std = std

    def forward(self, x):
        if self.training and self.std > 0:
            return x + self.std * torch.randn_like(x)
        return x


def base_case(name, description, category, model, spec, x, target, loss, dtype, mode='train'):
    return {
        'name': name,
        'category': category,
        'description': description,
        'model': {'layers': spec, 'mode': mode},
        'param_names': [k for k, _ in model.named_parameters()],
        'params': state(model),
        'input': values(x),
        'target': target.tolist(),
        'target_kind': 'class_index',
        'loss': loss,
        'dtype': dtype,
    }


def classifier(sizes, activation, batch, dtype_name, seed):
    dtype = DTYPES[dtype_name]
    model, spec = make_mlp(sizes, activation, dtype, seed)
    g = torch.Generator().manual_seed(seed + 100)
    x = torch.randn(batch, sizes[0], generator=g, dtype=torch.float64).to(dtype)
    y = torch.randint(0, sizes[-1], (batch,), generator=g)
    return model, spec, x, y


def label_smoothing_case(name, sizes, activation, batch, eps, reduction, dtype_name, seed):
    model, spec, x, y = classifier(sizes, activation, batch, dtype_name, seed)
    criterion = nn.CrossEntropyLoss(label_smoothing=eps, reduction=reduction)
    out = model(x)
    loss = criterion(out, y)
    loss.backward()
    c = base_case(
        name,
        f'MLP {"-".join(map(str, sizes))} ({activation}), CrossEntropyLoss(label_smoothing={eps}, reduction={reduction}) '
        f'on a batch of {batch}, {dtype_name}. The target distribution is (1 - eps) * onehot + eps / C, so the loss is '
        f'(1 - eps) * (logsumexp(z) - z[target]) + eps / C * sum_c (logsumexp(z) - z[c]) per sample and its gradient '
        f'softmax(z) - (1 - eps) * onehot - eps / C. Expected: output, loss and every gradient.',
        'mlp_forward_backward', model, spec, x, y, {'type': 'CrossEntropyLoss', 'reduction': reduction, 'label_smoothing': eps}, dtype_name,
    )
    c['expected'] = {'output': values(out), 'data_loss': loss.item(), 'penalty': 0.0, 'loss': loss.item(), 'grads': grads(model)}
    c['tolerance'] = TOL[dtype_name]
    return c


def label_smoothing_trajectory(name, eps, dtype_name, seed):
    sizes = [3, 6, 4]
    model, spec, x, y = classifier(sizes, 'tanh', 9, dtype_name, seed)
    criterion = nn.CrossEntropyLoss(label_smoothing=eps)
    c = base_case(
        name,
        f'MLP 3-6-4 (tanh) trained 5 full-batch steps of SGD(lr=0.5, momentum=0.9) on CrossEntropyLoss(label_smoothing={eps}), '
        f'{dtype_name}: losses, gradients and parameters after every step.',
        'optimizer_trajectory', model, spec, x, y, {'type': 'CrossEntropyLoss', 'reduction': 'mean', 'label_smoothing': eps}, dtype_name,
    )
    opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
    group = {k: v for k, v in opt.param_groups[0].items() if k != 'params' and k != 'foreach' and k != 'differentiable'}
    group['params'] = [k for k, _ in model.named_parameters()]
    c['optimizer'] = {'type': 'SGD', 'param_groups': [group], 'steps': 5}
    trajectory, final = train_trajectory(model, opt, criterion, x, y, 5)
    c['expected'] = {'trajectory': trajectory, 'final_loss': final}
    c['tolerance'] = TOL['float64'] if dtype_name == 'float64' else TRAJ32
    return c


def input_noise_case(name, std, mode, dtype_name, seed):
    """Train mode: the model sees x + std * noise with the noise written out; eval mode: x itself."""
    dtype = DTYPES[dtype_name]
    sizes = [2, 5, 3]
    model, spec, x, y = classifier(sizes, 'relu', 6, dtype_name, seed)
    g = torch.Generator().manual_seed(seed + 200)
    noise = torch.randn(x.shape, generator=g, dtype=torch.float64).to(dtype)
    layer = GaussianNoise(std)
    layer.train(mode == 'train')
    model.train(mode == 'train')
    criterion = nn.CrossEntropyLoss()
    # The module's own draw replaced by the written-out one: x + std * noise, computed as torch does.
    noisy = x + std * noise if layer.training else layer(x)
    out = model(noisy)
    loss = criterion(out, y)
    loss.backward()
    c = base_case(
        name,
        f'Gaussian input noise (std {std}) in {mode} mode on MLP 2-5-3 (relu), CrossEntropyLoss, {dtype_name}. '
        + ('The model input is x + std * noise, with the standard-normal noise given in input_noise.noise (torch.randn draws), '
           'so the output, loss and gradients are deterministic.' if mode == 'train' else
           'In eval mode the noise is off: the model input is x itself (input_noise.noise is given but must not be used).'),
        'input_noise', model, spec, x, y, {'type': 'CrossEntropyLoss', 'reduction': 'mean'}, dtype_name, mode,
    )
    c['input_noise'] = {'std': std, 'noise': values(noise)}
    c['expected'] = {
        'noisy_input': values(noisy), 'output': values(out), 'data_loss': loss.item(), 'penalty': 0.0, 'loss': loss.item(), 'grads': grads(model),
    }
    c['tolerance'] = TOL[dtype_name]
    return c


def input_noise_statistics():
    n = 20000
    results = []
    for std in [0.1, 0.5, 2.0]:
        layer = GaussianNoise(std)
        observed = []
        for seed in [0, 1, 2, 3]:
            torch.manual_seed(seed)
            x = torch.linspace(-1, 1, n, dtype=torch.float32).requires_grad_()
            layer.train()
            y = layer(x)
            y.sum().backward()
            d = (y - x).detach().double()
            layer.eval()
            same = layer(x)
            observed.append({
                'seed': seed,
                'mean': d.mean().item(),
                'variance': d.var(unbiased=True).item(),
                'fraction_within_1_std': (d.abs() <= std).double().mean().item(),
                'grad_is_ones': bool(torch.all(x.grad == 1).item()),
                'eval_is_identity': bool(same is x),
            })
        results.append({
            'std': std,
            'theory': {
                'mean': 0.0,
                'variance': std * std,
                'std_of_mean': std / math.sqrt(n),
                'std_of_variance': std * std * math.sqrt(2 / (n - 1)),
                'fraction_within_1_std': math.erf(1 / math.sqrt(2)),
                'std_of_fraction': math.sqrt(math.erf(1 / math.sqrt(2)) * (1 - math.erf(1 / math.sqrt(2))) / n),
            },
            'observed': observed,
        })
    return {
        'name': 'input_noise_train_statistics',
        'category': 'input_noise_statistics',
        'kind': 'statistical',
        'description': (
            'Gaussian input noise cannot be matched element-wise across random generators, so this records what '
            'GaussianNoise(std) (x + std * torch.randn_like(x) in train mode, the identity in eval mode) does in PyTorch, '
            f'float32, on x = linspace(-1, 1, {n}): per std and seed the mean and unbiased variance of the injected noise '
            '(output - input), the share of it within one std, whether grad(sum(output)) w.r.t. the input is all ones, and '
            'whether eval mode returns the input itself. Suggested check for an engine with its own generator: '
            '|mean| <= 5 std_of_mean, |variance - std^2| <= 5 std_of_variance, |fraction - erf(1/sqrt 2)| <= 5 std_of_fraction.'
        ),
        'n': n,
        'dtype': 'float32',
        'expected': {'results': results},
    }


def main():
    torch.set_num_threads(1)
    cases = []
    for dtype_name in ['float64', 'float32']:
        suffix = '' if dtype_name == 'float64' else '_f32'
        cases += [
            label_smoothing_case(f'ce_label_smoothing_0.1_mean{suffix}', [3, 5, 4], 'tanh', 7, 0.1, 'mean', dtype_name, 11),
            label_smoothing_case(f'ce_label_smoothing_0.25_sum{suffix}', [4, 6, 3], 'relu', 5, 0.25, 'sum', dtype_name, 12),
            label_smoothing_case(f'ce_label_smoothing_1.0_uniform_target{suffix}', [3, 4, 5], 'tanh', 6, 1.0, 'mean', dtype_name, 13),
            label_smoothing_case(f'ce_label_smoothing_0_is_plain_ce{suffix}', [3, 5, 4], 'tanh', 7, 0.0, 'mean', dtype_name, 11),
            label_smoothing_trajectory(f'opt_sgd_momentum_label_smoothing_0.2{suffix}', 0.2, dtype_name, 14),
            input_noise_case(f'input_noise_0.3_train_fixed_draws{suffix}', 0.3, 'train', dtype_name, 15),
            input_noise_case(f'input_noise_0.3_eval_is_identity{suffix}', 0.3, 'eval', dtype_name, 15),
        ]
    cases.append(input_noise_statistics())
    write_fixture(OUT, 'scripts/parity/generate-regularizer-cases.py', cases)


if __name__ == '__main__':
    main()
