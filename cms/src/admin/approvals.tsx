import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

// "Nieuwe partners" (issue 19, point 4): the programme editor's queue of organisations waiting for
// approval, with what they entered; approve or decline with a message that is mailed to them
// (cms/src/api/organisation/approval).

type Applicant = {
  documentId: string;
  name: string;
  kind: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
};

const box = { background: '#fff', border: '1px solid #dcdce4', borderRadius: 4, padding: 16, marginBottom: 16 };
const button = {
  padding: '8px 16px',
  borderRadius: 4,
  border: '1px solid #4945ff',
  fontWeight: 600,
  cursor: 'pointer',
};

function Entry({ applicant, onDone }: { applicant: Applicant; onDone: (text: string) => void }) {
  const { post } = useFetchClient();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `message-${applicant.documentId}`;
  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await post(`/droomkaart/approvals/${applicant.documentId}/${approve ? 'approve' : 'decline'}`, {
        message,
      });
      const mailed = (data as { data: { mailed: boolean } }).data.mailed;
      onDone(
        `${applicant.name} is ${approve ? 'goedgekeurd' : 'afgewezen'}.${mailed ? ' De organisatie kreeg een mail.' : ' Er is geen mail gestuurd: er staat geen e-mailadres bij.'}`,
      );
    } catch (err) {
      const text = (err as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message;
      setError(text ?? 'Dat lukte niet. Probeer het opnieuw.');
      setBusy(false);
    }
  };
  return (
    <li style={box}>
      <h2 style={{ fontSize: 18, fontWeight: 600, marginBottom: 8 }}>{applicant.name}</h2>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', marginBottom: 12 }}>
        <dt>Soort</dt>
        <dd>{applicant.kind ?? '—'}</dd>
        <dt>Over de organisatie</dt>
        <dd>{applicant.description ?? '—'}</dd>
        <dt>Website</dt>
        <dd>{applicant.website ?? '—'}</dd>
        <dt>E-mail</dt>
        <dd>{applicant.email ?? '—'}</dd>
        <dt>Telefoon</dt>
        <dd>{applicant.phone ?? '—'}</dd>
        <dt>Aangemeld op</dt>
        <dd>
          {new Date(applicant.createdAt).toLocaleDateString('nl-NL', {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          })}
        </dd>
      </dl>
      <label htmlFor={id} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        Bericht aan de organisatie (verplicht bij afwijzen)
      </label>
      <textarea
        id={id}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        rows={3}
        maxLength={2000}
        style={{ width: '100%', marginBottom: 8, padding: 8, border: '1px solid #dcdce4', borderRadius: 4 }}
      />
      {error && (
        <p role="alert" style={{ color: '#b72b1a', marginBottom: 8 }}>
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <button
          type="button"
          disabled={busy}
          onClick={() => void decide(true)}
          style={{ ...button, background: '#4945ff', color: '#fff' }}
        >
          Goedkeuren
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void decide(false)}
          style={{ ...button, background: '#fff', color: '#4945ff' }}
        >
          Afwijzen
        </button>
      </div>
    </li>
  );
}

/** Programme editor: organisations waiting for approval, oldest first. */
export default function Approvals() {
  const { get } = useFetchClient();
  const [rows, setRows] = useState<Applicant[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    get('/droomkaart/approvals')
      .then(({ data }) => setRows((data as { data: Applicant[] }).data))
      .catch((err) =>
        setError(
          err?.response?.status === 403
            ? 'Alleen de programmaredactie kan nieuwe partners goedkeuren.'
            : 'De lijst laden lukte niet.',
        ),
      );
  }, []);
  return (
    <main style={{ padding: '40px 56px', color: '#32324d', fontSize: 14 }}>
      <h1 style={{ fontSize: 32, fontWeight: 600, marginBottom: 8 }}>Nieuwe partners</h1>
      <p style={{ marginBottom: 24 }}>
        Deze organisaties wachten op goedkeuring. Pas daarna staat hun aanbod op de site.
      </p>
      <div role="status">{done}</div>
      {error && <p role="alert">{error}</p>}
      {!rows && !error && <p>Laden…</p>}
      {rows && rows.length === 0 && <p>Er wacht niemand. Alles is bekeken.</p>}
      {rows && rows.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {rows.map((r) => (
            <Entry
              key={r.documentId}
              applicant={r}
              onDone={(text) => {
                setDone(text);
                setRows((now) => (now ?? []).filter((x) => x.documentId !== r.documentId));
              }}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
