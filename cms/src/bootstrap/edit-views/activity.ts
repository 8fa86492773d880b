import { UID } from '../../content-types';
import type { EditView } from './types';

/** The activity form, in the order a volunteer fills it in: what, for whom, when, where, how to join. */
export const activityEditView: EditView = {
  kind: 'content_types',
  uid: UID.activity,
  fields: {
    title: { label: 'Naam van het aanbod', description: 'Kort en duidelijk, bijvoorbeeld "Voetbal voor kinderen".' },
    slug: { label: 'Webadres', description: 'Wordt vanzelf gemaakt uit de naam. Je hoeft hier niets te doen.' },
    kind: { label: 'Soort aanbod', description: 'Is het een activiteit, een cursus, een regeling of iets anders?' },
    themes: { label: "Thema's", description: 'Waar gaat het over? Kies een of meer thema’s.' },
    offerType: { label: 'Wat levert het op?', description: 'Kies wat het kind of de jongere er vooral aan heeft.' },
    summary: { label: 'Korte uitleg', description: 'Eén of twee zinnen. Dit staat op de kaart en in de lijst.' },
    description: {
      label: 'Uitleg',
      description: 'Vertel wat kinderen doen en wat ze leren. Schrijf in makkelijke woorden.',
    },
    audience: { label: 'Voor wie?', description: 'Kind, jongere, ouder of het hele gezin.' },
    ageMin: { label: 'Leeftijd vanaf', description: 'De jongste leeftijd die mag meedoen.' },
    ageMax: { label: 'Leeftijd tot en met', description: 'De oudste leeftijd die mag meedoen.' },
    costType: { label: 'Kosten', description: 'Is het gratis, betaald, met korting of gratis via een regeling?' },
    price: { label: 'Prijs in euro', description: 'Alleen als het geld kost. Bijvoorbeeld 12,50.' },
    costNote: { label: 'Uitleg over de kosten', description: 'Bijvoorbeeld "per seizoen" of "eerste les gratis".' },
    paidBy: {
      label: 'Betaald door regeling',
      description: 'Welke regeling betaalt het voor gezinnen met weinig geld?',
    },
    pays: { label: 'Betaalt voor' },
    applicant: { label: 'Wie vraagt het aan?', description: 'Alleen bij een regeling: wie vult de aanvraag in?' },
    scheduleType: { label: 'Wanneer?', description: 'Eén keer, elke week, een periode of altijd.' },
    startDate: { label: 'Begindatum', description: 'De eerste dag. Leeg laten als het altijd doorgaat.' },
    endDate: { label: 'Einddatum', description: 'De laatste dag. Leeg laten als het altijd doorgaat.' },
    sessions: { label: 'Dagen en tijden', description: 'Voeg een regel toe voor elke dag dat het is.' },
    exceptionDates: { label: 'Dagen zonder activiteit', description: 'Bijvoorbeeld vakantie of feestdagen.' },
    places: { label: 'Plekken', description: 'Waar is het? Kies een plek van je organisatie.' },
    languages: { label: 'Talen', description: 'Welke talen spreken de begeleiders?' },
    accessibility: { label: 'Toegankelijkheid', description: 'Bijvoorbeeld rolstoel, prikkelarm of gebarentaal.' },
    howToJoin: { label: 'Hoe doe je mee?', description: 'Gewoon binnenlopen, eerst aanmelden of via een coördinator.' },
    joinUrl: { label: 'Link om aan te melden', description: 'Een webadres dat begint met https://.' },
    joinPhone: { label: 'Telefoon om aan te melden', description: 'Het nummer dat ouders kunnen bellen.' },
    whatToBring: { label: 'Wat neem je mee?', description: 'Bijvoorbeeld sportkleding of een flesje water.' },
    images: {
      label: "Foto's",
      description: 'Een echte foto van de activiteit. Geen kinderen herkenbaar zonder toestemming.',
    },
    organisation: { label: 'Organisatie', description: 'De organisatie die dit aanbiedt.' },
    validUntil: { label: 'Geldig tot', description: 'Stopt het aanbod op een vaste dag? Dan gaat het daarna offline.' },
    placesStatus: { label: 'Zijn er plekken vrij?', description: 'Vrij, wachtlijst, vol of weet je het niet.' },
    lastReviewedAt: { label: 'Laatst gecontroleerd' },
    stale: { label: 'Lang niet gecontroleerd' },
    freshnessNotice: { label: 'Herinnering (intern)' },
    placesConfirmedAt: { label: 'Plekken bevestigd op' },
  },
  rows: [
    [
      ['title', 8],
      ['kind', 4],
    ],
    [['summary', 12]],
    [['description', 12]],
    [
      ['themes', 6],
      ['offerType', 6],
    ],
    [
      ['audience', 4],
      ['ageMin', 4],
      ['ageMax', 4],
    ],
    [
      ['costType', 4],
      ['price', 4],
      ['costNote', 4],
    ],
    [
      ['paidBy', 6],
      ['applicant', 6],
    ],
    [
      ['scheduleType', 4],
      ['startDate', 4],
      ['endDate', 4],
    ],
    [['sessions', 12]],
    [['exceptionDates', 12]],
    [['places', 12]],
    [
      ['languages', 6],
      ['accessibility', 6],
    ],
    [
      ['howToJoin', 4],
      ['joinUrl', 4],
      ['joinPhone', 4],
    ],
    [['whatToBring', 12]],
    [['images', 12]],
    [
      ['placesStatus', 6],
      ['validUntil', 6],
    ],
    [
      ['organisation', 6],
      ['slug', 6],
    ],
  ],
  hidden: ['lastReviewedAt', 'stale', 'freshnessNotice', 'placesConfirmedAt', 'pays'],
};
