import { describe, expect, it } from 'vitest';
import { readView, viewHref } from './view.ts';

describe('the list/map switch', () => {
  it('shows the map unless the list is asked for', () => {
    expect(readView(new URL('http://x/nl/kaart')).view).toBe('kaart');
    expect(readView(new URL('http://x/nl/kaart?weergave=lijst')).view).toBe('lijst');
    expect(readView(new URL('http://x/nl/kaart?weergave=iets')).view).toBe('kaart');
  });

  it('takes the switch off the address the search reads, keeping the search', () => {
    const { searchUrl } = readView(new URL('http://x/nl/kaart?theme=sport-bewegen&weergave=lijst&near=52.39,5.29'));
    expect(searchUrl.searchParams.has('weergave')).toBe(false);
    expect(searchUrl.searchParams.get('theme')).toBe('sport-bewegen');
    expect(searchUrl.searchParams.get('near')).toBe('52.39,5.29');
  });

  it('links to the other view with the same search; the map needs no parameter', () => {
    expect(viewHref('/nl/kaart?theme=sport-bewegen&near=52.39,5.29', 'lijst')).toBe(
      '/nl/kaart?theme=sport-bewegen&near=52.39,5.29&weergave=lijst',
    );
    expect(viewHref('/nl/kaart?theme=sport-bewegen&weergave=lijst', 'kaart')).toBe('/nl/kaart?theme=sport-bewegen');
    expect(viewHref('/nl/kaart', 'kaart')).toBe('/nl/kaart');
    expect(viewHref('/nl/kaart', 'lijst')).toBe('/nl/kaart?weergave=lijst');
  });
});
