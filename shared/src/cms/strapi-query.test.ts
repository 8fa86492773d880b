import { describe, expect, it } from 'vitest';
import { toStrapiQuery } from './strapi-query.js';

describe('toStrapiQuery', () => {
  it('writes nested objects the way Strapi reads them', () => {
    const qs = decodeURIComponent(
      toStrapiQuery({
        locale: 'nl',
        populate: { places: { populate: { wijk: true } } },
        filters: { slug: { $eq: 'a b' } },
      }),
    );
    expect(qs).toBe('locale=nl&populate[places][populate][wijk]=true&filters[slug][$eq]=a+b');
  });
});
