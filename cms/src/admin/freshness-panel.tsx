import { useCallback, useEffect, useState } from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

type Props = { model: string; documentId?: string; document?: { updatedAt?: string | null } };
type Status = {
  score: number;
  missingText: string[];
  lastReviewedAt: string | null;
  freshness: 'fresh' | 'reminder' | 'stale' | 'expired';
};

const freshnessText: Record<Status['freshness'], string> = {
  fresh: 'Dit aanbod is goed bijgehouden.',
  reminder: 'Kijk binnenkort even of alles nog klopt.',
  stale: 'Lang niet gecontroleerd. Klopt alles nog?',
  expired: 'Te lang niet gecontroleerd. Controleer het zo snel mogelijk.',
};

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });

const button = {
  marginTop: 12,
  width: '100%',
  padding: '8px 16px',
  borderRadius: 4,
  border: '1px solid #4945ff',
  background: '#4945ff',
  color: '#fff',
  fontWeight: 600,
  fontSize: 14,
  cursor: 'pointer',
};

function FreshnessPanelContent({ documentId, version }: { documentId: string; version?: string | null }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [status, setStatus] = useState<Status | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () =>
      get<{ data: Status }>(`/droomkaart/activities/${documentId}/completeness`)
        .then(({ data }) => setStatus(data.data))
        .catch(() => setFailed(true)),
    [documentId],
  );
  // Loaded again after every save (a new updatedAt): what is missing follows the form.
  useEffect(() => {
    void load();
  }, [load, version]);

  const reviewed = async () => {
    setBusy(true);
    try {
      const { data } = await post<{ data: { lastReviewedAt: string } }>(
        `/droomkaart/activities/${documentId}/reviewed`,
      );
      toggleNotification({ type: 'success', message: `Dank je! Gecontroleerd op ${day(data.data.lastReviewedAt)}.` });
      await load();
    } catch {
      toggleNotification({ type: 'danger', message: 'Dat lukte niet. Probeer het opnieuw.' });
    } finally {
      setBusy(false);
    }
  };

  if (failed) return <p style={{ fontSize: 14 }}>Dit lukte niet te laden. Ververs de pagina.</p>;
  if (!status) return <p style={{ fontSize: 14 }}>Laden…</p>;
  return (
    <div style={{ fontSize: 14, color: '#32324d', width: '100%' }} data-testid="freshness-panel">
      <p>
        <strong>Compleet: {status.score}%</strong>
      </p>
      {status.missingText.length > 0 ? (
        <>
          <p style={{ marginTop: 4 }}>Dit mist nog:</p>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20, listStyle: 'disc' }}>
            {status.missingText.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : (
        <p style={{ marginTop: 4 }}>Er mist niets. Goed gedaan!</p>
      )}
      <p style={{ marginTop: 12 }}>
        Laatst gecontroleerd:{' '}
        <span data-testid="last-reviewed">{status.lastReviewedAt ? day(status.lastReviewedAt) : 'nog nooit'}</span>
      </p>
      <p style={{ marginTop: 4 }}>{freshnessText[status.freshness]}</p>
      <button type="button" style={button} onClick={() => void reviewed()} disabled={busy}>
        Klopt nog
      </button>
    </div>
  );
}

/**
 * The activity's edit view side panel: how complete its page is, what is missing, when it was last
 * checked, and "Klopt nog" as a visible button (one click records today's check).
 */
export const FreshnessPanel = ({ model, documentId, document }: Props) => {
  if (model !== 'api::activity.activity' || !documentId) return null;
  return {
    title: 'Compleet en actueel',
    content: <FreshnessPanelContent documentId={documentId} version={document?.updatedAt} />,
  };
};
