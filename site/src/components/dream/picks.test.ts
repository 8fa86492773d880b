import { describe, expect, it } from 'vitest';
import { needPicks } from '@droomkaart/shared';
import { picksFor } from './picks.ts';

describe('picksFor', () => {
  const all = needPicks.map((p) => p.slug);
  it('keeps the shared order for children', () => {
    expect(picksFor('kind')).toEqual(all);
  });
  it('shows teens work and learning first, every pick once', () => {
    const teen = picksFor('jong');
    expect(teen.slice(0, 3)).toEqual(['meelopen', 'laptop', 'bijles']);
    expect([...teen].sort()).toEqual([...all].sort());
  });
});
