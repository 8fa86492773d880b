// Which fields a save changed, for the audit trail. Pure.

const IGNORED = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  'status',
]);

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== 'id' && k !== '__component' && k !== '__temp_key__')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  if (typeof value === 'string' && /^\d{2}:\d{2}(:\d{2})?(\.\d+)?$/.test(value)) return value.slice(0, 5);
  return value ?? null;
}

function isRelationChange(value: unknown): boolean | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!('connect' in v || 'disconnect' in v || 'set' in v)) return null;
  return ['connect', 'disconnect', 'set'].some((k) => Array.isArray(v[k]) && (v[k] as unknown[]).length > 0);
}

/** documentIds (relations) or ids (media) a relation value points at, or null when it says nothing. */
function relationTargets(value: unknown): string[] | null {
  const one = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number'
      ? String(v)
      : v && typeof v === 'object'
        ? String((v as any).documentId ?? (v as any).id ?? '')
        : '';
  if (value === null) return [];
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.map(one).filter(Boolean).sort();
  if (value && typeof value === 'object' && ('documentId' in value || 'id' in value)) return [one(value)];
  return null; // e.g. { count: 2 } as the admin panel echoes it back: no change
}

/**
 * Field names whose new value differs from the stored one. `relations` names the relation and
 * media fields; `before` has them populated (documentId, or id for media).
 */
export function changedFields(
  before: Record<string, unknown> | null,
  data: Record<string, unknown>,
  relations: string[] = [],
): string[] {
  const out: string[] = [];
  for (const [field, value] of Object.entries(data)) {
    if (IGNORED.has(field)) continue;
    const relation = isRelationChange(value);
    if (relation !== null) {
      if (relation) out.push(field);
      continue;
    }
    if (relations.includes(field)) {
      const next = relationTargets(value);
      if (next !== null && (!before || JSON.stringify(next) !== JSON.stringify(relationTargets(before[field] ?? null))))
        out.push(field);
      continue;
    }
    if (!before || JSON.stringify(normalise(before[field])) !== JSON.stringify(normalise(value))) out.push(field);
  }
  return out.sort();
}
