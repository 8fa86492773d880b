import { UID } from '../../content-types';
import type { EditView } from './types';

/** The key player a coordinator calls for a warm hand-over. */
export const contactPersonEditView: EditView = {
  kind: 'content_types',
  uid: UID.contactPerson,
  fields: {
    organisation: { label: 'Organisatie' },
    name: { label: 'Naam', description: 'De voornaam is genoeg.' },
    role: { label: 'Functie', description: 'Bijvoorbeeld trainer of jeugdcoach.' },
    phone: { label: 'Telefoon' },
    email: { label: 'E-mail' },
    note: { label: 'Notitie', description: 'Bijvoorbeeld wanneer je iemand het best kunt bellen.' },
    active: { label: 'Actief', description: 'Zet uit als deze persoon er niet meer werkt.' },
  },
  rows: [
    [
      ['name', 6],
      ['organisation', 6],
    ],
    [
      ['role', 6],
      ['active', 6],
    ],
    [
      ['phone', 6],
      ['email', 6],
    ],
    [['note', 12]],
  ],
  hidden: [],
};
