// Demo organisations. The first sixteen are named in the programme's public documents; their
// activities here are invented. The rest are invented and say "(demo)" in their names.
import type { SeedOrganisation } from './types';

export type OrganisationSeed = {
  name: string;
  kind: SeedOrganisation['kind'];
  /** Which templates it offers (Template.org). */
  tags: string[];
  /** Word for its places, e.g. "Bibliotheek" → "Bibliotheek Haven". */
  placeName: string;
  /** Has a place in every stadsdeel. */
  citywide?: boolean;
  description: string;
  allianceMember?: boolean;
};

export const organisationSeeds: OrganisationSeed[] = [
  { name: 'Kinderwerk Almere', kind: 'welzijn', tags: ['kinderwerk'], placeName: 'Speelhuis', citywide: true, allianceMember: true, description: 'Spelen, knutselen en samen leuke dingen doen na school en in de vakantie.' },
  { name: 'De Nieuwe Bibliotheek', kind: 'bibliotheek', tags: ['bibliotheek', 'schaak'], placeName: 'Bibliotheek', citywide: true, allianceMember: true, description: 'Boeken lenen, voorlezen, huiswerk maken en taal leren. Voor iedereen.' },
  { name: 'Buurtsportcoaches Almere', kind: 'sport', tags: ['buurtsport'], placeName: 'Sportveld', citywide: true, allianceMember: true, description: 'Sporten in je eigen wijk, dichtbij huis. Gratis en zonder lid te worden.' },
  { name: 'Jeugdfonds Sport & Cultuur Almere', kind: 'fonds', tags: ['jeugdfonds'], placeName: 'Loket Jeugdfonds', allianceMember: true, description: 'Betaalt de club of de les, zodat elk kind kan sporten, dansen of muziek maken.' },
  { name: 'Fonds Bijzondere Noden', kind: 'fonds', tags: ['fonds'], placeName: 'Kantoor Fonds', description: 'Helpt gezinnen met geld voor dingen die echt nodig zijn.' },
  { name: 'Voedselbank Almere', kind: 'welzijn', tags: ['voedsel'], placeName: 'Uitdeelpunt', description: 'Samen koken, samen eten en elkaar helpen.' },
  { name: 'Wijkteams Almere', kind: 'wijkteam', tags: ['wijkteam'], placeName: 'Wijkteam', citywide: true, allianceMember: true, description: 'Voor vragen over opvoeden, geld, school of gezondheid. Dichtbij in je wijk.' },
  { name: 'KAF (Kunstlinie Almere Flevoland)', kind: 'cultuur', tags: ['cultuur', 'muziek', 'dans'], placeName: 'KAF', allianceMember: true, description: 'Theater, muziek, dans en kunst. Kijken en zelf doen.' },
  { name: 'Klimbos Almere', kind: 'ondernemer', tags: ['klimbos'], placeName: 'Klimbos', description: 'Klimmen en klauteren hoog in de bomen.' },
  { name: 'Omroep Flevoland', kind: 'ondernemer', tags: ['omroep'], placeName: 'Studio', description: 'Radio en televisie uit de regio. Kijk achter de schermen.' },
  { name: 'ROC Flevoland', kind: 'onderwijs', tags: ['zorg', 'mentor'], placeName: 'ROC-gebouw', description: 'Mbo-school met opleidingen in zorg, techniek, handel en meer.' },
  { name: 'Learn2Work', kind: 'onderwijs', tags: ['mentor'], placeName: 'Leerwerkplek', description: 'Helpt jongeren op weg naar school, stage en werk.' },
  { name: 'Choose2improve', kind: 'welzijn', tags: ['mentor', 'welzijn'], placeName: 'Trainingsruimte', description: 'Trainingen en coaching voor jongeren die verder willen.' },
  { name: 'Jongerenplatform JAMES', kind: 'welzijn', tags: ['jongerenwerk'], placeName: 'Jongerenplek', description: 'Door en voor jongeren: praten, plannen maken en elkaar helpen.' },
  { name: 'De Schoor', kind: 'welzijn', tags: ['welzijn', 'jongerenwerk', 'kinderwerk'], placeName: 'Wijkcentrum', citywide: true, allianceMember: true, description: 'Welzijn in de wijk: jongerenwerk, maatjes en activiteiten voor iedereen.' },
  { name: 'OIS Almere', kind: 'welzijn', tags: ['huiswerk'], placeName: 'Leerhuis', description: 'Huiswerkbegeleiding en taalhulp voor kinderen en ouders.' },
  { name: 'Zwemvereniging De Duinen (demo)', kind: 'sport', tags: ['zwemmen'], placeName: 'Zwembad', description: 'Zwemles en zwemmen voor kinderen.' },
  { name: 'Zwembad Haven (demo)', kind: 'sport', tags: ['zwemmen'], placeName: 'Zwembad', description: 'Binnenbad met zwemlessen en vrij zwemmen.' },
  { name: 'Voetbalvereniging Buiten (demo)', kind: 'sport', tags: ['buurtsport'], placeName: 'Sportpark', description: 'Voetbal voor meisjes en jongens.' },
  { name: 'Basketbalclub Poort (demo)', kind: 'sport', tags: ['buurtsport'], placeName: 'Sporthal', description: 'Basketbal voor jong en oud.' },
  { name: 'Judoschool Poort (demo)', kind: 'sport', tags: ['vechtsport'], placeName: 'Dojo', description: 'Judo en weerbaarheid voor kinderen.' },
  { name: 'Budo Centrum Stad (demo)', kind: 'sport', tags: ['vechtsport'], placeName: 'Sportschool', description: 'Judo, karate en kickboksen.' },
  { name: 'Dansschool Move (demo)', kind: 'cultuur', tags: ['dans'], placeName: 'Dansstudio', description: 'Hiphop, streetdance en ballet.' },
  { name: 'Muziekschool Haven (demo)', kind: 'cultuur', tags: ['muziek'], placeName: 'Muziekschool', description: 'Les op gitaar, piano, drums en zang.' },
  { name: 'Theaterclub De Spot (demo)', kind: 'cultuur', tags: ['cultuur'], placeName: 'Theaterzaal', description: 'Toneel spelen voor kinderen en jongeren.' },
  { name: 'Kinderboerderij De Beestenbende (demo)', kind: 'overig', tags: ['natuur'], placeName: 'Kinderboerderij', description: 'Geiten, pony’s, kippen en konijnen.' },
  { name: 'Stadsboerderij Almere (demo)', kind: 'overig', tags: ['natuur'], placeName: 'Stadsboerderij', description: 'Boerderij in de stad met moestuin.' },
  { name: 'Natuurclub Kromslootpark (demo)', kind: 'overig', tags: ['natuur'], placeName: 'Bezoekerscentrum', description: 'Op pad met de boswachter.' },
  { name: 'Huiswerkhuis Stad (demo)', kind: 'onderwijs', tags: ['huiswerk'], placeName: 'Huiswerkhuis', description: 'Rustig huiswerk maken met hulp.' },
  { name: 'Bijlesplein Buiten (demo)', kind: 'onderwijs', tags: ['huiswerk'], placeName: 'Bijlesplein', description: 'Bijles in kleine groepjes.' },
  { name: 'Codeclub Almere (demo)', kind: 'onderwijs', tags: ['techniek'], placeName: 'Codeclub', description: 'Programmeren, robots en games maken.' },
  { name: 'Robotlab Poort (demo)', kind: 'onderwijs', tags: ['techniek'], placeName: 'Robotlab', description: 'Bouwen, solderen en programmeren.' },
  { name: 'Dierenkliniek Hout (demo)', kind: 'ondernemer', tags: ['dierenarts'], placeName: 'Dierenkliniek', description: 'Dierenartsenpraktijk voor huisdieren.' },
  { name: 'Dierenarts Haven (demo)', kind: 'ondernemer', tags: ['dierenarts'], placeName: 'Dierenartspraktijk', description: 'Zorg voor honden, katten en konijnen.' },
  { name: 'Kapsalon Knipwerk (demo)', kind: 'ondernemer', tags: ['kapper'], placeName: 'Kapsalon', description: 'Kapper voor dames, heren en kinderen.' },
  { name: 'Autogarage De Vaart (demo)', kind: 'ondernemer', tags: ['garage'], placeName: 'Garage', description: 'Onderhoud en reparatie van auto’s.' },
  { name: 'Bakkerij Het Zoete (demo)', kind: 'ondernemer', tags: ['bakker'], placeName: 'Bakkerij', description: 'Brood en taart, elke dag vers.' },
  { name: 'Zorgcentrum De Hof (demo)', kind: 'overig', tags: ['zorg'], placeName: 'Zorgcentrum', description: 'Zorg voor ouderen in de wijk.' },
  { name: 'Fietsenmaker Trapper (demo)', kind: 'ondernemer', tags: ['fiets'], placeName: 'Fietswerkplaats', description: 'Fietsen maken en opknappen.' },
  { name: 'Fietsbank Almere (demo)', kind: 'welzijn', tags: ['fiets'], placeName: 'Fietsbank', description: 'Opgeknapte fietsen voor kinderen.' },
  { name: 'Laptopfonds Almere (demo)', kind: 'fonds', tags: ['laptop'], placeName: 'Uitgiftepunt', description: 'Laptops voor scholieren.' },
  { name: 'Kledingbank Almere (demo)', kind: 'welzijn', tags: ['kleding'], placeName: 'Kledingwinkel', description: 'Gratis kleding en schoenen voor kinderen.' },
  { name: 'Scouting Haven (demo)', kind: 'overig', tags: ['scouting'], placeName: 'Clubhuis', description: 'Buiten spelen, knopen leggen en op kamp.' },
  { name: 'Scouting Buiten (demo)', kind: 'overig', tags: ['scouting'], placeName: 'Blokhut', description: 'Avontuur in de natuur.' },
  { name: 'Schaakclub De Toren (demo)', kind: 'overig', tags: ['schaak'], placeName: 'Clubzaal', description: 'Schaken voor beginners en gevorderden.' },
  { name: 'EHBO-vereniging Almere (demo)', kind: 'welzijn', tags: ['welzijn'], placeName: 'Cursuslokaal', description: 'Leren helpen bij ongelukjes.' },
  { name: 'Maatjesproject Almere (demo)', kind: 'welzijn', tags: ['welzijn'], placeName: 'Ontmoetingsplek', description: 'Vrijwilligers die kinderen een maatje geven.' },
  { name: 'Jongerencentrum De Boog (demo)', kind: 'welzijn', tags: ['jongerenwerk'], placeName: 'Jongerencentrum', description: 'Chillen, gamen en praten met jongerenwerkers.' },
];
