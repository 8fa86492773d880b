import { describe, expect, it } from 'vitest';
import { daysSince, emptyInboxQuery, inboxApiFilters, inboxHref, parseInboxQuery } from './inbox.ts';

const parse = (qs: string) => parseInboxQuery(new URLSearchParams(qs));

describe('the inbox filters in the URL', () => {
  it('reads every filter', () => {
    expect(
      parse('status=nieuw&wijk=muziekwijk&edition=jong&ageMin=8&ageMax=12&assigned=mine&overdue=1&q=%20Sem%20&page=3'),
    ).toEqual({
      status: 'nieuw',
      wijk: 'muziekwijk',
      edition: 'jong',
      ageMin: 8,
      ageMax: 12,
      assigned: 'mine',
      overdue: true,
      provider: null,
      q: 'Sem',
      page: 3,
    });
  });

  it('reads the provider filter and asks the cms for it', () => {
    expect(parse('provider=overdue').provider).toBe('overdue');
    expect(parse('provider=answered').provider).toBe('answered');
    expect(parse('provider=everyone').provider).toBeNull();
    expect(inboxApiFilters(parse('provider=answered')).provider).toBe('answered');
    expect(inboxHref('nl', parse(''), { provider: 'overdue' })).toBe('/nl/werkplek?provider=overdue');
  });

  it('drops unknown and malformed values instead of failing', () => {
    expect(
      parse('status=weg&wijk=atlantis&edition=oud&ageMin=19&ageMax=x&assigned=everyone&overdue=maybe&page=-2'),
    ).toEqual({ ...emptyInboxQuery(), provider: null });
    expect(parse('')).toEqual({ ...emptyInboxQuery(), provider: null });
    expect(parse('page=1.5').page).toBe(1);
  });

  it('knows "every dream" besides the open ones (no status) and each status', () => {
    expect(parse('status=alle').status).toBe('alle');
    expect(parse('status=afgerond').status).toBe('afgerond');
    expect(inboxApiFilters(parse('')).status).toBeUndefined();
    expect(inboxApiFilters(parse('status=alle')).status).toBe('alle');
  });

  it('turns a reversed age range round', () => {
    expect(parse('ageMin=12&ageMax=8')).toMatchObject({ ageMin: 8, ageMax: 12 });
  });

  it('asks the cms with its own names (assigned me/none, overdue=true, 25 per page)', () => {
    const filters = inboxApiFilters(parse('assigned=mine&overdue=1&status=contact'));
    expect(filters).toMatchObject({ assigned: 'me', overdue: true, status: 'contact', page: 1, pageSize: 25 });
    expect(inboxApiFilters(parse('assigned=none')).assigned).toBe('none');
    expect(inboxApiFilters(parse('assigned=all')).assigned).toBeUndefined();
  });

  it('makes links that keep the other filters and start a new filter at page 1', () => {
    const query = parse('wijk=muziekwijk&page=4');
    expect(inboxHref('nl', query, { status: 'nieuw' })).toBe('/nl/werkplek?status=nieuw&wijk=muziekwijk');
    expect(inboxHref('nl', query, { page: 5 })).toBe('/nl/werkplek?wijk=muziekwijk&page=5');
    expect(inboxHref('ar', emptyInboxQuery())).toBe('/ar/werkplek');
  });

  it('counts the days a dream has waited', () => {
    const now = Date.parse('2027-03-10T09:00:00Z');
    expect(daysSince('2027-03-04T10:00:00Z', now)).toBe(5);
    expect(daysSince('2027-03-10T08:00:00Z', now)).toBe(0);
    expect(daysSince('garbage', now)).toBe(0);
  });
});
