import type { APIRoute } from 'astro';
import { city, isLocale } from '@droomkaart/shared';
import { activityForPage } from '../../../lib/cms/public-api.ts';
import { buildIcs } from '../../../lib/activity/ics.ts';

/** "Zet in je agenda": the activity's schedule as an iCalendar file (weekly sessions as RRULE). */
export const GET: APIRoute = async ({ params, url, locals }) => {
  const slug = params.slug ?? '';
  if (!isLocale(params.locale) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return new Response(null, { status: 404 });
  let found: Awaited<ReturnType<typeof activityForPage>>;
  try {
    found = await activityForPage(slug, locals.locale);
  } catch (err) {
    console.error(`[site] calendar ${slug}: ${(err as Error).message}`);
    return new Response(null, { status: 503 });
  }
  if (!found) return new Response(null, { status: 404 });
  const page = new URL(`/${locals.locale}/activiteiten/${slug}`, url).toString();
  const text = buildIcs({ activity: found.activity, url: page, municipality: city.municipality.name, now: new Date() });
  if (!text) return new Response(null, { status: 404 });
  return new Response(text, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${slug}.ics"`,
      'cache-control': 'no-store',
    },
  });
};
