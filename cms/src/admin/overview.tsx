import { useEffect, useMemo, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

type Row = {
  documentId: string;
  title: string;
  organisation: { slug: string; name: string } | null;
  online: boolean;
  freshness: 'fresh' | 'reminder' | 'stale' | 'expired';
  lastReviewedAt: string | null;
  score: number;
  missingText: string[];
  translations: string[];
  referrals: number;
};

const freshnessLabel: Record<Row['freshness'], string> = {
  fresh: 'Actueel',
  reminder: 'Binnenkort controleren',
  stale: 'Lang niet gecontroleerd',
  expired: 'Te lang niet gecontroleerd',
};

const languageName: Record<string, string> = {
  en: 'Engels',
  ar: 'Arabisch',
  tr: 'Turks',
  pl: 'Pools',
  uk: 'Oekraïens',
};

const cell = {
  padding: '8px 12px',
  borderBottom: '1px solid #dcdce4',
  verticalAlign: 'top' as const,
  textAlign: 'start' as const,
};
const field = { padding: '6px 8px', border: '1px solid #dcdce4', borderRadius: 4, fontSize: 14, marginInlineStart: 8 };
const editLink = (documentId: string) =>
  `/admin/content-manager/collection-types/api::activity.activity/${documentId}?plugins[i18n][locale]=nl`;
const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'short', year: 'numeric' }) : 'nog nooit';

/**
 * "Overzicht aanbod": every offer with how current and complete it is, its translations and how
 * often coordinators referred a family to it. A partner sees its own organisation's offers, the
 * programme editor the whole city, with the organisation column and filters.
 */
export default function Overview() {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [city, setCity] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [organisation, setOrganisation] = useState('');
  const [freshness, setFreshness] = useState('');
  useEffect(() => {
    get<{ data: Row[]; meta?: { scope?: string } }>('/droomkaart/overview')
      .then(({ data }) => {
        setRows(data.data);
        setCity(data.meta?.scope === 'city');
      })
      .catch((err) =>
        setError(
          err?.status === 403 || err?.response?.status === 403
            ? 'Dit overzicht is voor partners en de programmaredactie.'
            : 'Het overzicht laden lukte niet. Ververs de pagina.',
        ),
      );
  }, []);
  const organisations = useMemo(() => {
    const byslug = new Map<string, string>();
    for (const r of rows ?? []) if (r.organisation) byslug.set(r.organisation.slug, r.organisation.name);
    return [...byslug].sort((a, b) => a[1].localeCompare(b[1]));
  }, [rows]);
  const shown = (rows ?? []).filter(
    (r) =>
      (!organisation || r.organisation?.slug === organisation) &&
      (!freshness || (freshness === 'incomplete' ? r.score < 100 : r.freshness === freshness)),
  );
  return (
    <main style={{ padding: '40px 56px', color: '#32324d', fontSize: 14 }}>
      <h1 style={{ fontSize: 32, fontWeight: 600, marginBottom: 8 }}>Overzicht aanbod</h1>
      <p style={{ marginBottom: 24 }}>
        {city
          ? 'Al het aanbod in de stad: hoe actueel en compleet het is, de vertalingen en hoe vaak coördinatoren ernaar verwezen.'
          : 'Het aanbod van je organisatie: hoe actueel en compleet het is, de vertalingen en hoe vaak coördinatoren ernaar verwezen.'}
      </p>
      {error && <p role="alert">{error}</p>}
      {!rows && !error && <p>Laden…</p>}
      {rows && (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 }}>
            {city && (
              <label>
                Organisatie
                <select style={field} value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
                  <option value="">Alle organisaties</option>
                  {organisations.map(([slug, name]) => (
                    <option key={slug} value={slug}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Laat zien
              <select style={field} value={freshness} onChange={(e) => setFreshness(e.target.value)}>
                <option value="">Alles</option>
                <option value="expired">{freshnessLabel.expired}</option>
                <option value="stale">{freshnessLabel.stale}</option>
                <option value="reminder">{freshnessLabel.reminder}</option>
                <option value="fresh">{freshnessLabel.fresh}</option>
                <option value="incomplete">Niet compleet</option>
              </select>
            </label>
          </div>
          <p aria-live="polite" style={{ marginBottom: 8 }}>
            {shown.length} aanbod
          </p>
          <table style={{ borderCollapse: 'collapse', width: '100%', background: '#fff' }}>
            <thead>
              <tr>
                <th style={cell}>Aanbod</th>
                {city && <th style={cell}>Organisatie</th>}
                <th style={cell}>Online</th>
                <th style={cell}>Gecontroleerd</th>
                <th style={cell}>Compleet</th>
                <th style={cell}>Vertalingen</th>
                <th style={cell}>Verwijzingen</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.documentId}>
                  <th scope="row" style={cell}>
                    <a href={editLink(r.documentId)}>{r.title}</a>
                  </th>
                  {city && <td style={cell}>{r.organisation?.name ?? '—'}</td>}
                  <td style={cell}>{r.online ? 'Ja' : 'Nee'}</td>
                  <td style={cell}>
                    {freshnessLabel[r.freshness]}
                    <br />
                    <small>{day(r.lastReviewedAt)}</small>
                  </td>
                  <td style={cell}>
                    {r.score}%
                    {r.missingText.length > 0 && (
                      <>
                        <br />
                        <small>mist: {r.missingText.join(', ')}</small>
                      </>
                    )}
                  </td>
                  <td style={cell}>
                    {r.translations.length ? r.translations.map((l) => languageName[l] ?? l).join(', ') : 'geen'}
                  </td>
                  <td style={cell}>{r.referrals}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
