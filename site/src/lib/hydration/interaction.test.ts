import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIET_WAKE_MS, WAKE_EVENTS, onFirstInteraction, watchLeaving } from './interaction.ts';

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

describe('watchLeaving', () => {
  const here = { href: 'https://droomkaart.test/nl/activiteiten?theme=sport-bewegen' };
  /** A click whose target sits in a link to `href` (or in no link). */
  const clickOn = (href: string | null, target = '') => {
    const e = new Event('click', { cancelable: true });
    const link = href === null ? null : { href: new URL(href, here.href).href, target };
    Object.defineProperty(e, 'target', { value: { closest: () => link } });
    return e;
  };

  it('says a form sent the no-JavaScript way is leaving the page', () => {
    const el = new EventTarget();
    const leaving = watchLeaving(el, here);
    expect(leaving()).toBe(false);
    el.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(leaving()).toBe(true);
  });

  it('does not count a submit the page handled itself', () => {
    const el = new EventTarget();
    const leaving = watchLeaving(el, here);
    const e = new Event('submit', { cancelable: true });
    e.preventDefault();
    el.dispatchEvent(e);
    expect(leaving()).toBe(false);
  });

  it('counts a link to another page or another search, not one within the page', () => {
    const el = new EventTarget();
    const leaving = watchLeaving(el, here);
    el.dispatchEvent(clickOn('#results-heading'));
    el.dispatchEvent(clickOn(null));
    el.dispatchEvent(clickOn('/nl/activiteiten/zwemles', '_blank'));
    expect(leaving()).toBe(false);
    el.dispatchEvent(clickOn('?theme=muziek'));
    expect(leaving()).toBe(true);
  });
});
