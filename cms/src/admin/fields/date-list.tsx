import { useField } from '@strapi/strapi/admin';
import { useId, type ReactNode } from 'react';

type Props = { name: string; label: string; hint?: ReactNode; disabled?: boolean };

const input = { padding: '6px 8px', border: '1px solid #dcdce4', borderRadius: 4, fontSize: 14 };
const small = { ...input, background: '#fff', cursor: 'pointer' };

/**
 * A list of days as date pickers (custom field `global::date-list`, stored as a JSON list of
 * YYYY-MM-DD): the days an activity does not take place, without a JSON editor.
 */
export default function DateList({ name, label, hint, disabled }: Props) {
  const field = useField<string[] | null>(name);
  const dates = Array.isArray(field.value) ? field.value : [];
  const id = useId();
  const set = (next: string[]) => field.onChange(name, next.length ? next : null);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, width: '100%' }}>
      <legend style={{ fontSize: 12, fontWeight: 600, color: '#32324d', marginBottom: 4 }}>{label}</legend>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {dates.map((d, i) => (
          <li key={`${id}-${i}`} style={{ display: 'inline-flex', gap: 4 }}>
            <input
              type="date"
              style={input}
              value={d}
              disabled={disabled}
              aria-label={`Dag ${i + 1}`}
              onChange={(e) => set(dates.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button
              type="button"
              style={small}
              disabled={disabled}
              aria-label={`Dag ${i + 1} weghalen`}
              onClick={() => set(dates.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        style={{ ...small, marginTop: 8 }}
        disabled={disabled}
        onClick={() => set([...dates, new Date().toISOString().slice(0, 10)])}
      >
        Dag toevoegen
      </button>
      {hint && <p style={{ fontSize: 12, color: '#666687', marginTop: 4 }}>{hint}</p>}
      {field.error && (
        <p role="alert" style={{ fontSize: 12, color: '#d02b20', marginTop: 4 }}>
          {field.error}
        </p>
      )}
    </fieldset>
  );
}
