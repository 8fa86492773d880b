// What a catalogue card says besides its title: pure, and no runtime imports, so the island can use
// it in the browser (lib/catalogue/cards.ts, for the server's cards, imports @droomkaart/shared).
import type { Translate } from './messages.ts';

/** The week in order (the taxonomy's `days`), for the short day names `catalogue.card.day.*`. */
const WEEK = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

export type WhereAndWhen = {
  places: readonly { name: string; wijkName?: string | null }[];
  days?: readonly string[] | null;
};

/**
 * Where and when in one short line, from the search document's `places` and `days`: "op 3 plekken
 * · ma, wo, vr"; one place is its wijk ("Parkwijk · za"). Null when the activity has neither.
 */
export function whereAndWhen(hit: WhereAndWhen, t: Translate): string | null {
  const seen = new Map<string, { name: string; wijkName?: string | null }>();
  for (const p of hit.places) seen.set(`${p.name}\u0000${p.wijkName ?? ''}`, p);
  const places = [...seen.values()];
  const where =
    places.length === 0
      ? null
      : places.length === 1
        ? places[0].wijkName || places[0].name
        : t('catalogue.card.places', { count: places.length });
  const days = WEEK.filter((d) => hit.days?.includes(d))
    .map((d) => t(`catalogue.card.day.${d}`))
    .join(t('catalogue.card.listSeparator'));
  return [where, days].filter(Boolean).join(' · ') || null;
}
