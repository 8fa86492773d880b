import type { Core } from '@strapi/strapi';
import { UID } from '../content-types';
import { district, shortDistrictName, wijkOf } from './in-city';

const LETTERBOX = UID.letterbox;

/** Demo letterboxes and walk-in hours in the city's stadsdelen (development only; the real list is kept in the cms). */
const DEMO = [
  {
    name: `Bibliotheek ${district(0).name} (demo)`,
    kind: 'brievenbus',
    address: 'Stadhuisplein 101',
    wijk: wijkOf(0, 0).slug,
    sessions: [
      { day: 'ma', startTime: '10:00:00.000', endTime: '18:00:00.000' },
      { day: 'za', startTime: '10:00:00.000', endTime: '17:00:00.000' },
    ],
    order: 1,
  },
  {
    name: `Bibliotheek ${district(2).name} (demo)`,
    kind: 'brievenbus',
    address: 'Stationsstraat 2',
    wijk: wijkOf(2, 0).slug,
    sessions: [{ day: 'di', startTime: '10:00:00.000', endTime: '17:00:00.000' }],
    order: 2,
  },
  {
    name: `Bibliotheek ${district(1).name} (demo)`,
    kind: 'brievenbus',
    address: 'Kerkgracht 40',
    wijk: wijkOf(1, 0).slug,
    sessions: [{ day: 'wo', startTime: '13:00:00.000', endTime: '17:00:00.000' }],
    order: 3,
  },
  {
    name: `Buurthuis ${shortDistrictName(district(3).name)} (demo)`,
    kind: 'inloopspreekuur',
    address: 'Europalaan 5',
    wijk: wijkOf(3, 1).slug,
    sessions: [{ day: 'wo', startTime: '14:00:00.000', endTime: '16:00:00.000' }],
    note: 'Een coördinator is er om te praten over je droom.',
    order: 4,
  },
  {
    name: `Wijkcentrum ${shortDistrictName(district(2).name)} (demo)`,
    kind: 'inloopspreekuur',
    address: 'Bolderweg 11',
    wijk: wijkOf(2, 0).slug,
    sessions: [{ day: 'do', startTime: '15:00:00.000', endTime: '17:00:00.000' }],
    note: 'Kom gewoon langs, met of zonder ouder.',
    order: 5,
  },
];

export async function seedLetterboxes(strapi: Core.Strapi) {
  const docs = strapi.documents(LETTERBOX as any);
  if ((await docs.count({} as any)) > 0) return;
  for (const l of DEMO) await docs.create({ data: l } as any);
}
