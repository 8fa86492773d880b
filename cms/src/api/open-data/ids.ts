// Stable HSDS ids: every `id` of the open data is a UUID (HSDS 3.0 `format: uuid`), derived as a
// UUID v5 (name-based, SHA-1) from what the record is (`kind`) and the cms keys it comes from (a
// documentId, a term's code, a schedule's number). The same record has the same id after every
// reindex, restart or database copy, and no id can be guessed back into a documentId.
import { v5 as uuidv5, validate as uuidValidate } from 'uuid';

/** The namespace of every Droomkaart HSDS id: uuid5(URL, 'https://droomkaart.nl/open-data/hsds'). Never change it. */
export const HSDS_ID_NAMESPACE = '1f9d6e42-577d-5523-8ede-d7bd57a47079';

export type IdKind =
  | 'service'
  | 'organization'
  | 'location'
  | 'service_at_location'
  | 'schedule'
  | 'phone'
  | 'address'
  | 'accessibility'
  | 'language'
  | 'cost_option'
  | 'attribute'
  | 'taxonomy'
  | 'taxonomy_term';

/** Pure: the UUID of a record of `kind` named by `keys` (e.g. `hsdsId('service', documentId)`). */
export function hsdsId(kind: IdKind, ...keys: string[]): string {
  return uuidv5(`${kind}:${keys.join(':')}`, HSDS_ID_NAMESPACE);
}

/** Pure: whether `value` is a UUID (any version), in the lower- or upper-case form. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidValidate(value);
}
