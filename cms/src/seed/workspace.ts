import type { Core } from '@strapi/strapi';
import { dreamStatuses, defaultEdition, editionsForAges, seasonOf, themesForDream, wijken } from '@droomkaart/shared';
import { DREAM } from '../api/dream/rules';
import { prng } from './generate';
import { UID } from '../content-types';
import { cityText, wijkOf } from './in-city';

const CONTACT = UID.contactPerson;
const REFERRAL = UID.referral;
const ACTIVITY = UID.activity;

const FIRST = [
  'Anouk',
  'Mohammed',
  'Lisa',
  'Daan',
  'Yasmina',
  'Noah',
  'Sem',
  'Fatima',
  'Milan',
  'Zoë',
  'Emre',
  'Julia',
  'Oksana',
  'Kacper',
  'Ayoub',
  'Sara',
  'Luca',
  'Nour',
  'Jayden',
  'Eva',
];
const CONTACT_NAMES = [
  'Marieke de Vries',
  'Hamza El Amrani',
  'Petra Jansen',
  'Robert Bakker',
  'Sanne Visser',
  'Youssef Benali',
  'Ingrid Mulder',
  'Kevin de Boer',
];
const ROLES = ['Jeugdcoördinator', 'Trainer', 'Docent', 'Buurtsportcoach', 'Teamleider', 'Vrijwilligerscoördinator'];
const DREAMS: { dream: string; need?: string; needPicks?: string[] }[] = [
  {
    dream: 'Ik wil later dierenarts worden.',
    need: 'Ik wil graag een dag meelopen bij een dierenkliniek.',
    needPicks: ['meelopen', 'natuur'],
  },
  { dream: 'Ik word profvoetballer!', need: 'Voetbalschoenen en een club.', needPicks: ['sport'] },
  { dream: 'Ik wil juf worden.', need: 'Hulp met rekenen.', needPicks: ['bijles'] },
  { dream: 'Ik wil zangeres worden.', need: 'Zangles', needPicks: ['muziek'] },
  { dream: 'Ik wil programmeur worden en games maken.', need: 'Een laptop voor thuis.', needPicks: ['laptop'] },
  { dream: 'Ik wil leren zwemmen, dan kan ik badmeester worden.', need: 'Zwemles', needPicks: ['zwemmen'] },
  { dream: 'Ik wil politieagent worden.', need: 'Sport om fit te blijven.', needPicks: ['sport', 'meelopen'] },
  { dream: 'Ik wil kunstenaar worden.', need: 'Tekenles en verf.', needPicks: ['kunst'] },
  { dream: 'Ik wil danseres worden.', need: 'Balletles', needPicks: ['dans'] },
  { dream: 'Ik wil dokter worden.', need: 'Huiswerkbegeleiding', needPicks: ['bijles', 'meelopen'] },
  { dream: 'Ik wil met een fiets naar school.', need: 'Een fiets.', needPicks: ['fiets'] },
  { dream: 'Ik wil beter Nederlands leren.', need: 'Taalles en boeken.', needPicks: ['taal'] },
  { dream: 'Ik wil kapper worden.', need: 'Een dag meelopen in een kapsalon.', needPicks: ['meelopen'] },
  { dream: 'Ik wil boswachter worden.', need: 'Naar buiten in de natuur.', needPicks: ['natuur'] },
];

/** Demo key players: one or two contact persons per organisation (development only, fictional). */
export async function seedContacts(strapi: Core.Strapi) {
  if ((await strapi.db.query(CONTACT).count({})) > 0) return;
  const organisations = (await strapi.db
    .query(UID.organisation)
    .findMany({ select: ['id', 'slug'], orderBy: { id: 'asc' } })) as { id: number; slug: string }[];
  const random = prng(36);
  for (const [i, org] of organisations.entries()) {
    const count = 1 + (i % 2);
    for (let n = 0; n < count; n++) {
      const name = CONTACT_NAMES[(i + n * 3) % CONTACT_NAMES.length];
      await strapi.db.query(CONTACT).create({
        data: {
          organisation: org.id,
          name,
          role: ROLES[Math.floor(random() * ROLES.length)],
          phone: `+3136${String(5000000 + i * 10 + n).padStart(7, '0')}`,
          email: `${name.split(' ')[0].toLowerCase()}@${org.slug}.test`,
          note: n === 0 ? 'Bel liefst op dinsdag of donderdag.' : null,
          active: true,
        },
      });
    }
  }
}

/**
 * Demo dreams over the past twelve months in every stage, a few with referrals, so the inbox,
 * the follow-ups and the reports have something to show (development only, fictional).
 */
