import { themeSlugs, type ThemeSlug } from '../taxonomy/vocabularies.js';
import { professionRules, type ThemeKeywordRule } from '../search/professions.js';

// Themes guessed from a dream's texts and picks, for the coordinator workspace
// (cms/src/api/workspace/CONTRACT.md: a dream's `themes` when none are stored). No Node-only APIs:
// this runs in the browser too.

/** The Dutch (and common English) words a dream is read with. Kept as data; order is irrelevant. */
export const dreamThemeKeywords: readonly ThemeKeywordRule[] = [
  // Professions (shared with search: ../search/professions.ts).
  ...professionRules,
  // What a dream or need is about.
  {
    words: [
      'sport',
      'voetbal',
      'zwem',
      'judo',
      'karate',
      'taekwondo',
      'kickbox',
      'boksen',
      'bokser',
      'turnen',
      'turnles',
      'turnster',
      'gymnastiek',
      'gymles',
      'hockey',
      'tennis',
      'basketbal',
      'volleybal',
      'handbal',
      'honkbal',
      'korfbal',
      'atletiek',
      'hardlopen',
      'hardloop',
      'wielren',
      'schaats',
      'skate',
      'klimmen',
      'zeilen',
      'surfen',
      'roeien',
      'fitness',
      'bewegen',
      'badminton',
      'padel',
      'rugby',
      'freerun',
      'parkour',
      'paardrij',
      'soccer',
      'football',
      'swim',
      'running',
      'gymnastics',
      'boxing',
      'cycling',
    ],
    themes: ['sport-bewegen'],
    except: ['transport', 'transporten'],
  },
  { words: ['gym', 'rennen', 'fietsen', 'fietstocht', 'fietsles'], themes: ['sport-bewegen'], match: 'exact' },
  {
    words: [
      'dans',
      'dance',
      'ballet',
      'muziek',
      'music',
      'zang',
      'zingen',
      'singing',
      'gitaar',
      'guitar',
      'piano',
      'drum',
      'viool',
      'violin',
      'trompet',
      'saxofoon',
      'keyboard',
      'toneel',
      'theater',
      'theatre',
      'musical',
      'cabaret',
      'circus',
      'acteren',
      'acting',
      'orkest',
      'rappen',
      'muzikaal',
    ],
    themes: ['dans-muziek-theater'],
    except: ['balletje', 'balletjes', 'dansk'],
  },
  { words: ['rap', 'koor', 'band', 'zing', 'zingt', 'sing'], themes: ['dans-muziek-theater'], match: 'exact' },
  {
    words: [
      'kunst',
      'schilder',
      'knutsel',
      'creatief',
      'creatieve',
      'creative',
      'fotografie',
      'fotograf',
      'film',
      'ontwerpen',
      'beeldhouw',
      'animatie',
      'naaien',
      'breien',
      'sieraden',
      'mode',
      'fashion',
      'craft',
      'drawing',
      'painting',
    ],
    themes: ['kunst-creatief'],
    except: ['modem', 'modern', 'moderne', 'moderator', 'commode', 'minecraft'],
  },
  { words: ['teken', 'strip'], themes: ['kunst-creatief'], match: 'start', except: ['stripper'] },
  { words: ['art', 'foto', 'fotos', 'kleien', 'haken'], themes: ['kunst-creatief'], match: 'exact', except: ['arts'] },
  {
    words: [
      'natuur',
      'nature',
      'dier',
      'animal',
      'paard',
      'horse',
      'tuin',
      'garden',
      'boerderij',
      'planten',
      'bloemen',
      'vogel',
      'insect',
      'milieu',
      'klimaat',
      'buitenspelen',
      'buitensport',
      'kamperen',
      'vissen',
      'hengelen',
      'bosbouw',
    ],
    themes: ['natuur-buiten'],
    except: ['dierbaar', 'dierbare', 'tuinbroek'],
  },
  { words: ['hond', 'dog', 'kat', 'poes', 'cat', 'konijn', 'bos', 'farm'], themes: ['natuur-buiten'], match: 'exact' },
  { words: ['dierentuin', 'zoo'], themes: ['natuur-buiten', 'uitjes-vakantie'], match: 'exact' },
  {
    words: [
      'bijles',
      'huiswerk',
      'rekenen',
      'rekenles',
      'rekensom',
      'wiskunde',
      'studeren',
      'studie',
      'student',
      'opleiding',
      'examen',
      'toets',
      'universiteit',
      'homework',
      'tutor',
      'math',
      'study',
      'university',
    ],
    themes: ['leren-bijles'],
    except: ['toetsenbord'],
  },
  { words: ['school', 'diploma', 'cito', 'havo', 'vwo', 'mbo', 'hbo'], themes: ['leren-bijles'], match: 'exact' },
  {
    words: [
      'lezen',
      'lees',
      'boek',
      'verhaal',
      'verhalen',
      'gedicht',
      'nederlands',
      'engels',
      'schrijven',
      'schrijf',
      'reading',
      'book',
      'language',
      'english',
      'dutch',
      'writing',
      'bibliotheek',
      'library',
      'spreken',
      'taalles',
      'taalcafe',
      'taalcursus',
      'taalmaatje',
      'moedertaal',
      'thuistaal',
      'gebarentaal',
    ],
    themes: ['taal-lezen'],
    except: ['boeking', 'boekhouder', 'booking', 'schrijfblok'],
  },
  { words: ['taal', 'talen'], themes: ['taal-lezen'], match: 'exact' },
  { words: ['computer'], themes: ['techniek-computers'], asNeed: ['spullen', 'techniek-computers'] },
  {
    words: [
      'programmeer',
      'programmeren',
      'programming',
      'coderen',
      'coding',
      'game',
      'youtube',
      'vlog',
      'stream',
      'tiktok',
      'minecraft',
      'roblox',
      'robot',
      'techniek',
      'technisch',
      'technology',
      'elektr',
      'wetenschap',
      'science',
      'lego',
    ],
    themes: ['techniek-computers'],
    except: ['mainstream'],
  },
  { words: ['code', 'ict'], themes: ['techniek-computers'], match: 'exact' },
  {
    words: [
      'laptop',
      'tablet',
      'fiets',
      'bike',
      'bicycle',
      'kleding',
      'kleren',
      'clothes',
      'clothing',
      'schoen',
      'shoes',
      'jas',
      'spullen',
      'speelgoed',
    ],
    themes: ['spullen'],
    except: ['fietsen', 'fietstocht', 'fietsles', 'jasmijn', 'schoenmaker'],
  },
  { words: ['bureau', 'helm', 'telefoon', 'phone', 'coat'], themes: ['spullen'], match: 'exact' },
  {
    words: [
      'vakantie',
      'dagje uit',
      'pretpark',
      'efteling',
      'walibi',
      'logeren',
      'reizen',
      'strand',
      'kamperen',
      'holiday',
      'vacation',
    ],
    themes: ['uitjes-vakantie'],
  },
  { words: ['uitje', 'trip'], themes: ['uitjes-vakantie'], match: 'exact' },
  { words: ['kamp', 'camp'], themes: ['uitjes-vakantie'], match: 'end' },
  {
    words: ['geld', 'money', 'contributie', 'lidmaatschap', 'betalen', 'betaal', 'betaald', 'te duur', 'kosten'],
    themes: ['geld-regelingen'],
    match: 'exact',
  },
  {
    words: ['hulp', 'advies', 'pesten', 'gepest', 'pest', 'verdriet', 'eenzaam', 'bang'],
    themes: ['hulp-advies'],
    match: 'exact',
  },
  { words: ['opvoed', 'ouderschap'], themes: ['voor-ouders'] },
];

