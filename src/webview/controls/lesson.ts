// "What to look for": the experiment's description and each variant's, the lesson in words
// that the file's author wrote and the schema's hover docs promise to show. Collapsible; when
// closed, its summary line still shows the first sentence. Test hook: <details data-testid="lesson">.
import { h, icon } from '../dom.ts';

export interface Lesson {
  element: HTMLDetailsElement;
  update(description: string | undefined, variants: readonly { name: string; description: string }[], open: boolean): void;
}

/** `toggled`: the user opened or closed it (the page remembers that). */
export function createLesson(toggled: (open: boolean) => void): Lesson {
  const preview = h('span', { class: 'lesson-preview' });
  const body = h('p', { class: 'lesson-text' });
  const list = h('dl', { class: 'lesson-variants' });
  const element = h(
    'details',
    { class: 'lesson', data: { testid: 'lesson' } },
    h('summary', {}, icon('lightbulb'), h('span', { class: 'lesson-label', text: ' What to look for' }), preview),
    body,
    list,
  );
  let syncing = false;
  element.addEventListener('toggle', () => {
    if (!syncing) toggled(element.open);
  });
  let last = '';
  return {
    element,
    update(description, variants, open) {
      element.hidden = description === undefined && variants.length === 0;
      if (element.open !== open) {
        syncing = true;
        element.open = open;
        // The toggle event fires asynchronously: stop ignoring it after it has.
        setTimeout(() => (syncing = false), 0);
      }
      const signature = JSON.stringify([description, variants]);
      if (signature === last) return;
      last = signature;
      preview.textContent = description === undefined ? '' : ` — ${firstSentence(description)}`;
      body.textContent = description ?? '';
      body.hidden = description === undefined;
      list.replaceChildren(...variants.flatMap((v) => [h('dt', { text: v.name }), h('dd', { text: v.description })]));
      list.hidden = variants.length === 0;
    },
  };
}

/** Up to the first full stop followed by a space (or the whole text). */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/s.exec(text);
  return (match?.[1] ?? text).trim();
}