export async function seedDemoDreams(strapi: Core.Strapi, count = 80, now = new Date()) {
  if ((await strapi.db.query(DREAM).count({})) > 0) return;
  const random = prng(2017);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const activities = (await strapi.db.query(ACTIVITY).findMany({
    where: { publishedAt: { $notNull: true }, locale: 'nl' },
    select: ['documentId', 'title', 'slug', 'ageMin', 'ageMax'],
    populate: { themes: { select: ['slug'] }, organisation: { select: ['slug', 'name'] } },
    limit: 2000,
  })) as {
    documentId: string;
    title: string;
    slug: string;
    ageMin: number | null;
    ageMax: number | null;
    themes: { slug: string }[];
    organisation: { slug: string; name: string } | null;
  }[];
  const DAY = 86_400_000;
  // Closed dreams' outcomes from their own sequence, so the other demo data stays as it was:
  // mostly helped, the rest spread as a real programme sees them.
  const outcomeRandom = prng(18);
  const outcomes = [
    'geholpen',
    'geholpen',
    'geholpen',
    'geholpen',
    'geholpen',
    'elders-verwezen',
    'niet-bereikt',
    'past-niet',
    'geen-plek',
    'geen-interesse',
  ] as const;
  const open: { id: number; receivedAt: string }[] = [];
  for (let i = 0; i < count; i++) {
    const base = DREAMS[i % DREAMS.length];
    const age = 4 + Math.floor(random() * 14);
    const receivedAt = new Date(now.getTime() - Math.floor(random() * 360) * DAY - Math.floor(random() * 8) * 3600_000);
    // Older dreams are further along; the newest ones are still new.
    const ageDays = (now.getTime() - receivedAt.getTime()) / DAY;
    const stage = ageDays < 4 ? 0 : Math.min(dreamStatuses.length - 1, Math.floor(random() * (ageDays < 30 ? 4 : 7)));
    const status = dreamStatuses[stage];
    const themes = themesForDream({ dream: base.dream, need: base.need ?? '', needPicks: base.needPicks ?? [] });
    const history = dreamStatuses.slice(0, stage + 1).map((to, n) => ({
      at: new Date(receivedAt.getTime() + n * 3 * DAY).toISOString(),
      by: n === 0 ? 'website' : 'coordinator@droomkaart.test',
      from: n === 0 ? null : dreamStatuses[n - 1],
      to,
    }));
    const consent = stage >= 2;
    const dream = await strapi.db.query(DREAM).create({
      data: {
        edition: editionsForAges(age, age).at(-1) ?? defaultEdition.id,
        firstName: FIRST[i % FIRST.length],
        age,
        dream: base.dream,
        need: base.need ?? null,
        needPicks: base.needPicks ?? [],
        wijk: pick(wijken).slug,
        phone: `+316123${String(45000 + i).padStart(5, '0')}`,
        parentName: random() < 0.6 ? `Ouder van ${FIRST[i % FIRST.length]}` : null,
        preferredLanguage: pick(['nl', 'nl', 'nl', 'ar', 'tr', 'pl', 'uk', 'en']),
        channel: pick(['website', 'website', 'website', 'brievenbus', 'whatsapp', 'inloopspreekuur', 'school']),
        dreamStatus: status,
        statusHistory: history,
        consentRecordedAt: consent ? new Date(receivedAt.getTime() + 3 * DAY).toISOString() : null,
        consentRecordedBy: consent ? 'coordinator@droomkaart.test' : null,
        assignedTo: stage > 0 ? 'coordinator@droomkaart.test' : null,
        followUpDate:
          stage >= 4 && stage < 6
            ? new Date(now.getTime() + Math.floor(random() * 10 - 5) * DAY).toISOString().slice(0, 10)
            : null,
        themes,
        incomeSource: stage >= 3 ? pick(['bijstand', 'andere-uitkering', 'werk', 'onbekend', null, null]) : null,
        earlierHelp: stage >= 3 ? pick([true, false, null]) : null,
        receivedAt: receivedAt.toISOString(),
        closedAt: status === 'afgerond' ? new Date(receivedAt.getTime() + stage * 3 * DAY).toISOString() : null,
        outcome: status === 'afgerond' ? outcomes[Math.floor(outcomeRandom() * outcomes.length)] : null,
      },
    });
    if (status !== 'afgerond') open.push({ id: dream.id as number, receivedAt: receivedAt.toISOString() });
    if (stage >= 4 && status !== 'afgerond') {
      const fitting = activities.filter(
        (a) =>
          a.themes.some((t) => (themes as string[]).includes(t.slug)) &&
          (a.ageMin ?? 0) <= age &&
          (a.ageMax ?? 18) >= age,
      );
      const chosen = fitting.length ? pick(fitting) : null;
      if (chosen) {
        const started = stage >= 5;
        await strapi.db.query(REFERRAL).create({
          data: {
            dream: dream.id,
            activityDocumentId: chosen.documentId,
            activityTitle: chosen.title,
            activitySlug: chosen.slug,
            organisationSlug: chosen.organisation?.slug ?? null,
            organisationName: chosen.organisation?.name ?? null,
            referralStatus: started ? 'gestart' : 'aangemeld',
            proposedAt: new Date(receivedAt.getTime() + 9 * DAY).toISOString(),
            signedUpAt: new Date(receivedAt.getTime() + 10 * DAY).toISOString(),
            startedAt: started ? new Date(receivedAt.getTime() + 14 * DAY).toISOString() : null,
            // Some started children are paid for by the Jeugdfonds this season (the "new application" list).
            funding:
              started && outcomeRandom() < 0.4
                ? [
                    {
                      scheme: 'jeugdfonds-sport-cultuur',
                      appliedBy: cityText('Wijkteam {city}'),
                      status: outcomeRandom() < 0.5 ? 'toegekend' : 'betaald',
                      season: seasonOf(now),
                      at: new Date(receivedAt.getTime() + 12 * DAY).toISOString(),
                      by: 'coordinator@droomkaart.test',
                    },
                  ]
                : null,
          },
        });
      }
    }
  }

  await demoSiblings(strapi, open);
}

/**
 * One family with two children among the demo dreams: the two newest open dreams get one phone
 * number, parent, wijk and language, so the workspace's family view has brothers and sisters
 * to show (the start's grouping, api/family, puts them in one family).
 */
async function demoSiblings(strapi: Core.Strapi, open: { id: number; receivedAt: string }[]) {
  const [first, second] = [...open].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  if (!first || !second) return;
  const family = {
    phone: '+31687650000',
    parentName: 'Samira El Idrissi',
    wijk: wijkOf(0, 5).slug,
    preferredLanguage: 'ar',
  };
  for (const id of [first.id, second.id]) await strapi.db.query(DREAM).update({ where: { id }, data: family });
}