/** Each pick on "Wat heb je nodig?" (shared/dream `needPicks`) and its theme. */
export const needPickThemes: Readonly<Record<string, readonly ThemeSlug[]>> = {
  sport: ['sport-bewegen'],
  zwemmen: ['sport-bewegen'],
  muziek: ['dans-muziek-theater'],
  dans: ['dans-muziek-theater'],
  kunst: ['kunst-creatief'],
  bijles: ['leren-bijles'],
  taal: ['taal-lezen'],
  laptop: ['spullen'],
  fiets: ['spullen'],
  kleding: ['spullen'],
  meelopen: ['beroepen-meelopen'],
  natuur: ['natuur-buiten'],
};

/** Endings a Dutch (or English) word may have after a keyword: plural, diminutive, doer, female. */
const inflections = [
  '',
  's',
  'e',
  'en',
  'n',
  'er',
  'ers',
  'es',
  'ster',
  'sters',
  'je',
  'jes',
  'tje',
  'tjes',
  'etje',
  'etjes',
  'pje',
  'pjes',
];

/** Lowercase, no diacritics, words of letters and digits only. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function endsWithInflected(token: string, stem: string): boolean {
  for (const tail of inflections) {
    if (token.endsWith(stem + tail)) return true;
    // A doubled consonant before the ending: bal → ballen, voetbal → voetballer.
    if (tail && token.endsWith(stem + stem.at(-1) + tail)) return true;
  }
  return false;
}

function exactInflected(token: string, stem: string): boolean {
  if (!token.startsWith(stem)) return false;
  const tail = token.slice(stem.length);
  return (
    inflections.includes(tail) ||
    (tail.startsWith(stem.at(-1) ?? '') && tail.length > 1 && inflections.includes(tail.slice(1)))
  );
}

function wordMatches(token: string, stem: string, mode: ThemeKeywordRule['match']): boolean {
  if (mode === 'exact') return exactInflected(token, stem);
  if (mode === 'end') return endsWithInflected(token, stem);
  if (mode === 'start') return token.startsWith(stem);
  return token.startsWith(stem) || endsWithInflected(token, stem);
}

/** Suffixes that name a profession on their own (kinderdierenarts, wijkagent, tandheelkundige). */
const professionSuffixes = [
  'arts',
  'agent',
  'agente',
  'kundige',
  'therapeut',
  'medewerker',
  'medewerkster',
  'specialist',
  'specialiste',
  'verzorger',
  'verzorgster',
  'monteur',
  'chauffeur',
  'loog',
  'naut',
  'ician',
];
const notProfessions = new Set([
  'starts',
  'parts',
  'charts',
  'darts',
  'hearts',
  'karts',
  'carts',
  'smarts',
  'quarts',
  'kwarts',
  'dialoog',
  'reagent',
]);

