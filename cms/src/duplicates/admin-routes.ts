import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isEditor, requireEditor, type User } from '../access/roles';
import { partnerOrganisationSlugs } from '../access/tenant';
import { UID } from '../content-types';
import { mergeCandidates, similarTo, type Candidate } from './similarity';

// "Bestaat dit al?" in the admin (issue 19, point 6), under /droomkaart (src/admin-routes.ts):
// - GET /droomkaart/similar?type=activity|place&name=…[&address=…&postcode=…&exclude=<documentId>]
//   while a partner or editor fills in a new activity or place: the ones much like it. A partner sees
//   its own organisation's (also drafts, with a link to edit) and other organisations' published
//   ones of approved organisations (public anyway), never another's drafts.
// - GET /droomkaart/duplicates: pairs across the city that may be one twice (programme editor).

type Kind = 'activity' | 'place';
type Row = Candidate & { published: boolean; approved: boolean; organisationName: string | null };

const MAX_NAME = 200;

async function pool(strapi: Core.Strapi, kind: Kind): Promise<Row[]> {
  const uid = kind === 'activity' ? UID.activity : UID.place;
  const rows = await strapi.db.query(uid).findMany({
    ...(kind === 'activity' ? { where: { locale: 'nl' } } : {}),
    select:
      kind === 'activity'
        ? ['documentId', 'title', 'publishedAt']
        : ['documentId', 'name', 'address', 'postcode', 'publishedAt'],
    populate: { organisation: { select: ['slug', 'name', 'approved'] } },
    limit: 20_000,
  });
  // One row per document: its published version when there is one.
  const byDocument = new Map<string, Row>();
  for (const r of rows) {
    const row: Row = {
      documentId: r.documentId,
      name: (kind === 'activity' ? r.title : r.name) ?? '',
      address: r.address ?? null,
      postcode: r.postcode ?? null,
      organisation: r.organisation?.slug ?? null,
      organisationName: r.organisation?.name ?? null,
      approved: Boolean(r.organisation?.approved),
      published: Boolean(r.publishedAt),
    };
    const before = byDocument.get(row.documentId);
    if (!before || (row.published && !before.published))
      byDocument.set(row.documentId, { ...row, published: row.published || Boolean(before?.published) });
  }
  return [...byDocument.values()];
}

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const kindOf = (v: unknown): Kind => {
  if (v === 'activity' || v === 'place') return v;
  throw new errors.ValidationError('Kies activity of place.');
};

export function duplicatesAdminRoutes(strapi: Core.Strapi) {
  return [
    {
      method: 'GET',
      path: '/similar',
      handler: async (ctx) => {
        const user = ctx.state.user as User;
        const own = partnerOrganisationSlugs(user);
        if (!isEditor(user) && !own) throw new errors.ForbiddenError('Je kunt hier geen aanbod maken.');
        const kind = kindOf(ctx.query.type);
        const name = text(ctx.query.name, MAX_NAME);
        if (nameTooShort(name)) return (ctx.body = { data: [] });
        const organisation = own ? own[0] : text(ctx.query.organisation, 64) || null;
        const all = await pool(strapi, kind);
        // A partner compares with what it may know: its own, and what the public sees.
        const visible = own
          ? all.filter((r) => own.includes(r.organisation ?? '') || (r.published && r.approved))
          : all;
        const found = similarTo(
          {
            documentId: text(ctx.query.exclude, 64),
            name,
            organisation,
            address: text(ctx.query.address, MAX_NAME) || null,
            postcode: text(ctx.query.postcode, 10) || null,
          },
          visible,
        );
        ctx.body = {
          data: found.map((m) => {
            const row = m as unknown as Row & typeof m;
            const mine = !own || own.includes(row.organisation ?? '');
            return {
              documentId: mine ? row.documentId : null,
              name: row.name,
              organisation: row.organisationName,
              address: kind === 'place' ? row.address : null,
              published: row.published,
              mine,
              score: m.score,
              reasons: m.reasons,
            };
          }),
        };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'GET',
      path: '/duplicates',
      handler: async (ctx) => {
        requireEditor(ctx.state.user);
        const out: Record<Kind, unknown[]> = { activity: [], place: [] };
        for (const kind of ['activity', 'place'] as const) {
          const pairs = mergeCandidates(await pool(strapi, kind));
          out[kind] = pairs.map(({ a, b, score, reasons }) => ({
            score,
            reasons,
            a: summary(a as Row),
            b: summary(b as Row),
          }));
        }
        ctx.body = { data: out };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ];
}

function summary(r: Row) {
  return { documentId: r.documentId, name: r.name, organisation: r.organisationName, published: r.published };
}

/** Too little to compare: one or two letters would find everything. */
function nameTooShort(name: string): boolean {
  return name.replace(/\s+/g, '').length < 3;
}
