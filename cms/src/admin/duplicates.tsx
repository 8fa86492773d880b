import { useEffect, useState } from 'react';
import { useFetchClient, useForm } from '@strapi/strapi/admin';

// "Bestaat dit al?" (issue 19, point 6): a side panel of the activity and place edit views. While
// the name (and a place's address) is typed, it asks the cms for ones much like it
// (GET /droomkaart/similar, src/duplicates) and shows them before the partner saves: one of its
// own to open instead, or another organisation's public one to join rather than copy.

type Similar = {
  documentId: string | null;
  name: string;
  organisation: string | null;
  address: string | null;
  published: boolean;
  mine: boolean;
};

const MODELS: Record<string, { type: 'activity' | 'place'; name: string }> = {
  'api::activity.activity': { type: 'activity', name: 'title' },
  'api::place.place': { type: 'place', name: 'name' },
};

const editLink = (model: string, documentId: string) =>
  `/admin/content-manager/collection-types/${model}/${documentId}${model === 'api::activity.activity' ? '?plugins[i18n][locale]=nl' : ''}`;

function SimilarList({ model, documentId }: { model: string; documentId?: string }) {
  const kind = MODELS[model];
  const values = useForm('BestaatDitAl', (state) => state.values) as Record<string, unknown>;
  const name = typeof values[kind.name] === 'string' ? (values[kind.name] as string) : '';
  const address = typeof values.address === 'string' ? values.address : '';
  const postcode = typeof values.postcode === 'string' ? values.postcode : '';
  const { get } = useFetchClient();
  const [found, setFound] = useState<Similar[]>([]);
  useEffect(() => {
    if (name.trim().length < 3) {
      setFound([]);
      return;
    }
    let current = true;
    // Asked once the typing pauses, not on every key.
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ type: kind.type, name, address, postcode, exclude: documentId ?? '' });
      get(`/droomkaart/similar?${query}`)
        .then(({ data }) => current && setFound(data.data))
        .catch(() => current && setFound([]));
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, address, postcode, documentId]);
  if (found.length === 0) return <p style={{ fontSize: 13 }}>Er is niets gevonden dat hierop lijkt.</p>;
  return (
    <div role="status" style={{ fontSize: 13 }}>
      <p style={{ fontWeight: 600, marginBottom: 4 }}>Bestaat dit al?</p>
      <p style={{ marginBottom: 8 }}>Dit lijkt erop. Kijk eerst of je dit bedoelt, voordat je opslaat.</p>
      <ul style={{ paddingInlineStart: 16, listStyle: 'disc' }}>
        {found.map((s, i) => (
          <li key={s.documentId ?? `${s.name}-${i}`} style={{ marginBottom: 4 }}>
            {s.documentId && s.mine ? <a href={editLink(model, s.documentId)}>{s.name}</a> : s.name}
            {s.organisation && ` — ${s.organisation}`}
            {s.address && `, ${s.address}`}
            {!s.published && ' (concept)'}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The side panel: only on activities and places. */
export const DuplicatesPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  if (!MODELS[model]) return null;
  return { title: 'Bestaat dit al?', content: <SimilarList model={model} documentId={documentId} /> };
};
