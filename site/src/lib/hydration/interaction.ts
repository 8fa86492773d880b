// `client:interaction`, an Astro client directive (registered in astro.config.mjs): the island's
// JavaScript loads and hydrates on the visitor's first interaction with it (a touch, a click, a
// key, the focus coming in, typing), or else once the page has been quiet for a while. Until then
// the island is the server's HTML, which works on its own (the catalogue is a GET form with links),
// so a phone spends no time on React while it shows the first results (issue 17, Lighthouse).
// What the visitor does before the island wakes is not lost: a link or a submit is a page
// navigation, and the island reads the form as it finds it when it hydrates (CatalogueApp).
import type { ClientDirective } from 'astro';

/** Events inside the island that wake it; listened to in the capture phase, passively. */
export const WAKE_EVENTS = ['pointerdown', 'touchstart', 'focusin', 'keydown', 'input', 'change'] as const;

/** How long after the page's load event the island wakes by itself (then on the next idle moment). */
export const QUIET_WAKE_MS = 4000;

type Target = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * Calls `wake` once: on the first of WAKE_EVENTS on `el`, or `quietMs` after the window's load event
 * (at the next idle moment). Pure of Astro, so it is unit-tested with plain event targets.
 */
export function onFirstInteraction(
  el: Target,
  win: Target & { document: { readyState: string }; setTimeout: (cb: () => void, ms: number) => unknown },
  wake: () => void,
  quietMs = QUIET_WAKE_MS,
): void {
  let woken = false;
  const once = () => {
    if (woken) return;
    woken = true;
    for (const type of WAKE_EVENTS) el.removeEventListener(type, once, true);
    win.removeEventListener('load', later);
    wake();
  };
  for (const type of WAKE_EVENTS) el.addEventListener(type, once, { capture: true, passive: true });
  const idle = (cb: () => void) =>
    'requestIdleCallback' in win
      ? (win as unknown as Window).requestIdleCallback(cb, { timeout: 2000 })
      : win.setTimeout(cb, 0);
  function later() {
    win.setTimeout(() => idle(once), quietMs);
  }
  if (win.document.readyState === 'complete') later();
  else win.addEventListener('load', later, { once: true });
}

/** How long an island waits to hydrate after the visitor started leaving the page (a submit, a link). */
export const LEAVING_WAIT_MS = 10_000;

/**
 * Watches `el` for the visitor leaving the page before the island hydrates: a form submitted the
 * no-JS way, or a link to another page followed. Hydrating then would let the island write the
 * address bar (history.pushState), which cancels the browser's navigation that is under way: the
 * visitor's "Zoeken" would be lost. `leaving()` says whether such a navigation started.
 */
export function watchLeaving(el: Pick<EventTarget, 'addEventListener'>, here: { href: string }): () => boolean {
  let leftAt = false;
  el.addEventListener(
    'submit',
    (e) => {
      if (!e.defaultPrevented) leftAt = true;
    },
    { capture: false },
  );
  el.addEventListener('click', (e) => {
    const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link || e.defaultPrevented || link.target === '_blank') return;
    const to = new URL(link.href, here.href);
    const from = new URL(here.href);
    // A link within the page (the skip link to the results) is no navigation away.
    if (to.pathname !== from.pathname || to.search !== from.search || to.origin !== from.origin) leftAt = true;
  });
  return () => leftAt;
}

const interactionDirective: ClientDirective = (load, _options, el) => {
  const leaving = watchLeaving(el, window.location);
  onFirstInteraction(el, window, () => {
    void load().then((hydrate) => {
      // Leaving: the next page has this island anew; hydrate only if the navigation did not happen.
      if (leaving()) window.setTimeout(() => void hydrate(), LEAVING_WAIT_MS);
      else void hydrate();
    });
  });
};

export default interactionDirective;

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on the first interaction with the island, or when the page has been quiet a while. */
    'client:interaction'?: boolean;
  }
}
