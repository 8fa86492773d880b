import { describe, expect, it } from 'vitest';
import { changeKeyFor, nextDelivery, retryDelayMs } from './changes';
import { relayOptions } from './relay';

const ACTIVITY = 'api::activity.activity';

describe('changeKeyFor', () => {
  it('keys an activity when what is public changes: publish, unpublish, delete, a published save', () => {
    for (const action of ['publish', 'unpublish', 'delete'])
      expect(changeKeyFor(ACTIVITY, action, { documentId: 'a1' }, 'a1')).toBe('activity:a1');
    expect(changeKeyFor(ACTIVITY, 'update', { documentId: 'a1', status: 'published' }, 'a1')).toBe('activity:a1');
    expect(changeKeyFor(ACTIVITY, 'create', { status: 'published' }, 'a2')).toBe('activity:a2');
  });

  it('leaves drafts out: saving or discarding a draft shows nothing new', () => {
    expect(changeKeyFor(ACTIVITY, 'create', {}, 'a1')).toBeNull();
    expect(changeKeyFor(ACTIVITY, 'update', { documentId: 'a1' }, 'a1')).toBeNull();
    expect(changeKeyFor(ACTIVITY, 'update', { documentId: 'a1', status: 'draft' }, 'a1')).toBeNull();
    expect(changeKeyFor(ACTIVITY, 'discardDraft', { documentId: 'a1' }, 'a1')).toBeNull();
  });

  it('keys the organisations, places, wijken and themes activities show, except a new one', () => {
    for (const [uid, type] of [
      ['api::organisation.organisation', 'organisation'],
      ['api::place.place', 'place'],
      ['api::wijk.wijk', 'wijk'],
      ['api::theme.theme', 'theme'],
    ]) {
      for (const action of ['update', 'delete', 'publish', 'unpublish', 'discardDraft'])
        expect(changeKeyFor(uid, action, { documentId: 'x' }, 'x')).toBe(`${type}:x`);
      expect(changeKeyFor(uid, 'create', {}, 'x')).toBeNull();
    }
  });

  it('keys nothing of dreams, referrals, users and the rest, and no reads', () => {
    for (const uid of [
      'api::dream.dream',
      'api::referral.referral',
      'api::family.family',
      'api::audit-entry.audit-entry',
      'plugin::users-permissions.user',
      'plugin::upload.file',
    ])
      for (const action of ['create', 'update', 'delete', 'publish'])
        expect(changeKeyFor(uid, action, { documentId: 'x', status: 'published' }, 'x')).toBeNull();
    for (const action of ['findOne', 'findMany', 'count', 'clone'])
      expect(changeKeyFor(ACTIVITY, action, { documentId: 'a1', status: 'published' }, 'a1')).toBeNull();
    expect(changeKeyFor(ACTIVITY, 'publish', {}, null)).toBeNull();
  });
});

describe('nextDelivery', () => {
  it('sends each key once, in the order of its oldest row, and covers every row it read', () => {
    const rows = [
      { id: 7, key: 'activity:b' },
      { id: 3, key: 'activity:a' },
      { id: 5, key: 'organisation:o' },
      { id: 4, key: 'activity:b' },
      { id: 9, key: 'activity:a' },
    ];
    expect(nextDelivery(rows)).toEqual({
      keys: ['activity:a', 'activity:b', 'organisation:o'],
      ids: [7, 3, 5, 4, 9],
    });
    expect(nextDelivery([])).toEqual({ keys: [], ids: [] });
  });
});

describe('retryDelayMs', () => {
  it('backs off from half a second to at most 5 s, with jitter', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(1, mid)).toBe(500);
    expect(retryDelayMs(2, mid)).toBe(1000);
    expect(retryDelayMs(4, mid)).toBe(4000);
    expect(retryDelayMs(5, mid)).toBe(5000);
    expect(retryDelayMs(50, mid)).toBe(5000);
    expect(retryDelayMs(1, () => 0)).toBe(375);
    expect(retryDelayMs(1, () => 1)).toBe(625);
  });
});

describe('relayOptions', () => {
  it("delivers to the indexer's /changes with the shared secret, every second, 500 rows at most", () => {
    expect(relayOptions({ INDEXER_URL: 'http://127.0.0.1:4000' }, 's3cret')).toEqual({
      url: 'http://127.0.0.1:4000/changes',
      secret: 's3cret',
      pollMs: 1000,
      batchSize: 500,
    });
    expect(
      relayOptions(
        { INDEXER_URL: 'http://indexer:4000/', CHANGE_OUTBOX_POLL_SECONDS: '0.25', CHANGE_OUTBOX_BATCH_SIZE: '50' },
        's',
      ),
    ).toMatchObject({ pollMs: 250, batchSize: 50 });
  });

  it('says why it cannot run without an indexer address or secret', () => {
    expect(relayOptions({}, 's')).toMatchObject({ error: expect.stringContaining('INDEXER_URL') });
    expect(relayOptions({ INDEXER_URL: 'http://x' }, '')).toMatchObject({ error: expect.any(String) });
  });
});
