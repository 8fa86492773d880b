// More hand-written demo activities (job-shadow days, outings, things, regelingen, help and offers
// for parents), each its own offer with its own title; see extras.ts. All of it is invented demo data.
import type { Extra } from './extras';

export const extrasC: Extra[] = [
  // Beroepen & meelopen
  {
    base: 'zorg',
    org: 'ziekenhuis',
    ages: [14, 18],
    nl: {
      title: 'Meelopen in het ziekenhuis',
      summary:
        'Wil je dokter worden? Loop een dag mee met een arts. Je ziet de spoedeisende hulp en de kinderafdeling.',
    },
  },
  {
    base: 'natuurexcursie',
    org: 'ziekenhuis',
    kind: 'evenement',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen'],
    ages: [4, 8],
    nl: {
      title: 'Knuffelziekenhuis: dokter voor een dag',
      summary: 'Neem je zieke knuffel mee. Samen met een echte dokter maak je hem beter. Met een gipsverband.',
    },
  },
  {
    base: 'zorg',
    organisation: 'zorgcentrum-de-hof-demo',
    ages: [15, 18],
    nl: {
      title: 'Meelopen met een verpleegkundige',
      summary: 'Zorg voor ouderen, samen met een verpleegkundige. Je helpt met eten, praten en wandelen.',
    },
  },
  {
    base: 'kapper',
    org: 'politie',
    ages: [14, 18],
    nl: {
      title: 'Meelopen met de politie',
      summary: 'Wil je agent worden? Kijk een dag mee op het politiebureau. Je ziet de meldkamer en een politieauto.',
    },
  },
  {
    base: 'natuurexcursie',
    org: 'politie',
    kind: 'evenement',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen', 'uitjes-vakantie'],
    ages: [8, 12],
    nl: {
      title: 'Politie-doe-dag voor kinderen',
      summary: 'Vingerafdrukken nemen, in een politieauto zitten en een speurtocht doen. Word een dag agent.',
    },
  },
  {
    base: 'familiedag',
    org: 'brandweer',
    themes: ['beroepen-meelopen', 'uitjes-vakantie'],
    audience: 'gezin',
    ages: [4, 12],
    cost: ['gratis'],
    nl: {
      title: 'Open dag bij de brandweer',
      summary: 'Zit in een brandweerwagen, spuit met de slang en zie hoe de brandweer iemand redt.',
    },
  },
  {
    base: 'cv',
    org: 'brandweer',
    kind: 'activiteit',
    offerType: 'trots-zelfvertrouwen',
    themes: ['beroepen-meelopen', 'sport-bewegen'],
    ages: [12, 16],
    day: 'ma',
    time: ['19:00', '21:00'],
    join: 'aanmelden',
    nl: {
      title: 'Jeugdbrandweer',
      summary: 'Elke week oefenen als een echte brandweerman of brandweervrouw: blussen, redden en EHBO.',
    },
  },
  {
    base: 'kapper',
    org: 'tandarts',
    ages: [14, 18],
    nl: {
      title: 'Meelopen bij de tandarts',
      summary: 'Kijk mee in de praktijk. Je ziet hoe een tandarts gaatjes vult en tanden schoonmaakt.',
    },
  },
  {
    base: 'kapper',
    org: 'apotheek',
    ages: [15, 18],
    nl: {
      title: 'Meelopen in de apotheek',
      summary: 'Zie hoe medicijnen klaargemaakt worden. De apotheker vertelt over haar werk.',
    },
  },
  {
    base: 'kapper',
    org: 'restaurant',
    ages: [14, 18],
    nl: {
      title: 'Meekoken in een restaurantkeuken',
      summary: 'Wil je kok worden? Sta een dag in de keuken van een restaurant. Je snijdt, kookt en proeft mee.',
    },
  },
  {
    base: 'samenkoken',
    org: 'kook',
    audience: 'kind',
    offerType: 'ontplooiing',
    themes: ['leren-bijles', 'beroepen-meelopen'],
    ages: [8, 12],
    cost: ['korting', 4],
    day: 'wo',
    time: ['14:00', '16:00'],
    join: 'aanmelden',
    nl: {
      title: 'Kinderkookcafé: koken als een chef',
      summary: 'Maak zelf soep, pizza of een toetje. Daarna eet je het op, met je ouders erbij.',
    },
  },
  {
    base: 'samenkoken',
    org: 'kook',
    kind: 'cursus',
    audience: 'jongere',
    offerType: 'ontwikkeling',
    themes: ['leren-bijles'],
    ages: [12, 16],
    cost: ['korting', 5],
    day: 'di',
    time: ['16:30', '18:30'],
    join: 'aanmelden',
    nl: {
      title: 'Kookles voor tieners',
      summary: 'Leer koken voor jezelf: snel, gezond en niet duur. Elke week een ander gerecht.',
    },
  },
  {
    base: 'kapper',
    org: 'supermarkt',
    ages: [15, 18],
    nl: {
      title: 'Meelopen in de supermarkt',
      summary: 'Vakken vullen, aan de kassa staan en bestellen. Zo ontdek je of werken in een winkel bij je past.',
    },
  },
  {
    base: 'garage',
    org: 'bouw',
    themes: ['beroepen-meelopen', 'techniek-computers'],
    ages: [15, 18],
    nl: {
      title: 'Meelopen op de bouwplaats',
      summary: 'Met helm en veiligheidsschoenen kijk je mee bij timmerlieden, metselaars en een kraanmachinist.',
    },
  },
  {
    base: 'garage',
    org: 'bouw',
    kind: 'evenement',
    themes: ['beroepen-meelopen', 'kunst-creatief'],
    ages: [12, 16],
    nl: {
      title: 'Ontwerp je eigen huis met een architect',
      summary: 'Een architect laat zien hoe je een huis tekent. Daarna maak je een maquette van jouw droomhuis.',
    },
  },
  {
    base: 'omroep',
    org: 'ict',
    ages: [14, 18],
    nl: {
      title: 'Meelopen bij een gamebedrijf',
      summary: 'Kijk mee met programmeurs en ontwerpers die games en apps maken. Je test ook een nieuwe game.',
    },
  },
  {
    base: 'zorg',
    org: 'school',
    ages: [14, 18],
    nl: {
      title: 'Meelopen op de basisschool',
      summary: 'Wil je juf of meester worden? Help een dag mee in de klas. Je leest voor en helpt bij rekenen.',
    },
  },
  {
    base: 'kapper',
    org: 'advocaat',
    ages: [15, 18],
    nl: {
      title: 'Meelopen bij een advocaat',
      summary: 'Lees mee in een echte zaak en ga mee naar de rechtbank. Je ziet wat een advocaat doet.',
    },
  },
  {
    base: 'natuurexcursie',
    org: 'advocaat',
    kind: 'evenement',
    offerType: 'trots-zelfvertrouwen',
    themes: ['beroepen-meelopen'],
    ages: [12, 16],
    nl: {
      title: 'Speel een rechtszaak na',
      summary: 'Jij bent rechter, advocaat of getuige. Samen speel je een rechtszaak na. Wie heeft gelijk?',
    },
  },
  {
    base: 'dierenarts',
    org: 'dierenopvang',
    ages: [14, 18],
    themes: ['beroepen-meelopen', 'natuur-buiten'],
    nl: {
      title: 'Meelopen als dierenverzorger',
      summary: 'Voer de dieren, maak hokken schoon en help bij het wegen. Zo werk je als dierenverzorger.',
    },
  },
  {
    base: 'omroep',
    org: 'vliegen',
    ages: [12, 18],
    nl: {
      title: 'Kijken in de cockpit',
      summary: 'Wil je piloot worden? Een piloot laat het vliegtuig zien en vertelt hoe vliegen werkt.',
    },
  },
  {
    base: 'garage',
    organisation: 'fietsenmaker-trapper-demo',
    ages: [13, 18],
    nl: {
      title: 'Meelopen bij de fietsenmaker',
      summary: 'Plak een band, stel remmen af en vervang een ketting. Zo werk je als monteur.',
    },
  },
  {
    base: 'studio',
    organisation: 'omroep-flevoland',
    themes: ['techniek-computers', 'beroepen-meelopen'],
    ages: [10, 14],
    schedule: 'periode',
    join: 'aanmelden',
    nl: {
      title: 'Zelf radio maken',
      summary: 'Maak een echte radio-uitzending: nieuws, muziek en een interview. Jij bent de presentator.',
    },
  },
  {
    base: 'kapper',
    org: 'kapper',
    ages: [14, 18],
    nl: {
      title: 'Meekijken bij de visagist',
      summary: 'Hoe maak je iemand op voor een foto of een feest? Kijk mee met een visagist en oefen zelf.',
    },
  },
  {
    base: 'cv',
    organisation: 'roc-flevoland',
    kind: 'evenement',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen'],
    schedule: 'eenmalig',
    ages: [12, 16],
    nl: {
      title: 'Beroepenmarkt: wat wil jij later worden?',
      summary: 'Praat met mensen uit veertig beroepen, van kok tot ingenieur. Probeer ook zelf dingen uit.',
    },
  },
  {
    base: 'cv',
    org: 'jongerenwerk',
    ages: [14, 16],
    schedule: 'doorlopend',
    nl: {
      title: 'Hulp bij je maatschappelijke stage',
      summary: 'Je moet een stage doen voor school? We helpen je een leuke plek te vinden.',
    },
  },
  {
    base: 'cv',
    org: 'jongerenwerk',
    ages: [15, 18],
    schedule: 'eenmalig',
    nl: {
      title: 'Workshop: een bijbaantje vinden',
      summary: 'Waar zoek je een bijbaan? Hoe stel je je voor? Je oefent een gesprek met een echte baas.',
    },
  },
  {
    base: 'bakker',
    org: 'bakker',
    kind: 'evenement',
    themes: ['beroepen-meelopen', 'kunst-creatief'],
    ages: [10, 14],
    cost: ['betaald', 5],
    nl: {
      title: 'Taarten versieren bij de banketbakker',
      summary: 'Versier een taart met slagroom, fruit en chocolade. De banketbakker laat zien hoe het moet.',
    },
  },
  {
    base: 'garage',
    org: 'garage',
    kind: 'cursus',
    schedule: 'periode',
    ages: [15, 18],
    nl: {
      title: 'Sleutelen aan je scooter',
      summary: 'Leer zelf je scooter of brommer onderhouden: olie, banden en remmen. Met een monteur.',
    },
  },
  {
    base: 'cv',
    organisation: 'voetbalvereniging-buiten-demo',
    kind: 'cursus',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen', 'sport-bewegen'],
    schedule: 'periode',
    nl: {
      title: 'Cursus jeugdtrainer',
      summary: 'Wil je trainer of trainster worden? Leer een training geven aan jonge voetballers.',
    },
  },
  {
    base: 'cv',
    organisation: 'zwemvereniging-de-duinen-demo',
    kind: 'activiteit',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen', 'sport-bewegen'],
    ages: [14, 18],
    day: 'za',
    time: ['09:00', '11:00'],
    nl: {
      title: 'Assistent bij de zwemles',
      summary:
        'Help de badmeester bij de zwemles van kleine kinderen. Een goede eerste stap als je zwemleraar wilt worden.',
    },
  },
  {
    base: 'knutselen',
    org: 'kapper',
    themes: ['kunst-creatief', 'beroepen-meelopen'],
    ages: [8, 12],
    cost: ['betaald', 3],
    schedule: 'eenmalig',
    join: 'aanmelden',
    nl: {
      title: 'Vlechten en haren stylen',
      summary: 'Leer vlechten, knotjes en staartjes maken bij de kapster. Je oefent op een kappershoofd.',
    },
  },
  {
    base: 'dierenarts',
    org: 'dierenarts',
    kind: 'evenement',
    ages: [8, 12],
    nl: {
      title: 'Dierenarts voor een dag: workshop voor kinderen',
      summary: 'Luister naar het hart van een hond en kijk in de oren van een kat. De dierenarts legt alles uit.',
    },
  },

  // Uitjes & vakantie
  {
    base: 'vakantieweek',
    org: 'kinderwerk',
    ages: [4, 10],
    nl: {
      title: 'Herfstvakantie: spelen in het bos',
      summary: 'Paddenstoelen zoeken, blaadjes verzamelen en een speurtocht. Je ouders kunnen mee.',
    },
  },
  {
    base: 'vakantieweek',
    org: 'kinderwerk',
    schedule: 'eenmalig',
    ages: [6, 12],
    join: 'aanmelden',
    nl: {
      title: 'Dagje naar de dierentuin',
      summary: 'Met de bus naar de dierentuin. Kijk naar leeuwen, olifanten en apen. Lunch en drinken krijg je.',
    },
  },
  {
    base: 'voorlezen',
    organisation: 'de-nieuwe-bibliotheek',
    offerType: 'even-ontspannen',
    themes: ['uitjes-vakantie'],
    ages: [6, 12],
    day: 'vr',
    time: ['15:30', '17:00'],
    nl: {
      title: 'Filmmiddag met popcorn',
      summary: 'Kijk een leuke film op het grote scherm in de bibliotheek. Popcorn krijg je erbij.',
    },
  },
  {
    base: 'jongerencentrum',
    organisation: 'kinderwerk-{city-slug}',
    audience: 'kind',
    ages: [7, 12],
    day: 'vr',
    time: ['18:30', '20:00'],
    nl: {
      title: 'Kinderdisco',
      summary: 'Dansen op je favoriete muziek met lichtjes en een DJ. Met limonade en chips.',
    },
  },
  {
    base: 'natuurexcursie',
    organisation: 'buurtsportcoaches-{city-slug}',
    kind: 'evenement',
    offerType: 'even-ontspannen',
    themes: ['uitjes-vakantie', 'sport-bewegen'],
    audience: 'gezin',
    ages: [0, 12],
    nl: {
      title: 'Strandmiddag aan het Almeerderstrand',
      summary: 'Zandkastelen bouwen, voetballen en pootjebaden. Met spelletjes voor het hele gezin.',
    },
  },
  {
    base: 'familiedag',
    organisation: 'de-schoor',
    themes: ['uitjes-vakantie'],
    audience: 'gezin',
    ages: [0, 12],
    cost: ['gratis'],
    nl: {
      title: 'Koningsdag-vrijmarkt voor kinderen',
      summary: 'Verkoop je oude speelgoed op een kleedje. Er zijn ook spelletjes en een springkussen.',
    },
  },
  {
    base: 'klimbos',
    org: 'jongerenwerk',
    themes: ['uitjes-vakantie'],
    cost: ['gratis'],
    ages: [12, 16],
    nl: {
      title: 'Met de groep naar een pretpark',
      summary: 'Een dag in de achtbanen met jongeren uit de wijk. Bus en entree zijn betaald.',
    },
  },
  {
    base: 'familiedag',
    organisation: 'de-schoor',
    audience: 'gezin',
    themes: ['uitjes-vakantie', 'voor-ouders'],
    ages: [0, 18],
    cost: ['gratis'],
    nl: {
      title: 'Buurtfeest met spelletjes',
      summary: 'Eten uit veel landen, muziek en spelletjes voor kinderen. Iedereen uit de buurt is welkom.',
    },
  },
  {
    base: 'jongerencentrum',
    organisation: 'jongerencentrum-de-boog-demo',
    kind: 'evenement',
    schedule: 'eenmalig',
    ages: [12, 18],
    join: 'aanmelden',
    nl: {
      title: 'Escaperoom voor tieners',
      summary: 'Los samen de raadsels op en ontsnap binnen een uur. Met een groepje van vier.',
    },
  },

  // Spullen
  {
    base: 'kleding',
    org: 'kleding',
    themes: ['spullen', 'sport-bewegen'],
    ages: [4, 18],
    nl: {
      title: 'Sportkleding en voetbalschoenen',
      summary: 'Kies gratis sportkleding, voetbalschoenen of een zwempak. Alles is schoon en heel.',
    },
  },
  {
    base: 'kleding',
    org: 'kleding',
    ages: [0, 14],
    schedule: 'periode',
    nl: {
      title: 'Een warme winterjas',
      summary: 'Voor de winter kun je een warme jas, muts en handschoenen uitzoeken. Gratis.',
    },
  },
  {
    base: 'kleding',
    org: 'kleding',
    offerType: 'voor-ouders',
    themes: ['spullen', 'voor-ouders'],
    audience: 'ouder',
    ages: [0, 2],
    nl: {
      title: 'Babyspullen: kinderwagen, bedje en kleertjes',
      summary: 'Krijg je een baby? Kies een kinderwagen, een bedje en babykleertjes. Je wijkteam verwijst je.',
    },
  },
  {
    base: 'fiets',
    org: 'fonds',
    ages: [4, 12],
    nl: {
      title: 'Een verjaardagsbox voor je kind',
      summary:
        'Een doos met slingers, iets lekkers om te trakteren en een cadeautje. Zo wordt je verjaardag een feest.',
    },
  },
  {
    base: 'fiets',
    org: 'fonds',
    ages: [11, 13],
    nl: {
      title: 'Een schooltas voor de brugklas',
      summary: 'Een tas vol spullen voor de middelbare school: agenda, pennen, rekenmachine en een etui.',
    },
  },
  {
    base: 'fiets',
    org: 'fiets',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    ages: [10, 18],
    schedule: 'wekelijks',
    day: 'wo',
    time: ['14:00', '16:00'],
    nl: {
      title: 'Repareer je eigen fiets',
      summary: 'Een lekke band of een losse ketting? Leer het zelf maken in de fietswerkplaats. Gereedschap is er.',
    },
  },
  {
    base: 'laptop',
    organisation: 'de-nieuwe-bibliotheek',
    ages: [8, 18],
    nl: {
      title: 'Een tablet lenen voor thuis',
      summary: 'Leen een tablet met internet voor een paar maanden. Handig voor huiswerk en lezen.',
    },
  },
  {
    base: 'kleding',
    organisation: 'de-schoor',
    ages: [0, 12],
    schedule: 'periode',
    nl: {
      title: 'Speelgoedwinkel in december',
      summary: 'Kies in december een mooi cadeau voor je kind. Je betaalt niets. Aanmelden via het wijkteam.',
    },
  },

  // Geld & regelingen
  {
    base: 'jeugdfonds',
    themes: ['geld-regelingen', 'dans-muziek-theater'],
    ages: [4, 18],
    nl: {
      title: 'Muziekles of dansles, wij betalen',
      summary: 'Wil je kind muziek maken, dansen of toneel spelen? Dan betalen wij de les of de cursus.',
    },
  },
  {
    base: 'kindpakket',
    themes: ['geld-regelingen', 'voor-ouders'],
    ages: [2, 4],
    nl: {
      title: 'Peuteropvang zonder kosten',
      summary: 'Je peuter gaat een paar ochtenden per week naar de peuteropvang. Daar speelt en leert je kind.',
    },
  },
  {
    base: 'kindpakket',
    ages: [12, 18],
    nl: {
      title: 'Reiskosten naar school vergoed',
      summary: 'Is de school ver weg? Dan krijg je geld voor de bus of een fiets. Vraag het aan bij de gemeente.',
    },
  },
  {
    base: 'kindpakket',
    themes: ['geld-regelingen', 'leren-bijles'],
    ages: [6, 18],
    applicant: 'coordinator',
    nl: {
      title: 'Bijles betaald',
      summary:
        'Heeft je kind extra hulp nodig bij school? Dan kan de bijles betaald worden. Je coördinator regelt het.',
    },
  },
  {
    base: 'kindpakket',
    themes: ['geld-regelingen', 'techniek-computers'],
    ages: [4, 18],
    nl: {
      title: 'Internet thuis voor schoolwerk',
      summary: 'Geen internet thuis? Dan kun je een bijdrage krijgen, zodat je kind huiswerk kan maken.',
    },
  },
  {
    base: 'kindpakket',
    cost: ['korting'],
    themes: ['geld-regelingen', 'uitjes-vakantie'],
    nl: {
      title: 'Stadspas: korting voor het hele gezin',
      summary: 'Met de stadspas krijg je korting op zwemmen, sport, musea en uitjes. Voor ieder lid van het gezin.',
    },
  },
  {
    base: 'jeugdfonds',
    themes: ['geld-regelingen', 'uitjes-vakantie'],
    ages: [6, 16],
    applicant: 'coordinator',
    nl: {
      title: 'Een zomerkamp betaald',
      summary: 'Wil je kind op kamp met de scouting of de sportclub? Dan betalen wij het kamp.',
    },
  },
  {
    base: 'kindpakket',
    themes: ['geld-regelingen', 'sport-bewegen'],
    ages: [4, 18],
    nl: {
      title: 'Geld voor sportkleding en spullen',
      summary: 'Je kind gaat sporten? Dan krijg je geld voor schoenen, kleding of een racket.',
    },
  },

  // Hulp & advies
  {
    base: 'maatje',
    org: 'jongerenwerk',
    audience: 'jongere',
    ages: [12, 18],
    join: 'vrije-inloop',
    nl: {
      title: 'Praten met een jongerenwerker',
      summary: 'Zit je ergens mee? Thuis, school of vrienden? Een jongerenwerker luistert en denkt met je mee.',
    },
  },
  {
    base: 'weerbaar',
    org: 'welzijn',
    ages: [8, 14],
    nl: {
      title: 'Hulp als je gepest wordt',
      summary: 'Word je gepest? In een kleine groep leer je wat je kunt doen en zeggen. Je staat er niet alleen voor.',
    },
  },
  {
    base: 'weerbaar',
    organisation: 'de-schoor',
    ages: [8, 12],
    nl: {
      title: 'Praatgroep als je ouders gaan scheiden',
      summary: 'Gaan je ouders uit elkaar? Praat met andere kinderen die dat ook meemaken. Met spelletjes.',
    },
  },
  {
    base: 'jongerencentrum',
    org: 'jongerenwerk',
    offerType: 'trots-zelfvertrouwen',
    themes: ['hulp-advies', 'uitjes-vakantie'],
    ages: [12, 16],
    day: 'wo',
    time: ['15:00', '17:00'],
    nl: {
      title: 'Meidengroep: praten en doen',
      summary: 'Elke week met andere meiden koken, sporten en praten over wat je bezighoudt.',
    },
  },
  {
    base: 'jongerencentrum',
    org: 'jongerenwerk',
    offerType: 'trots-zelfvertrouwen',
    themes: ['hulp-advies', 'sport-bewegen'],
    ages: [12, 16],
    day: 'di',
    time: ['15:30', '17:30'],
    nl: {
      title: 'Jongensgroep: sporten en praten',
      summary: 'Eerst voetballen of boksen, daarna praten over school, vrienden en je toekomst.',
    },
  },
  {
    base: 'mentor',
    org: 'mentor',
    kind: 'hulp-advies',
    offerType: 'hulp',
    themes: ['hulp-advies', 'leren-bijles'],
    ages: [11, 15],
    nl: {
      title: 'Hulp bij je schoolkeuze',
      summary: 'Welke school of opleiding past bij jou? Een coach helpt je kiezen, samen met je ouders.',
    },
  },
  {
    base: 'opvoeden',
    org: 'wijkteam',
    ages: [0, 12],
    schedule: 'wekelijks',
    day: 'wo',
    time: ['09:00', '11:00'],
    nl: {
      title: 'Spreekuur van de jeugdverpleegkundige',
      summary: 'Vragen over slapen, eten of groeien? Kom langs bij de jeugdverpleegkundige. Zonder afspraak.',
    },
  },
  {
    base: 'mentor',
    organisation: 'choose2improve',
    kind: 'hulp-advies',
    offerType: 'hulp',
    themes: ['hulp-advies', 'geld-regelingen'],
    ages: [16, 18],
    nl: {
      title: 'Geldcoach voor jongeren',
      summary: 'Word je bijna 18? Een coach helpt je met je zorgverzekering, toeslagen en sparen.',
    },
  },

  // Voor ouders
  {
    base: 'opvoeden',
    org: 'wijkteam',
    kind: 'cursus',
    schedule: 'periode',
    nl: {
      title: 'Cursus positief opvoeden',
      summary: 'Zes avonden over grenzen stellen, prijzen en ruzie thuis. Met tips die je meteen kunt gebruiken.',
    },
  },
  {
    base: 'opvoeden',
    org: 'wijkteam',
    kind: 'activiteit',
    ages: [12, 18],
    schedule: 'eenmalig',
    nl: {
      title: 'Praatavond voor ouders van tieners',
      summary: 'Puberteit, telefoons en uitgaan: praat erover met andere ouders en een jeugdwerker.',
    },
  },
  {
    base: 'samenkoken',
    organisation: 'de-schoor',
    audience: 'ouder',
    ages: [0, 1],
    day: 'ma',
    time: ['10:00', '11:30'],
    nl: {
      title: 'Babycafé voor jonge ouders',
      summary: 'Ontmoet andere ouders met een baby. Een verpleegkundige beantwoordt je vragen.',
    },
  },
  {
    base: 'samenkoken',
    organisation: 'de-schoor',
    audience: 'ouder',
    themes: ['voor-ouders', 'kunst-creatief'],
    day: 'di',
    time: ['13:00', '15:00'],
    nl: {
      title: 'Naaicafé voor ouders',
      summary: 'Verstel kleren van je kinderen of maak iets nieuws. Naaimachines zijn er.',
    },
  },
  {
    base: 'geldzaken',
    org: 'wijkteam',
    kind: 'cursus',
    schedule: 'periode',
    nl: {
      title: 'Slim omgaan met geld',
      summary: 'Vier avonden over je geld: een overzicht maken, besparen en post ordenen. Met koffie.',
    },
  },
  {
    base: 'samenkoken',
    org: 'voedsel',
    day: 'vr',
    time: ['17:30', '19:30'],
    nl: {
      title: 'Buurtmaaltijd op vrijdag',
      summary:
        'Eet een warme maaltijd met buren uit de wijk. Kinderen eten gratis, grote mensen betalen wat ze kunnen.',
    },
  },
  {
    base: 'opvoeden',
    org: 'wijkteam',
    kind: 'activiteit',
    schedule: 'wekelijks',
    day: 'do',
    time: ['19:30', '21:00'],
    nl: {
      title: 'Vadergroep: vaders praten samen',
      summary: 'Vaders praten over hun kinderen, werk en opvoeden. Soms doen we samen iets met de kinderen.',
    },
  },
  {
    base: 'peutergym',
    org: 'kinderwerk',
    audience: 'gezin',
    offerType: 'voor-ouders',
    themes: ['voor-ouders', 'uitjes-vakantie'],
    ages: [1, 4],
    day: 'vr',
    time: ['09:30', '11:00'],
    nl: {
      title: 'Speelochtend voor peuters en ouders',
      summary: 'Je peuter speelt met andere peuters. Jij drinkt koffie en praat met andere ouders.',
    },
  },
];
