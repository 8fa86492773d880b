import { describe, expect, it } from 'vitest';
import { parseState, stateHref } from '../state.ts';
import { vocabulary } from '../labels.ts';
import { widerSearch } from './wider.ts';

const parse = (qs: string) => parseState(new URLSearchParams(qs), vocabulary());
const haven = { param: 'stadsdeel' as const, slug: 'almere-haven', name: 'Almere Haven', rest: 'muziek' };
const href = (w: ReturnType<typeof widerSearch>) => w && stateHref('/nl/activiteiten', w.next);

describe('widerSearch', () => {
  it('drops the one filter whose removal finds the most, keeping the words', () => {
    const state = parse('q=judo&age=3&day=za&page=2');
    const wider = widerSearch(
      state,
      null,
      new Map([
        ['ages', 4],
        ['days', 9],
      ]),
    );
    expect(wider).toMatchObject({ kind: 'without', param: 'day', count: 9 });
    expect(href(wider)).toBe('/nl/activiteiten?q=judo&age=3');
  });

  it('searches everywhere when the place the query names is the filter that leaves nothing', () => {
    const state = parse('q=muziek+in+haven&age=3');
    const wider = widerSearch(
      state,
      haven,
      new Map([
        ['stadsdeel', 12],
        ['ages', 2],
      ]),
    );
    expect(wider).toMatchObject({ kind: 'everywhere', count: 12 });
    expect(href(wider)).toBe('/nl/activiteiten?q=muziek+in+haven&everywhere=1&age=3');
  });

  it('offers the search without filters when no single filter is the cause', () => {
    const state = parse('q=judo&age=3&day=za');
    expect(
      href(
        widerSearch(
          state,
          null,
          new Map([
            ['ages', 0],
            ['days', 0],
          ]),
        ),
      ),
    ).toBe('/nl/activiteiten?q=judo');
    expect(widerSearch(state, null, new Map())).toMatchObject({ kind: 'noFilters' });
    expect(href(widerSearch(parse('q=muziek+in+haven'), haven, new Map()))).toBe(
      '/nl/activiteiten?q=muziek+in+haven&everywhere=1',
    );
  });

  it('has nothing to offer a search without filters', () => {
    expect(widerSearch(parse('q=xyzzy'), null, new Map())).toBeNull();
    expect(widerSearch(parse('q=xyzzy&near=centrum'), null, new Map())).toBeNull();
  });
});
