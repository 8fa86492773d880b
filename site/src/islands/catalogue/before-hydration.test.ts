import { describe, expect, it } from 'vitest';
import { changedBeforeHydration } from './before-hydration.ts';
import { emptyState, parseState } from '../../lib/catalogue/state.ts';
import { vocabulary } from '../../lib/catalogue/labels.ts';

const vocab = vocabulary();
const theme = vocab.theme[0];
const [day1, day2] = vocab.day;
/** The fields a GET submission of the form sends: every field, empty ones too. */
function fields(qs: string): URLSearchParams {
  const params = new URLSearchParams(qs);
  for (const name of ['q', 'age', 'edition', 'stadsdeel', 'wijk', 'theme', 'near'])
    if (!params.has(name)) params.set(name, '');
  return params;
}

describe('changedBeforeHydration', () => {
  it('is null when the form shows the search on the page', () => {
    expect(changedBeforeHydration(fields(''), emptyState(), vocab)).toBeNull();
    const shown = parseState(new URLSearchParams(`q=zwemmen&theme=${theme}&day=${day1}&page=3`), vocab);
    expect(changedBeforeHydration(fields(`q=zwemmen&theme=${theme}&day=${day1}`), shown, vocab)).toBeNull();
  });

  it('gives the words typed before the island woke, from page 1', () => {
    const shown = { ...parseState(new URLSearchParams(`theme=${theme}&page=2`), vocab) };
    const next = changedBeforeHydration(fields(`q=voetbal&theme=${theme}`), shown, vocab);
    expect(next).toEqual({ ...shown, q: 'voetbal', page: 1 });
  });

  it('gives a box ticked or a choice made before the island woke', () => {
    const next = changedBeforeHydration(fields(`day=${day1}&day=${day2}`), emptyState(), vocab);
    expect(next?.refinements.day).toEqual([day1, day2]);
    expect(changedBeforeHydration(fields(`theme=${theme}`), emptyState(), vocab)?.refinements.theme).toEqual([theme]);
  });

  it('gives an empty search when the visitor cleared the box and every filter', () => {
    const shown = parseState(new URLSearchParams(`q=dans&day=${day1}`), vocab);
    expect(changedBeforeHydration(fields(''), shown, vocab)).toEqual(emptyState());
  });

  it('drops what the server would drop (unknown values, spaces around the words)', () => {
    expect(changedBeforeHydration(fields('q=%20%20&day=nooit'), emptyState(), vocab)).toBeNull();
  });
});
