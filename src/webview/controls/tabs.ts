// The tab strip: Fit, Loss, Sweep, Weights. Buttons with role="tab" and data-view (a test
// hook); arrow keys, Home and End move between them, as ARIA's tabs pattern asks.
import { VIEWS, type View } from '../contract.ts';
import { h } from '../dom.ts';
import { VIEW_LABELS } from '../views/index.ts';

export interface Tabs {
  element: HTMLElement;
  panels: Record<View, HTMLElement>;
  select(view: View): void;
}

export function createTabs(onSelect: (view: View) => void): Tabs {
  const buttons = new Map<View, HTMLButtonElement>();
  const panels = {} as Record<View, HTMLElement>;
  for (const view of VIEWS) {
    const button = h('button', {
      class: 'tab',
      text: VIEW_LABELS[view],
      attrs: { type: 'button', role: 'tab', id: `tab-${view}`, 'aria-controls': `view-${view}`, 'aria-selected': 'false', tabindex: '-1' },
      data: { view },
    });
    button.addEventListener('click', () => onSelect(view));
    buttons.set(view, button);
    panels[view] = h('section', { class: 'view', attrs: { role: 'tabpanel', id: `view-${view}`, 'aria-labelledby': `tab-${view}` }, data: { view } });
  }
  const element = h('div', { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Views' } }, ...buttons.values());
  element.addEventListener('keydown', (event) => {
    const index = VIEWS.findIndex((v) => buttons.get(v) === document.activeElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowRight' ? (index + 1) % VIEWS.length
      : event.key === 'ArrowLeft' ? (index + VIEWS.length - 1) % VIEWS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? VIEWS.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    const view = VIEWS[next]!;
    buttons.get(view)!.focus();
    onSelect(view);
  });
  return {
    element,
    panels,
    select(view) {
      for (const [v, button] of buttons) {
        const selected = v === view;
        button.setAttribute('aria-selected', String(selected));
        button.tabIndex = selected ? 0 : -1;
        panels[v].hidden = !selected;
      }
    },
  };
}
