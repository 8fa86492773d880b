import { describe, expect, it } from 'vitest';
import { paidByTargets } from './document-validation';

describe('paidByTargets: what a paidBy write links, read like the relation guard reads it', () => {
  it('finds documentIds in every form', () => {
    expect(paidByTargets(['a', { documentId: 'b', locale: 'nl' }])).toEqual({ documentIds: ['a', 'b'], ids: [] });
    expect(paidByTargets({ connect: [{ documentId: 'a' }], set: ['c'] })).toEqual({ documentIds: ['c', 'a'], ids: [] });
    expect(paidByTargets('a')).toEqual({ documentIds: ['a'], ids: [] });
  });

  it('finds row ids too: a number, a numeric string, { id }, in a list, set or connect', () => {
    expect(paidByTargets([12])).toEqual({ documentIds: [], ids: [12] });
    expect(paidByTargets(['12'])).toEqual({ documentIds: [], ids: [12] });
    expect(paidByTargets({ connect: [7, { id: 8 }] })).toEqual({ documentIds: [], ids: [7, 8] });
    expect(paidByTargets({ set: [{ id: 3 }, 'x'] })).toEqual({ documentIds: ['x'], ids: [3] });
    expect(paidByTargets(5)).toEqual({ documentIds: [], ids: [5] });
  });

  it('links nothing for a disconnect, null or nothing', () => {
    expect(paidByTargets({ disconnect: [{ documentId: 'a' }, 4] })).toEqual({ documentIds: [], ids: [] });
    expect(paidByTargets(null)).toEqual({ documentIds: [], ids: [] });
    expect(paidByTargets(undefined)).toEqual({ documentIds: [], ids: [] });
  });
});
