// What families call a kind of activity when they search for it by what it does for them, not by
// its title: "meelopen bij een bedrijf" is a job-shadowing day, "hulp bij betalen" a regeling.
// The indexer writes these words into the keywords of every activity of that kind, so the words
// of the intent weigh like the activity's own. Pure data; Dutch words as typed (the indexer adds
// their search forms and the dictionary's translations).
import type { activityKinds } from '../taxonomy/vocabularies.js';

export const kindKeywords: Readonly<Record<(typeof activityKinds)[number], readonly string[]>> = {
  activiteit: [],
  cursus: ['cursus', 'les', 'leren'],
  evenement: ['evenement', 'festival', 'feest', 'dagje'],
  meeloopdag: ['meelopen', 'bedrijf', 'werk', 'beroep', 'baan', 'stage', 'mentor'],
  regeling: ['regeling', 'geld', 'betalen', 'vergoeding', 'bijdrage', 'fonds', 'korting'],
  'hulp-advies': ['hulp', 'advies', 'vragen', 'steun', 'praten'],
  spullen: ['spullen', 'krijgen', 'lenen', 'tweedehands'],
};
