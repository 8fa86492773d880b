import { UID } from '../../content-types';
import type { EditView } from './types';

/** The organisation's own profile; the programme editor's flags come last. */
export const organisationEditView: EditView = {
  kind: 'content_types',
  uid: UID.organisation,
  fields: {
    name: { label: 'Naam van de organisatie', description: 'Zoals gezinnen jullie kennen.' },
    slug: { label: 'Webadres', description: 'Wordt vanzelf gemaakt uit de naam.' },
    kind: { label: 'Soort organisatie', description: 'Sport, cultuur, onderwijs, welzijn of iets anders.' },
    description: { label: 'Over ons', description: 'Wie zijn jullie en wat doen jullie? Hooguit 600 tekens.' },
    logo: { label: 'Logo' },
    website: { label: 'Website', description: 'Een webadres dat begint met https://.' },
    email: { label: 'E-mail', description: 'Het adres waar gezinnen en coördinatoren jullie mailen.' },
    phone: { label: 'Telefoon' },
    whatsapp: { label: 'WhatsApp', description: 'Alleen als gezinnen jullie via WhatsApp mogen berichten.' },
    contactPublic: {
      label: 'Contact op de site tonen',
      description: 'Staat aan: iedereen ziet jullie e-mail en telefoon.',
    },
    allianceMember: { label: 'Lid van de alliantie', description: 'Zet de programmaredactie aan.' },
    subsidised: { label: 'Gesubsidieerd', description: 'Zet de programmaredactie aan.' },
    approved: {
      label: 'Goedgekeurd',
      description: 'Zet de programmaredactie aan. Pas dan staat jullie aanbod online.',
    },
    declinedAt: { label: 'Afgewezen op', description: 'Gezet bij "Nieuwe partners" in het menu.' },
    approvalMessage: {
      label: 'Bericht bij goedkeuren of afwijzen',
      description: 'Zo is het naar de organisatie gemaild.',
    },
    reconfirmLinkNonce: { label: 'Link "Alles klopt nog" (intern)' },
    reconfirmLinkExpiresAt: { label: 'Link "Alles klopt nog" geldig tot' },
    reconfirmRound: { label: 'Laatste controleronde' },
    activities: { label: 'Aanbod' },
    places: { label: 'Plekken' },
  },
  rows: [
    [
      ['name', 6],
      ['kind', 6],
    ],
    [['description', 12]],
    [
      ['logo', 6],
      ['website', 6],
    ],
    [
      ['email', 6],
      ['phone', 6],
    ],
    [
      ['whatsapp', 6],
      ['contactPublic', 6],
    ],
    [
      ['approved', 4],
      ['subsidised', 4],
      ['allianceMember', 4],
    ],
    [['slug', 12]],
  ],
  // The approval is decided under "Nieuwe partners" (src/api/organisation/approval), not here.
  hidden: [
    'activities',
    'places',
    'declinedAt',
    'approvalMessage',
    // The "Alles klopt nog" link's bookkeeping (api/organisation/reconfirm).
    'reconfirmLinkNonce',
    'reconfirmLinkExpiresAt',
    'reconfirmRound',
  ],
};
