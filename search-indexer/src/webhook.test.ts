import { describe, expect, it } from 'vitest';
import { authorised, decide } from './webhook.ts';

describe('decide', () => {
  it('syncs activities by documentId for every entry event', () => {
    for (const event of ['entry.create', 'entry.update', 'entry.publish', 'entry.unpublish', 'entry.delete']) {
      expect(
        decide({ event, uid: 'api::activity.activity', model: 'activity', entry: { documentId: 'abc', locale: 'nl' } }),
      ).toEqual({ kind: 'sync', key: 'activity:abc', event });
    }
  });

  it('follows changes to the organisations, places, wijken and themes that activities show', () => {
    for (const [uid, type] of [
      ['api::organisation.organisation', 'organisation'],
      ['api::place.place', 'place'],
      ['api::wijk.wijk', 'wijk'],
      ['api::theme.theme', 'theme'],
    ]) {
      expect(decide({ event: 'entry.update', uid, entry: { documentId: 'o1', name: 'Nieuwe naam' } })).toEqual({
        kind: 'sync',
        key: `${type}:o1`,
        event: 'entry.update',
      });
      expect(decide({ event: 'entry.delete', uid, entry: { documentId: 'o1' } })).toMatchObject({
        kind: 'sync',
        key: `${type}:o1`,
      });
      // Nothing shows a brand-new one yet.
      expect(decide({ event: 'entry.create', uid, entry: { documentId: 'o1' } })).toMatchObject({ kind: 'ignore' });
    }
  });

  it('ignores saved drafts, which change nothing public', () => {
    for (const event of ['entry.create', 'entry.update']) {
      expect(
        decide({ event, uid: 'api::activity.activity', entry: { documentId: 'abc', publishedAt: null } }),
      ).toMatchObject({ kind: 'ignore', reason: 'draft saved' });
    }
    expect(
      decide({
        event: 'entry.unpublish',
        uid: 'api::activity.activity',
        entry: { documentId: 'abc', publishedAt: null },
      }),
    ).toMatchObject({ kind: 'sync' });
    expect(
      decide({
        event: 'entry.update',
        uid: 'api::activity.activity',
        entry: { documentId: 'abc', publishedAt: '2026-11-01T00:00:00Z' },
      }),
    ).toMatchObject({ kind: 'sync' });
  });

  it('ignores every other content type, whatever the payload carries', () => {
    expect(
      decide({
        event: 'entry.create',
        uid: 'api::dream.dream',
        model: 'dream',
        entry: { documentId: 'd1', phone: '0612345678' },
      }),
    ).toMatchObject({ kind: 'ignore' });
    expect(
      decide({ event: 'entry.update', uid: 'api::referral.referral', model: 'referral', entry: { documentId: 'r1' } }),
    ).toMatchObject({ kind: 'ignore' });
    expect(
      decide({ event: 'entry.create', uid: 'api::audit-entry.audit-entry', entry: { documentId: 'a1' } }),
    ).toMatchObject({ kind: 'ignore' });
    // A payload that only names the model is not trusted to be an activity.
    expect(decide({ event: 'entry.publish', model: 'activity', entry: { documentId: 'x' } })).toMatchObject({
      kind: 'ignore',
    });
    expect(
      decide({ event: 'entry.update', uid: 'plugin::users-permissions.user', entry: { documentId: 'u1' } }),
    ).toMatchObject({ kind: 'ignore' });
    expect(decide({ event: 'media.create', uid: 'api::activity.activity', entry: { documentId: 'x' } })).toMatchObject({
      kind: 'ignore',
    });
  });

  it('rejects payloads that are not webhooks', () => {
    expect(decide('hello')).toMatchObject({ kind: 'invalid' });
    expect(decide({ event: 'entry.create', uid: 'api::activity.activity', entry: {} })).toMatchObject({
      kind: 'invalid',
    });
  });
});

describe('authorised', () => {
  it('accepts only the exact bearer secret', () => {
    expect(authorised('Bearer s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(true);
    expect(authorised('Bearer s3cret', 's3cret-s3cret-s3cret')).toBe(false);
    expect(authorised('s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(false);
    expect(authorised(undefined, 's3cret-s3cret-s3cret')).toBe(false);
  });
});
