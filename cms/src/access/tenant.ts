import { UID } from '../content-types';
// Partner organisations are tenants. Admin users have no organisation field, so a partner editor
// is linked to its organisation through a role per organisation whose code is
// `partner-<organisation-slug>` (PITFALLS: Strapi 5 RBAC).

export const PARTNER_ROLE_PREFIX = 'partner-';

export const ACTIVITY = UID.activity;
export const PLACE = UID.place;
export const ORGANISATION = UID.organisation;
export const OFFER_FEEDBACK = UID.offerFeedback;

/**
 * Content types that belong to one organisation through their `organisation` relation. A visitor's
 * report about an offer (offer-feedback) belongs to the offer's organisation: its partners read
 * and handle it, never create or delete one.
 */
export const TENANT_OWNED = [ACTIVITY, PLACE, OFFER_FEEDBACK] as const;

export function partnerRoleCode(organisationSlug: string): string {
  return `${PARTNER_ROLE_PREFIX}${organisationSlug}`;
}

type MaybeAdminUser = { roles?: { code?: string | null }[] | null } | null | undefined;

/**
 * The organisation slugs a signed-in admin user edits as a partner, or null when the user is not
 * a partner (programme editors, coordinators, super admins and the public are not restricted here).
 * A user who also holds a non-partner role is not restricted.
 */
export function partnerOrganisationSlugs(user: MaybeAdminUser): string[] | null {
  const codes = (user?.roles ?? []).map((r) => r?.code ?? '');
  if (codes.length === 0) return null;
  const partner = codes.filter((c) => c.startsWith(PARTNER_ROLE_PREFIX));
  if (partner.length === 0 || partner.length !== codes.length) return null;
  return partner.map((c) => c.slice(PARTNER_ROLE_PREFIX.length));
}

/** Adds a clause to a Strapi filters object without losing what was there. */
export function andFilter(existing: unknown, clause: Record<string, unknown>): Record<string, unknown> {
  if (!existing || (typeof existing === 'object' && Object.keys(existing).length === 0)) return clause;
  return { $and: [existing, clause] };
}
