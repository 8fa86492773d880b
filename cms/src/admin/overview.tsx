import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

type Row = {
  organisation: string;
  name: string;
  published: number;
  stale: { documentId: string; title: string; lastReviewedAt: string | null }[];
  incomplete: { documentId: string; title: string; score: number; missing: string[] }[];
};

const missingLabel: Record<string, string> = {
  photo: 'foto',
  schedule: 'tijden',
  accessibility: 'toegankelijkheid',
  languages: 'talen',
  translations: 'vertaling',
  place: 'plek',
  description: 'uitleg',
};

const cell = {
  padding: '8px 12px',
  borderBottom: '1px solid #dcdce4',
  verticalAlign: 'top' as const,
  textAlign: 'start' as const,
};
const editLink = (documentId: string) =>
  `/admin/content-manager/collection-types/api::activity.activity/${documentId}?plugins[i18n][locale]=nl`;

/** Programme editor: stale and incomplete activities per organisation, most stale first. */
export default function Overview() {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get('/droomkaart/overview')
      .then(({ data }) => setRows(data.data))
      .catch((err) =>
        setError(
          err?.response?.status === 403
            ? 'Alleen de programmaredactie kan dit overzicht zien.'
            : 'Het overzicht laden lukte niet.',
        ),
      );
  }, []);
  return (
    <main style={{ padding: '40px 56px', color: '#32324d', fontSize: 14 }}>
      <h1 style={{ fontSize: 32, fontWeight: 600, marginBottom: 8 }}>Overzicht aanbod</h1>
      <p style={{ marginBottom: 24 }}>
        Per organisatie: aanbod dat lang niet is gecontroleerd, en aanbod waar nog iets aan ontbreekt.
      </p>
      {error && <p role="alert">{error}</p>}
      {!rows && !error && <p>Laden…</p>}
      {rows && (
        <table style={{ borderCollapse: 'collapse', width: '100%', background: '#fff' }}>
          <thead>
            <tr>
              <th style={cell}>Organisatie</th>
              <th style={cell}>Online</th>
              <th style={cell}>Lang niet gecontroleerd</th>
              <th style={cell}>Niet compleet</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.organisation}>
                <th scope="row" style={cell}>
                  {row.name}
                </th>
                <td style={cell}>{row.published}</td>
                <td style={cell}>
                  {row.stale.length === 0 ? (
                    '—'
                  ) : (
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {row.stale.map((a) => (
                        <li key={a.documentId}>
                          <a href={editLink(a.documentId)}>{a.title}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td style={cell}>
                  {row.incomplete.length === 0 ? (
                    '—'
                  ) : (
                    <details>
                      <summary>{row.incomplete.length} aanbod</summary>
                      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                        {row.incomplete.map((a) => (
                          <li key={a.documentId}>
                            <a href={editLink(a.documentId)}>{a.title}</a> ({a.score}%): mist{' '}
                            {a.missing.map((m) => missingLabel[m] ?? m).join(', ')}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
