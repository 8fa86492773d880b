import { describe, expect, it } from 'vitest';
import publishedOnly from './published-only';

async function queryAfter(path: string, query: Record<string, string>) {
  const ctx: { path: string; query: Record<string, string> } = { path, query };
  let seen: Record<string, string> | undefined;
  await publishedOnly()(ctx, async () => {
    seen = ctx.query;
  });
  return seen;
}

describe('published-only', () => {
  it('drops the draft status from the content API, keeping the other parameters', async () => {
    expect(await queryAfter('/api/activities', { status: 'draft', locale: 'nl' })).toEqual({ locale: 'nl' });
    expect(await queryAfter('/api/organisations/abc', { status: 'draft' })).toEqual({});
  });

  it('keeps the workspace’s own status: a dream’s status tab', async () => {
    expect(await queryAfter('/api/workspace/dreams', { status: 'nieuw', page: '2' })).toEqual({
      status: 'nieuw',
      page: '2',
    });
    // Only the workspace API itself, not a content type whose name starts the same way.
    expect(await queryAfter('/api/workspaces-of-others', { status: 'draft' })).toEqual({});
  });
});
