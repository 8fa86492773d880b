import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { VOCABULARIES } from './vocabularies';

type Props = {
  name: string;
  label: string;
  hint?: ReactNode;
  disabled?: boolean;
  attribute: { options?: { vocabulary?: string } };
};

const box = { border: 0, padding: 0, margin: 0, width: '100%' };

/**
 * A list of choices as checkboxes (custom field `global::checklist`, stored as a JSON list of
 * values): talen and toegankelijkheid without a JSON editor.
 */
export default function Checklist({ name, label, hint, disabled, attribute }: Props) {
  const field = useField<string[] | null>(name);
  const chosen = Array.isArray(field.value) ? field.value : [];
  const choices = VOCABULARIES[attribute.options?.vocabulary ?? ''] ?? [];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    field.onChange(
      name,
      choices.map((c) => c.value).filter((v) => next.includes(v)),
    );
  };
  const hintId = `${name}-hint`;
  return (
    <fieldset style={box} aria-describedby={hint ? hintId : undefined}>
      <legend style={{ fontSize: 12, fontWeight: 600, color: '#32324d', marginBottom: 4 }}>{label}</legend>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
        {choices.map((c) => (
          <label key={c.value} style={{ display: 'inline-flex', gap: 6, alignItems: 'center', fontSize: 14 }}>
            <input
              type="checkbox"
              checked={chosen.includes(c.value)}
              disabled={disabled}
              onChange={(e) => toggle(c.value, e.target.checked)}
            />
            {c.label}
          </label>
        ))}
      </div>
      {hint && (
        <p id={hintId} style={{ fontSize: 12, color: '#666687', marginTop: 4 }}>
          {hint}
        </p>
      )}
      {field.error && (
        <p role="alert" style={{ fontSize: 12, color: '#d02b20', marginTop: 4 }}>
          {field.error}
        </p>
      )}
    </fieldset>
  );
}
