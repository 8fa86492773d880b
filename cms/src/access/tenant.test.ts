import { describe, expect, it } from 'vitest';
import { andFilter, partnerOrganisationSlugs, partnerRoleCode } from './tenant';

describe('partnerOrganisationSlugs', () => {
  it('reads the organisation from partner role codes', () => {
    expect(partnerOrganisationSlugs({ roles: [{ code: partnerRoleCode('klimbos-almere') }] })).toEqual([
      'klimbos-almere',
    ]);
  });

  it('does not restrict users without a partner role, or with another role too', () => {
    expect(partnerOrganisationSlugs(undefined)).toBeNull();
    expect(partnerOrganisationSlugs({ roles: [] })).toBeNull();
    expect(partnerOrganisationSlugs({ roles: [{ code: 'strapi-super-admin' }] })).toBeNull();
    expect(partnerOrganisationSlugs({ roles: [{ code: 'partner-a' }, { code: 'programme-editor' }] })).toBeNull();
  });
});

describe('andFilter', () => {
  it('keeps existing filters', () => {
    expect(andFilter(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(andFilter({}, { a: 1 })).toEqual({ a: 1 });
    expect(andFilter({ b: 2 }, { a: 1 })).toEqual({ $and: [{ b: 2 }, { a: 1 }] });
  });
});
