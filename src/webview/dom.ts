// A few lines of DOM building, so the controls read as the structure they make.

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  /** Attributes, set with setAttribute (role, aria-*, type, …). */
  attrs?: Record<string, string>;
  /** data-* attributes, by their dataset name (testid → data-testid). */
  data?: Record<string, string>;
  title?: string;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class !== undefined) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.title !== undefined) el.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.data ?? {})) el.dataset[name] = value;
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** A codicon, hidden from screen readers (the control around it carries the words). */
export function icon(name: string, extra = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name}${extra === '' ? '' : ` ${extra}`}`, attrs: { 'aria-hidden': 'true' } });
}

/** A button with a codicon and a label (the label hides at narrow widths; the title stays). */
export function iconButton(iconName: string, label: string, props: Props = {}): HTMLButtonElement {
  return h(
    'button',
    { ...props, class: `icon-button${props.class === undefined ? '' : ` ${props.class}`}`, attrs: { type: 'button', ...props.attrs }, title: props.title ?? label },
    icon(iconName),
    h('span', { class: 'label', text: label }),
  );
}
