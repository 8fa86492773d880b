// Which drawing a card shows when the partner gave no photo: the most specific thing known about
// the activity, never a wrong one. A swimming lesson under "Sport & bewegen" is a swimmer, not a
// football: first the words of its title and summary, then its kind, then its first theme (whose
// drawing is general: a medal for sport), else a neutral star. Pure, no runtime imports (island).
import type { IconName } from '../../components/icons/drawings.ts';

/** Word stems (matched at the start of a word, any case) to a drawing; the first that matches wins. */
const WORDS: readonly [readonly string[], IconName][] = [
  [['zwem', 'swim', 'yüz', 'pływ', 'плав', 'سباح'], 'swim'],
  [['voetbal', 'football', 'soccer', 'futbol', 'piłk', 'футбол', 'basketbal', 'handbal', 'volleybal'], 'ball'],
  [['dans', 'dance', 'breakdance', 'ballet', 'hiphop', 'танц'], 'dance'],
  [['muziek', 'music', 'zing', 'koor', 'gitaar', 'piano', 'drum', 'viool', 'müzik', 'muzyk', 'музик'], 'music'],
  [['teken', 'schilder', 'knutsel', 'kunst', 'drawing', 'painting', 'klei'], 'palette'],
  [['fiets', 'bike', 'bicycle', 'bisiklet', 'rower', 'велосипед'], 'bike'],
  [['laptop', 'computer', 'programmeer', 'coderen', 'coding', 'robot', 'game', 'digita'], 'laptop'],
  [['kleding', 'kleren', 'winterjas', 'schoenen', 'clothes'], 'shirt'],
  [['voorlees', 'leesclub', 'boek', 'bibliothe', 'library', 'reading'], 'book'],
  [['bijles', 'huiswerk', 'rekenen', 'homework', 'tutor', 'examen'], 'pencil'],
  [['taalcaf', 'taalles', 'taalmaatje', 'language'], 'chat'],
  [['natuur', 'moestuin', 'tuin', 'bos', 'boerderij', 'nature', 'garden', 'forest'], 'tree'],
  [['meeloop', 'meelopen', 'beroep', 'snuffelstage', 'job'], 'wrench'],
];
const RULES = WORDS.map(([stems, name]) => [new RegExp(`(?:^|[^\\p{L}])(?:${stems.join('|')})`, 'iu'), name] as const);

/** Kinds whose drawing says more than a theme would. */
const KINDS: Partial<Record<string, IconName>> = {
  regeling: 'coin',
  'hulp-advies': 'help',
  meeloopdag: 'wrench',
};

/** Each theme's general drawing (shared taxonomy `icon`; kept in step by illustration.test.ts). */
export const THEME_DRAWINGS: Record<string, IconName> = {
  'sport-bewegen': 'sport',
  'dans-muziek-theater': 'music',
  'kunst-creatief': 'palette',
  'natuur-buiten': 'tree',
  'leren-bijles': 'pencil',
  'taal-lezen': 'book',
  'techniek-computers': 'laptop',
  'beroepen-meelopen': 'wrench',
  'uitjes-vakantie': 'sun',
  spullen: 'bike',
  'geld-regelingen': 'coin',
  'hulp-advies': 'help',
  'voor-ouders': 'family',
};

export type IllustrationInput = {
  title: string;
  summary?: string | null;
  kind?: string | null;
  themes?: readonly string[] | null;
};

export function illustrationFor(a: IllustrationInput): IconName {
  // The title says most; the summary only when the title names nothing known.
  for (const text of [a.title, a.summary ?? '']) for (const [re, name] of RULES) if (re.test(text)) return name;
  const byKind = a.kind ? KINDS[a.kind] : undefined;
  if (byKind) return byKind;
  for (const theme of a.themes ?? []) if (THEME_DRAWINGS[theme]) return THEME_DRAWINGS[theme];
  return 'star';
}
