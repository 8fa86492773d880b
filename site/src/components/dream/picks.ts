import { needPicks } from '@droomkaart/shared';

export type PickSlug = (typeof needPicks)[number]['slug'];

/**
 * The teen edition's order of the picks on "Wat heb je nodig?": work and learning first (a stage or
 * a day along at a job, a laptop, bijles), play last; the children's edition keeps the shared order
 * (sport and swimming first). Same picks, so a dream reads the same in the workspace.
 */
const TEEN_ORDER: PickSlug[] = [
  'meelopen',
  'laptop',
  'bijles',
  'taal',
  'sport',
  'muziek',
  'dans',
  'kunst',
  'fiets',
  'kleding',
  'natuur',
  'zwemmen',
];

/** Pure: the pick slugs in the order an edition's tone shows them (city file: 'kind' or 'jong'). */
export function picksFor(tone: string): PickSlug[] {
  const all = needPicks.map((p) => p.slug);
  if (tone !== 'jong') return all;
  return [...TEEN_ORDER.filter((s) => all.includes(s)), ...all.filter((s) => !TEEN_ORDER.includes(s))];
}
