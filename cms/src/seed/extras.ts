// The rest of the hand-written default activities: each extra names the template it builds on
// (`base`, in templates.ts) and says only what differs, with its own title and summary. Translations
// (`t`, or else extras-translated.ts by Dutch title), regelingen (`paidBy`) and languages are not inherited unless the extra gives them (paidBy
// only when it is still paid by a regeling).
import { extrasA } from './extras-a';
import { extrasB } from './extras-b';
import { extrasC } from './extras-c';
import { extraTranslations } from './extras-translated';
import { templates, type Template } from './templates';

export type Extra = Partial<Omit<Template, 'key' | 'nl'>> & {
  /** Key of the template it builds on. */
  base: string;
  /** Its own key, when another activity's paidBy names it. */
  key?: string;
  nl: Template['nl'];
};

export const extras: Extra[] = [...extrasA, ...extrasB, ...extrasC];

/** An extra as a complete template (pure). */
export function resolveExtra(extra: Extra, index: number): Template {
  const base = templates.find((t) => t.key === extra.base);
  if (!base) throw new Error(`extra '${extra.nl.title}': no template '${extra.base}'`);
  const { base: _base, ...own } = extra;
  const cost = own.cost ?? base.cost;
  const inherited: Template = {
    ...base,
    key: `extra-${index}`,
    t: undefined,
    languages: undefined,
    paidBy: cost[0] === 'gratis-via-regeling' ? base.paidBy : undefined,
    // A single day given by the extra wins over the base's list of days.
    days: own.day && !own.days ? undefined : base.days,
  };
  return { ...inherited, ...own, cost, nl: own.nl, t: own.t ?? extraTranslations[own.nl.title] };
}

/** Every hand-written default activity: the templates, then the extras. */
export const defaultTemplates: Template[] = [...templates, ...extras.map(resolveExtra)];
