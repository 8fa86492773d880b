import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shownClause } from '../../api/activity/freshness/rules';
import {
  activitiesIn,
  approvalClause,
  guardRelationFilters,
  hidePrivateContact,
  organisationsIn,
  withApproval,
} from './public-guard';

const secret = () => ({
  name: 'Stille Club',
  email: 'geheim@stilleclub.example',
  phone: '036 999 88 77',
  whatsapp: '06 98765432',
  contactPublic: false,
});
const open = () => ({ name: 'Open Club', email: 'hallo@open.example', phone: '036 111 22 33', contactPublic: true });

describe('private contact in content-API results', () => {
  it('is found in every populated organisation, at any depth and for any content type', () => {
    const wijk = [
      {
        name: 'Centrum',
        places: [
          { name: 'Stille Plek', organisation: secret() },
          { name: 'Open Plek', organisation: open() },
        ],
      },
    ];
    const theme = {
      name: 'Sport',
      activities: [
        { title: 'Zwemles', organisation: secret(), paidBy: [{ title: 'Jeugdfonds', organisation: secret() }] },
      ],
    };
    expect(organisationsIn('api::wijk.wijk', wijk)).toHaveLength(2);
    expect(organisationsIn('api::theme.theme', theme)).toHaveLength(2);
    expect(
      organisationsIn('api::organisation.organisation', [
        secret(),
        { ...open(), places: [{ organisation: secret() }] },
      ]),
    ).toHaveLength(3);
    for (const result of [wijk, theme]) {
      organisationsIn('x', result).forEach(hidePrivateContact);
      const text = JSON.stringify(result);
      expect(text).not.toContain('geheim@');
      expect(text).not.toContain('06 98765432');
      expect(text.includes('hallo@open.example') || result === theme).toBe(true);
    }
  });

  it('treats contact as private unless contactPublic was read as true', () => {
    expect(hidePrivateContact({ email: 'a@b.example' })).toEqual({});
    expect(hidePrivateContact(open())).toEqual(open());
    expect(hidePrivateContact(null)).toBeNull();
  });
});

const MODELS: Record<
  string,
  {
    attributes: Record<string, { type: string; target?: string; component?: string }>;
    options?: { draftAndPublish?: boolean };
  }
> = {
  'api::theme.theme': {
    attributes: { name: { type: 'string' }, activities: { type: 'relation', target: 'api::activity.activity' } },
  },
  'api::activity.activity': {
    options: { draftAndPublish: true },
    attributes: {
      title: { type: 'string' },
      joinPhone: { type: 'string' },
      paidBy: { type: 'relation', target: 'api::activity.activity' },
      organisation: { type: 'relation', target: 'api::organisation.organisation' },
      places: { type: 'relation', target: 'api::place.place' },
      sessions: { type: 'component', component: 'schedule.session' },
    },
  },
  'api::organisation.organisation': { attributes: { name: { type: 'string' }, approved: { type: 'boolean' } } },
  'api::place.place': {
    attributes: { name: { type: 'string' }, activities: { type: 'relation', target: 'api::activity.activity' } },
  },
  'schedule.session': { attributes: { day: { type: 'string' } } },
};
const modelOf = (uid: string) => MODELS[uid];
const NOW = new Date('2026-12-07T12:00:00Z');
// An approved organisation's, and not past its freshness limit (decided at the moment of the read).
const shownActivity = { $and: [{ organisation: { approved: { $eq: true } } }, shownClause(NOW)] };
const visibleActivity = { $and: [shownActivity, { publishedAt: { $notNull: true } }] };

describe('relations in public reads', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('hides an activity past its freshness limit on read', () => {
    expect(approvalClause('api::activity.activity', NOW)).toEqual(shownActivity);
    expect(shownClause(NOW).$and).toContainEqual({ lastReviewedAt: { $gt: '2026-03-07T12:00:00.000Z' } });
  });

  it('adds the approval clause for every populated model the database layer asks about', () => {
    const status = ({ meta }: { meta?: { uid?: string } }) =>
      meta?.uid === 'api::activity.activity' ? { publishedAt: { $notNull: true } } : {};
    const filters = withApproval(status);
    expect(filters({ meta: { uid: 'api::activity.activity' } })).toEqual({
      $and: [{ publishedAt: { $notNull: true } }, shownActivity],
    });
    expect(filters({ meta: { uid: 'api::organisation.organisation' } })).toEqual({ approved: { $eq: true } });
    expect(filters({ meta: { uid: 'api::theme.theme' } })).toEqual({});
    // A place of no organisation is the programme editor's shared venue: public.
    expect(withApproval(undefined)({ meta: { uid: 'api::place.place' } })).toEqual({
      $or: [{ organisation: { id: { $null: true } } }, { organisation: { approved: { $eq: true } } }],
    });
    expect(approvalClause('api::wijk.wijk')).toBeNull();
  });

  it('keeps every relation filter to visible rows, on the same joined row, at any depth', () => {
    expect(guardRelationFilters({ activities: { title: { $eq: 'x' } } }, 'api::theme.theme', modelOf, true)).toEqual({
      activities: { $and: [{ title: { $eq: 'x' } }, visibleActivity] },
    });
    expect(
      guardRelationFilters(
        { $or: [{ name: 'a' }, { activities: { paidBy: { title: 'y' } } }] },
        'api::theme.theme',
        modelOf,
        true,
      ),
    ).toEqual({
      $or: [
        { name: 'a' },
        { activities: { $and: [{ paidBy: { $and: [{ title: 'y' }, visibleActivity] } }, visibleActivity] } },
      ],
    });
    expect(guardRelationFilters({ activities: { $notNull: true } }, 'api::theme.theme', modelOf, false)).toEqual({
      activities: { $and: [{ id: { $notNull: true } }, shownActivity] },
    });
    expect(
      guardRelationFilters({ sessions: { day: 'wo' }, title: 'z' }, 'api::activity.activity', modelOf, true),
    ).toEqual({ sessions: { day: 'wo' }, title: 'z' });
    expect(guardRelationFilters({ activities: { $not: { title: 'x' } } }, 'api::place.place', modelOf, true)).toEqual({
      activities: { $and: [{ $not: { title: 'x' } }, visibleActivity] },
    });
  });

  it('finds activities in a result through the schema, not by key name', () => {
    const theme = [
      {
        name: 'Sport',
        activities: [
          {
            title: 'a',
            joinPhone: '1',
            paidBy: [{ title: 'b', joinPhone: '2' }],
            places: [{ name: 'p', activities: [{ title: 'c' }] }],
          },
        ],
      },
    ];
    expect(
      activitiesIn('api::theme.theme', theme, modelOf)
        .map((a) => a.title)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    expect(
      activitiesIn('api::organisation.organisation', [{ name: 'o', activities: [{ title: 'd' }] }], modelOf),
    ).toEqual([]);
  });
});
