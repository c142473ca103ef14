// The legend shared by every chart: one colour per variant (the same in all four views), what
// each variant's runs are doing, and the runs that diverged or failed, with their message.
// A variant's name is a toggle: it hides or shows that variant in every chart. With more than
// COMPACT_AFTER variants the list is compact: one chip per variant, its detail in the tooltip
// (and inline still for a variant with a sweep, whose count is the header's), so the charts
// stay in view.
import { h, icon } from '../dom.ts';
import type { VariantSummary } from '../summary.ts';
import { TRAINING_ICON } from './toolbar.ts';

/** More variants than this: details go to the tooltips. */
export const COMPACT_AFTER = 3;

const STATUS_ICON: Record<string, string> = {
  queued: 'clock',
  running: TRAINING_ICON, // still, not spinning: see toolbar.ts
  finished: 'pass',
  diverged: 'warning',
  failed: 'error',
  cancelled: 'circle-slash',
};

export interface Legend {
  element: HTMLElement;
  update(title: string, file: string, summaries: readonly VariantSummary[], hidden: ReadonlySet<string>): void;
}

/** `toggle`: a click on a variant shows or hides it in every chart. */
export function createLegend(toggle: (variant: string) => void): Legend {
  const heading = h('h1', { class: 'title' });
  const file = h('span', { class: 'file' });
  const list = h('ul', { class: 'variants', attrs: { 'aria-label': 'Variants' } });
  const problems = h('ul', { class: 'problems', attrs: { 'aria-live': 'polite' } });
  const element = h('section', { class: 'summary' }, h('div', { class: 'heading' }, heading, file), list, problems);
  let last = '';
  return {
    element,
    update(title, path, summaries, hidden) {
      const signature = JSON.stringify([title, path, summaries, [...hidden]]);
      if (signature === last) return;
      last = signature;
      heading.textContent = title;
      file.textContent = path;
      const compact = summaries.length > COMPACT_AFTER;
      list.classList.toggle('compact', compact);
      list.replaceChildren(
        ...summaries.map((s) => {
          const status = s.runs === 1 ? (Object.keys(s.counts)[0] ?? 'queued') : s.counts.running ? 'running' : s.counts.queued ? 'queued' : s.problems.length > 0 ? s.problems[0]!.status : 'finished';
          const swatch = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
          swatch.style.backgroundColor = s.color;
          const shown = !hidden.has(s.variant);
          const button = h(
            'button',
            {
              class: 'variant-toggle',
              attrs: { type: 'button', 'aria-pressed': String(shown) },
              title: `${s.name}: ${s.detail}${s.description === undefined ? '' : `\n${s.description}`}\n(click to ${shown ? 'hide it in' : 'show it in'} every chart)`,
            },
            swatch,
            h('span', { class: 'name', text: s.name }),
          );
          button.addEventListener('click', () => toggle(s.variant));
          return h(
            'li',
            { class: `variant status-${status}${shown ? '' : ' is-hidden'}`, data: { variant: s.variant } },
            button,
            icon(STATUS_ICON[status] ?? 'circle'),
            h('span', { class: `detail${s.runs === 1 ? ' single' : ''}`, text: s.detail }),
          );
        }),
      );
      const all = summaries.flatMap((s) => s.problems);
      const shown = all.slice(0, 6);
      problems.replaceChildren(
        ...shown.map((p) => h('li', { class: `problem ${p.status}`, data: { run: p.run } }, icon(p.status === 'diverged' ? 'warning' : 'error'), h('span', { text: p.text }))),
        ...(all.length > shown.length ? [h('li', { class: 'problem more', text: `and ${all.length - shown.length} more` })] : []),
      );
      problems.hidden = all.length === 0;
    },
  };
}
