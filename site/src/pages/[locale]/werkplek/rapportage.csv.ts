import type { APIRoute } from 'astro';
import { city, isLocale } from '@droomkaart/shared';
import { apiFor, errorText } from '../../../lib/workspace/page.ts';
import { WorkspaceApiError } from '../../../lib/workspace/api.ts';
import { csvFileName, parsePeriod, reportLabels, reportRows, toCsv } from '../../../lib/workspace/report.ts';
import { SESSION_COOKIE, signInHref } from '../../../lib/workspace/session.ts';
import { secureCookie } from '../../../lib/http/secure-cookie.ts';

const notFound = (t: (key: string) => string) =>
  new Response(t('error.notFound.title'), {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

// /<locale>/werkplek/rapportage.csv?from=YYYY-MM&to=YYYY-MM: the reports page's figures as a
// download (semicolons, as Dutch Excel expects; a header row; labels in the reader's language).
// Counts only, no personal data. Reports role only (the cms checks it).
export const GET: APIRoute = async (context) => {
  const { locals, url, cookies, redirect, params } = context;
  const { locale, t } = locals;
  if (!isLocale(params.locale)) return notFound(t);
  const period = parsePeriod(url.searchParams);
  const api = apiFor(context);
  try {
    const me = await api.me();
    if (!me.can.reports) throw new WorkspaceApiError(403, 'workspace.error.forbidden');
    const report = await api.reports(period.from, period.to);
    const csv = toCsv(reportRows(report, reportLabels(t, locale, city.stadsdelen)));
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csvFileName(period)}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    const error = err instanceof WorkspaceApiError ? err : new WorkspaceApiError(500, 'workspace.ui.error.unavailable');
    if (error.status === 401) {
      cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(url) });
      return redirect(signInHref(locale, `/${locale}/werkplek/rapportage?${new URLSearchParams(period)}`), 303);
    }
    return new Response(errorText(t, error.key), {
      status: error.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
};