/** Nouns after "word ik … / … worden / be a …" that are not professions (comparatives, wishes). */
const notJobsAfterWorden = new Set([
  'vader',
  'moeder',
  'broer',
  'zuster',
  'beter',
  'groter',
  'sterker',
  'sneller',
  'slimmer',
  'rijker',
  'ouder',
  'mooier',
  'liever',
  'blijer',
  'gezonder',
  'langer',
  'later',
  'eerder',
  'meer',
  'minder',
  'verder',
  'leuker',
  'anders',
  'zeker',
  'super',
  'lekker',
  'hier',
  'daar',
  'waar',
  'voor',
  'over',
  'onder',
  'naar',
  'door',
  'maar',
  'weer',
  'zwaar',
  'klaar',
  'raar',
  'duur',
  'jaar',
  'paar',
  'ander',
  'prinses',
  'monster',
  'superster',
  'better',
  'bigger',
  'stronger',
  'faster',
  'older',
  'taller',
  'richer',
  'smarter',
  'happier',
  'ever',
  'never',
  'other',
  'player',
]);
const jobEndingsAfterWorden = [
  'eur',
  'ist',
  'iste',
  'aar',
  'ares',
  'ier',
  'iere',
  'ster',
  'er',
  'es',
  'man',
  'vrouw',
  'ant',
  'or',
];
const fillers = new Set([
  'een',
  'de',
  'het',
  'later',
  'graag',
  'echt',
  'echte',
  'goede',
  'goed',
  'beroemde',
  'bekende',
  'heel',
  'ook',
  'ik',
  'a',
  'an',
  'the',
  'famous',
  'good',
  'great',
  'real',
  'professional',
  'pro',
]);

function looksLikeJob(token: string): boolean {
  if (token.length < 5 || notJobsAfterWorden.has(token) || /(iger|ijker|lijker)$/.test(token)) return false;
  return jobEndingsAfterWorden.some((end) => token.endsWith(end));
}

