import { UID } from '../../content-types';
import type { EditView } from './types';

/** A place where activities happen: name, address, the way in. */
export const placeEditView: EditView = {
  kind: 'content_types',
  uid: UID.place,
  fields: {
    name: { label: 'Naam van de plek', description: 'Bijvoorbeeld "Sporthal De Polder".' },
    address: { label: 'Straat en huisnummer', description: 'Bijvoorbeeld "Stationsplein 1".' },
    postcode: { label: 'Postcode', description: 'Vier cijfers en twee hoofdletters, bijvoorbeeld 1315 AB.' },
    wijk: { label: 'Wijk', description: 'In welke wijk ligt de plek?' },
    lat: { label: 'Breedtegraad', description: 'Voor de kaart. Bijvoorbeeld 52.37.' },
    lng: { label: 'Lengtegraad', description: 'Voor de kaart. Bijvoorbeeld 5.22.' },
    accessibility: { label: 'Toegankelijkheid', description: 'Bijvoorbeeld rolstoel of invalidentoilet.' },
    directions: { label: 'Hoe kom je binnen?', description: 'Welke ingang, welke verdieping, waar je je fiets zet.' },
    entrancePhoto: { label: 'Foto van de ingang', description: 'Zo herkennen gezinnen de plek.' },
    organisation: { label: 'Organisatie', description: 'De organisatie van deze plek.' },
    activities: { label: 'Aanbod op deze plek' },
  },
  rows: [
    [
      ['name', 6],
      ['wijk', 6],
    ],
    [
      ['address', 6],
      ['postcode', 6],
    ],
    [
      ['lat', 6],
      ['lng', 6],
    ],
    [['directions', 12]],
    [['accessibility', 12]],
    [
      ['entrancePhoto', 6],
      ['organisation', 6],
    ],
    [['activities', 12]],
  ],
  hidden: [],
};
