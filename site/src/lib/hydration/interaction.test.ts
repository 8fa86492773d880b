import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIET_WAKE_MS, WAKE_EVENTS, onFirstInteraction } from './interaction.ts';

/** A window as the directive uses it: events, a ready state, timers (without requestIdleCallback). */
function fakeWindow(readyState: string) {
  const target = new EventTarget();
  return Object.assign(target, {
    document: { readyState },
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
  });
}

describe('onFirstInteraction', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(WAKE_EVENTS)('wakes once on the first %s inside the island', (type) => {
    const el = new EventTarget();
    const wake = vi.fn();
    onFirstInteraction(el, fakeWindow('complete'), wake);
    expect(wake).not.toHaveBeenCalled();
    el.dispatchEvent(new Event(type));
    el.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(QUIET_WAKE_MS * 2);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('does not wake on events that are no interaction (a pointer passing over)', () => {
    const el = new EventTarget();
    const wake = vi.fn();
    onFirstInteraction(el, fakeWindow('complete'), wake);
    el.dispatchEvent(new Event('pointerover'));
    el.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(QUIET_WAKE_MS - 1);
    expect(wake).not.toHaveBeenCalled();
  });

  it('wakes by itself a quiet while after the load event', () => {
    const el = new EventTarget();
    const win = fakeWindow('interactive');
    const wake = vi.fn();
    onFirstInteraction(el, win, wake);
    vi.advanceTimersByTime(QUIET_WAKE_MS * 3);
    expect(wake).not.toHaveBeenCalled(); // not loaded yet
    win.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(QUIET_WAKE_MS - 1);
    expect(wake).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100); // then the next idle moment
    expect(wake).toHaveBeenCalledTimes(1);
    el.dispatchEvent(new Event('keydown'));
    expect(wake).toHaveBeenCalledTimes(1);
  });
});