/** Indexes of words that are the object of "word ik …", "… worden", "be a …", "become …". */
function jobPositions(tokens: string[]): number[] {
  const found: number[] = [];
  const look = (from: number, dir: 1 | -1) => {
    for (let i = from, seen = 0; i >= 0 && i < tokens.length && seen < 4; i += dir, seen++) {
      const t = tokens[i];
      if (fillers.has(t)) continue;
      if (looksLikeJob(t)) found.push(i);
      return;
    }
  };
  tokens.forEach((t, i) => {
    if (t === 'worden') look(i - 1, -1); // ik wil (later) kok worden
    if ((t === 'word' || t === 'wordt') && tokens[i + 1] === 'ik') look(i + 2, 1); // later word ik kok
    if (t === 'word' && tokens[i - 1] === 'ik') look(i + 1, 1); // ik word later kok
    if ((t === 'be' || t === 'become') && tokens[i - 1] === 'to') look(i + 1, 1); // I want to be a cook
  });
  return found;
}

interface Hit {
  theme: ThemeSlug;
  rank: [number, number, number, number];
}

function readText(text: string, source: number, asNeed: boolean): Hit[] {
  const tokens = normaliseWords(text);
  const joined = ` ${tokens.join(' ')} `;
  const hits: Hit[] = [];
  const matched = new Set<number>();
  dreamThemeKeywords.forEach((rule) => {
    const except = new Set(rule.except ?? []);
    const themes = (asNeed && rule.asNeed) || rule.themes;
    const withJob =
      rule.job && !themes.includes('beroepen-meelopen') ? [...themes, 'beroepen-meelopen' as const] : themes;
    for (const word of rule.words) {
      const positions: number[] = [];
      if (word.includes(' ')) {
        const at = joined.indexOf(` ${word} `);
        if (at >= 0) positions.push(joined.slice(0, at).split(' ').length - 1);
      } else {
        tokens.forEach((t, i) => {
          if (!except.has(t) && wordMatches(t, word, rule.match)) positions.push(i);
        });
      }
      for (const pos of positions) {
        matched.add(pos);
        withJob.forEach((theme, k) => hits.push({ theme, rank: [source, rule.job && source === 0 ? 0 : 1, pos, k] }));
      }
    }
  });
  // Profession words: what follows "word ik …" or comes before "… worden", and words no rule
  // knows that end like a profession (-arts, -agent, -kundige…).
  const jobs = new Set(jobPositions(tokens));
  tokens.forEach((t, i) => {
    const unknownJob =
      !matched.has(i) &&
      !notProfessions.has(t) &&
      professionSuffixes.some((s) => t.endsWith(s) && t.length > s.length + 2);
    if (jobs.has(i) || unknownJob)
      hits.push({ theme: 'beroepen-meelopen', rank: [source, source === 0 ? 0 : 1, i, 0] });
  });
  return hits;
}

const compareRank = (a: Hit['rank'], b: Hit['rank']) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3];

/**
 * The themes a dream is about, most relevant first: what the dream names as a profession, then
 * the rest of the dream in reading order, then the need text, then the picks. Reads lowercase
 * without diacritics, inside compounds (kinderdierenarts, profvoetballer) and with simple
 * inflections. No duplicates; [] when nothing is recognised.
 */
export function themesForDream(input: {
  dream?: string | null;
  need?: string | null;
  needPicks?: readonly string[] | null;
}): ThemeSlug[] {
  const hits = [...readText(input.dream ?? '', 0, false), ...readText(input.need ?? '', 1, true)];
  (input.needPicks ?? []).forEach((pick, i) => {
    (needPickThemes[pick] ?? []).forEach((theme, k) => hits.push({ theme, rank: [2, 1, i, k] }));
  });
  const best = new Map<ThemeSlug, Hit['rank']>();
  for (const hit of hits) {
    const seen = best.get(hit.theme);
    if (!seen || compareRank(hit.rank, seen) < 0) best.set(hit.theme, hit.rank);
  }
  return [...best.entries()]
    .filter(([theme]) => (themeSlugs as readonly string[]).includes(theme))
    .sort((a, b) => compareRank(a[1], b[1]))
    .map(([theme]) => theme);
}
