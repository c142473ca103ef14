// The Fit view's replay: after training, a slider over the snapshot epochs and a play button
// step the fitted curves through training, like the tutorials' plots every N steps. While
// training the view follows the newest snapshot instead. Test hook: data-testid="fit-epoch".
import { h, iconButton } from '../dom.ts';

export const PLAY_STEP_MS = 450;

export interface Scrubber {
  element: HTMLElement;
  /** The epochs with a snapshot, the shown one (null: the latest), and whether to show at all. */
  update(epochs: readonly number[], shown: number | null, visible: boolean): void;
  stop(): void;
}

export function createScrubber(select: (epoch: number | null) => void): Scrubber {
  let epochs: readonly number[] = [];
  let timer: ReturnType<typeof setInterval> | undefined;
  const range = h('input', { attrs: { type: 'range', min: '0', max: '0', step: '1', id: 'fit-epoch', 'aria-label': 'Snapshot epoch' }, data: { testid: 'fit-epoch' } });
  const label = h('output', { class: 'epoch', attrs: { for: 'fit-epoch' } });
  const play = iconButton('play', 'Replay', { data: { testid: 'fit-play' }, title: 'Replay the fit through training' });
  const setPlaying = (playing: boolean) => {
    play.querySelector('.codicon')!.className = `codicon codicon-${playing ? 'debug-pause' : 'play'}`;
    play.querySelector('.label')!.textContent = playing ? 'Pause' : 'Replay';
  };
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    setPlaying(false);
  };
  range.addEventListener('input', () => {
    stop();
    const i = Number(range.value);
    select(i >= epochs.length - 1 ? null : epochs[i]!);
  });
  play.addEventListener('click', () => {
    if (timer !== undefined) return stop();
    if (epochs.length < 2) return;
    let i = Number(range.value) >= epochs.length - 1 ? 0 : Number(range.value);
    select(epochs[i]!);
    setPlaying(true);
    timer = setInterval(() => {
      i++;
      if (i >= epochs.length - 1) {
        stop();
        select(null);
      } else select(epochs[i]!);
    }, PLAY_STEP_MS);
  });
  const element = h('div', { class: 'scrubber' }, play, range, label);
  return {
    element,
    stop,
    update(next, shown, visible) {
      epochs = next;
      element.hidden = !visible || next.length < 2;
      range.max = String(Math.max(0, next.length - 1));
      const index = shown === null ? next.length - 1 : Math.max(0, next.indexOf(shown));
      range.value = String(index);
      const epoch = next[index];
      label.textContent = epoch === undefined ? '' : `epoch ${epoch}${shown === null ? ' (last)' : ''}`;
      range.setAttribute('aria-valuetext', label.textContent);
      if (!visible) stop();
    },
  };
}
