import { describe, expect, it } from 'vitest';
import { countDocuments } from './admin-home';

describe('countDocuments', () => {
  it('buckets documents as the admin home does', () => {
    const t1 = '2026-01-01T00:00:00.000Z';
    const t2 = '2026-01-02T00:00:00.000Z';
    const rows = [
      { documentId: 'draft', publishedAt: null, updatedAt: t1 },
      { documentId: 'pub', publishedAt: null, updatedAt: t1 },
      { documentId: 'pub', publishedAt: t1, updatedAt: t1 },
      { documentId: 'mod', publishedAt: null, updatedAt: t2 },
      { documentId: 'mod', publishedAt: t1, updatedAt: t1 },
    ];
    expect(countDocuments(rows, true)).toEqual({ draft: 1, published: 1, modified: 1 });
    expect(countDocuments(rows, false)).toEqual({ draft: 0, published: 3, modified: 0 });
  });
});
