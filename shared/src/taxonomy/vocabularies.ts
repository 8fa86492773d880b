// The programme's fixed vocabularies. Each value is a stable slug; its label lives in the i18n
// resources under the same prefix (theme.<slug>, offerType.<slug>, ...), so one concept has
// one name in the cms, the index and the site. A theme's `icon` names one of the site's drawn SVG
// icons (site/src/components/icons/drawings.ts), never an emoji: those show as empty boxes on
// devices without an emoji font.

export const themes = [
  { slug: 'sport-bewegen', name: 'Sport & bewegen', icon: 'sport', order: 1 },
  { slug: 'dans-muziek-theater', name: 'Dans, muziek & theater', icon: 'music', order: 2 },
  { slug: 'kunst-creatief', name: 'Kunst & creatief', icon: 'palette', order: 3 },
  { slug: 'natuur-buiten', name: 'Natuur & buiten', icon: 'tree', order: 4 },
  { slug: 'leren-bijles', name: 'Leren & bijles', icon: 'pencil', order: 5 },
  { slug: 'taal-lezen', name: 'Taal & lezen', icon: 'book', order: 6 },
  { slug: 'techniek-computers', name: 'Techniek & computers', icon: 'laptop', order: 7 },
  { slug: 'beroepen-meelopen', name: 'Beroepen & meelopen', icon: 'wrench', order: 8 },
  { slug: 'uitjes-vakantie', name: 'Uitjes & vakantie', icon: 'sun', order: 9 },
  { slug: 'spullen', name: 'Spullen (fiets, laptop, kleding)', icon: 'bike', order: 10 },
  { slug: 'geld-regelingen', name: 'Geld & regelingen', icon: 'coin', order: 11 },
  { slug: 'hulp-advies', name: 'Hulp & advies', icon: 'help', order: 12 },
  { slug: 'voor-ouders', name: 'Voor ouders', icon: 'family', order: 13 },
] as const;
export type ThemeSlug = (typeof themes)[number]['slug'];
export const themeSlugs = themes.map((t) => t.slug) as [ThemeSlug, ...ThemeSlug[]];

export const activityKinds = [
  'activiteit',
  'cursus',
  'evenement',
  'meeloopdag',
  'regeling',
  'hulp-advies',
  'spullen',
] as const;
export const offerTypes = [
  'ontwikkeling',
  'ontplooiing',
  'even-ontspannen',
  'trots-zelfvertrouwen',
  'hulp',
  'voor-ouders',
] as const;
export const organisationKinds = [
  'sport',
  'cultuur',
  'onderwijs',
  'welzijn',
  'bibliotheek',
  'wijkteam',
  'fonds',
  'ondernemer',
  'overig',
] as const;
export const audiences = ['kind', 'jongere', 'ouder', 'gezin'] as const;
export const costTypes = ['gratis', 'betaald', 'korting', 'gratis-via-regeling'] as const;
export const howToJoin = ['vrije-inloop', 'aanmelden', 'via-coordinator'] as const;
/**
 * Who applies for a regeling: the parent, an intermediary (a school, wijkteam or buurtsportcoach
 * applies for the family), the programme's coordinator, or the provider of the activity.
 */
export const applicants = ['ouder', 'intermediair', 'coordinator', 'aanbieder'] as const;
/** At most this many exception dates (days a weekly or period activity does not take place). */
export const MAX_EXCEPTION_DATES = 100;
export const scheduleTypes = ['eenmalig', 'wekelijks', 'periode', 'doorlopend'] as const;
/** ISO weekday order, Monday first, as Dutch calendars show it. */
export const days = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export const accessibilityFeatures = [
  'rolstoel',
  'invalidentoilet',
  'prikkelarm',
  'gebarentaal',
  'ringleiding',
  'lift',
] as const;
/** Languages an activity can be given in (ISO 639-1), wider than the site's own locales. */
export const spokenLanguages = ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'so', 'ti', 'pap', 'srn', 'fa', 'es'] as const;

/** Ages covered by the programme: 0 to 18 inclusive. */
export const AGE_MIN = 0;
export const AGE_MAX = 18;

export function agesBetween(min: number, max: number): number[] {
  const lo = Math.max(AGE_MIN, Math.min(min, max));
  const hi = Math.min(AGE_MAX, Math.max(min, max));
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}
