// The playground: a slider per knob the host offers (λ on a log scale, dropout p, learning
// rate, noise, train size, seed). Moving one retrains the variants it affects, without
// touching the file: the page sends the moved values once the slider has rested for 300 ms.
// "Save as variant" sends every knob's value with a name typed here (no prompt(): webviews
// block it). Test hooks: <input type="range" data-knob="<id>">, data-testid="variant-name"
// and data-testid="save-variant".
import type { Knob } from '../contract.ts';
import { h, icon, iconButton } from '../dom.ts';
import { formatKnob, positionOf, sliderRange, valueAt } from '../knobs.ts';
import { debounce } from '../throttle.ts';

export const PLAYGROUND_DEBOUNCE_MS = 300;
export const MAX_VARIANT_NAME = 100;

export interface PlaygroundActions {
  /** A slider moved: the store takes the value at once. */
  moved(id: Knob['id'], value: number): void;
  /** The moved values, debounced. */
  retrain(values: Partial<Record<Knob['id'], number>>): void;
  saveVariant(name: string): void;
  /** The user opened or closed the playground (the page remembers it). */
  toggled(open: boolean): void;
}

export interface Playground {
  element: HTMLElement;
  update(knobs: readonly Knob[], training: boolean, open: boolean): void;
}

export function createPlayground(actions: PlaygroundActions): Playground {
  const moved: Partial<Record<Knob['id'], number>> = {};
  const send = debounce(() => {
    const values = { ...moved };
    for (const id of Object.keys(moved) as Knob['id'][]) delete moved[id];
    if (Object.keys(values).length > 0) actions.retrain(values);
  }, PLAYGROUND_DEBOUNCE_MS);

  const rows = h('div', { class: 'knobs' });
  const name = h('input', {
    attrs: { type: 'text', id: 'variant-name', placeholder: 'name of the new variant', maxlength: String(MAX_VARIANT_NAME), autocomplete: 'off', spellcheck: 'false' },
    data: { testid: 'variant-name' },
  });
  const save = iconButton('save', 'Save as variant', { data: { testid: 'save-variant' }, title: 'Write these values into the experiment file as a new variant' });
  const hint = h('span', { class: 'hint', text: 'Writes the values above into the file as a new variant.' });
  const submit = () => {
    const text = name.value.trim();
    if (text === '' || text.length > MAX_VARIANT_NAME) return;
    send.flush();
    actions.saveVariant(text);
    name.value = '';
    save.disabled = true;
  };
  name.addEventListener('input', () => (save.disabled = name.value.trim() === ''));
  name.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') submit();
  });
  save.addEventListener('click', submit);
  save.disabled = true;
  const saveRow = h('div', { class: 'save-variant' }, h('label', { class: 'visually-hidden', attrs: { for: 'variant-name' }, text: 'Variant name' }), name, save, hint);
  const element = h(
    'details',
    { class: 'playground', data: { testid: 'playground' } },
    h('summary', {}, icon('settings'), h('span', { text: ' Playground' }), h('span', { class: 'muted', text: ' — try values without editing the file' })),
    rows,
    saveRow,
  );

  let syncing = false;
  element.addEventListener('toggle', () => {
    if (!syncing) actions.toggled(element.open);
  });

  let shape = '';
  const inputs = new Map<Knob['id'], { input: HTMLInputElement; output: HTMLOutputElement; knob: Knob }>();
  return {
    element,
    update(knobs, _training, open) {
      element.hidden = knobs.length === 0;
      if (element.open !== open) {
        syncing = true;
        element.open = open;
        setTimeout(() => (syncing = false), 0);
      }
      const nextShape = JSON.stringify(knobs.map(({ value: _v, ...k }) => k));
      if (nextShape !== shape) {
        shape = nextShape;
        inputs.clear();
        rows.replaceChildren(...knobs.map((knob) => row(knob)));
      }
      for (const knob of knobs) {
        const entry = inputs.get(knob.id);
        if (entry === undefined || document.activeElement === entry.input) continue;
        entry.knob = knob;
        entry.input.value = String(positionOf(knob, knob.value));
        setOutput(entry.output, entry.input, knob, knob.value);
      }
    },
  };

  function row(knob: Knob): HTMLElement {
    const range = sliderRange(knob);
    const id = `knob-${knob.id}`;
    const input = h('input', {
      attrs: { type: 'range', id, min: String(range.min), max: String(range.max), step: String(range.step) },
      data: { knob: knob.id, scale: knob.scale },
    });
    input.value = String(positionOf(knob, knob.value));
    const output = h('output', { class: 'knob-value', attrs: { for: id } });
    setOutput(output, input, knob, knob.value);
    const entry = { input, output, knob };
    inputs.set(knob.id, entry);
    input.addEventListener('input', () => {
      const value = valueAt(entry.knob, Number(input.value));
      setOutput(output, input, entry.knob, value);
      moved[knob.id] = value;
      actions.moved(knob.id, value);
      send.call();
    });
    const affects = knob.variants.length === 0 ? 'every variant' : knob.variants.map((v) => (v === '' ? 'base' : v)).join(', ');
    return h(
      'div',
      { class: 'knob' },
      // The label wraps rather than being cut ("weight dec…"); the title says the rest.
      h('label', { attrs: { for: id }, text: knob.label, title: `${knob.label}: ${knob.path} · ${knob.scale} scale · retrains ${affects}` }),
      input,
      output,
    );
  }
}

function setOutput(output: HTMLOutputElement, input: HTMLInputElement, knob: Knob, value: number): void {
  const text = formatKnob(knob, value);
  output.textContent = text;
  input.setAttribute('aria-valuetext', text);
}
