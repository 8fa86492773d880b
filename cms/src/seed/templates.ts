// Hand-written demo activities in easy Dutch: the first 48 of the default set (extras.ts adds the
// rest, each built on one of these). generate.ts repeats them with variants only beyond the
// hand-written set, for benchmarks. All of it is invented demo data; descriptions say "Voorbeeld:".
import type { SeedActivity, SeedActivityText } from './types';

type Locale = 'en' | 'ar' | 'tr' | 'pl' | 'uk';

export type Template = {
  key: string;
  /** Tag of the organisations that may offer it (see organisations.ts). */
  org: string;
  kind: SeedActivity['kind'];
  offerType: SeedActivity['offerType'];
  themes: string[];
  audience: SeedActivity['audience'];
  ages: [number, number];
  cost: [SeedActivity['costType'], number?];
  schedule: SeedActivity['scheduleType'];
  /** Weekly: first day and times. */
  day?: SeedActivity['sessions'][number]['day'];
  time?: [string, string];
  /** Weekly: several sessions a week at the same time (instead of `day`). */
  days?: SeedActivity['sessions'][number]['day'][];
  /** Slug of the one organisation that offers it (instead of the first fitting one for `org`). */
  organisation?: string;
  /** At how many of the organisation's places it takes place (default 1). */
  placeCount?: number;
  join: SeedActivity['howToJoin'];
  nl: SeedActivityText;
  t?: Partial<Record<Locale, Pick<SeedActivityText, 'title' | 'summary'>>>;
  languages?: SeedActivity['languages'];
  /** Keys of the regeling templates that pay for it (their first, untitled-by-wijk variant). */
  paidBy?: string[];
  /** A regeling: who applies for it. */
  applicant?: NonNullable<SeedActivity['applicant']>;
  /** Weekly: no sessions in the Christmas holiday. */
  christmasBreak?: boolean;
};

export const templates: Template[] = [
  {
    key: 'zwemles',
    org: 'zwemmen',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    themes: ['sport-bewegen'],
    audience: 'kind',
    ages: [5, 10],
    cost: ['gratis-via-regeling'],
    schedule: 'wekelijks',
    day: 'za',
    time: ['09:00', '10:00'],
    join: 'aanmelden',
    paidBy: ['zwemdiploma'],
    christmasBreak: true,
    nl: {
      title: 'Zwemles voor je A-diploma',
      summary: 'Je leert zwemmen in een klein groepje. Na de lessen doe je examen voor je A-diploma.',
      whatToBring: 'Zwemkleding en een handdoek.',
    },
    t: {
      en: {
        title: 'Swimming lessons for your A diploma',
        summary: 'You learn to swim in a small group. After the lessons you take the test for your A diploma.',
      },
      ar: {
        title: 'دروس السباحة لشهادة A',
        summary: 'تتعلم السباحة في مجموعة صغيرة. بعد الدروس تقوم بامتحان شهادة A.',
      },
      tr: {
        title: 'A diploması için yüzme dersi',
        summary: 'Küçük bir grupta yüzmeyi öğrenirsin. Derslerden sonra A diploması sınavına girersin.',
      },
      pl: {
        title: 'Nauka pływania do dyplomu A',
        summary: 'Uczysz się pływać w małej grupie. Po lekcjach zdajesz egzamin na dyplom A.',
      },
      uk: {
        title: 'Уроки плавання для диплома A',
        summary: 'Ти вчишся плавати в маленькій групі. Після уроків складаєш іспит на диплом A.',
      },
    },
  },
  {
    key: 'voetbal',
    org: 'buurtsport',
    kind: 'activiteit',
    offerType: 'even-ontspannen',
    themes: ['sport-bewegen'],
    audience: 'kind',
    ages: [6, 12],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'wo',
    time: ['14:00', '15:30'],
    join: 'vrije-inloop',
    nl: {
      title: 'Voetballen op het veldje',
      summary: 'Elke week voetbal met kinderen uit de buurt. Je hoeft geen lid te zijn. Kom gewoon langs.',
      whatToBring: 'Sportschoenen en een flesje water.',
    },
    t: {
      en: {
        title: 'Football on the neighbourhood pitch',
        summary: 'Football every week with children from the area. You do not need to be a member. Just come along.',
      },
      ar: {
        title: 'كرة القدم في ملعب الحي',
        summary: 'كرة القدم كل أسبوع مع أطفال الحي. لا تحتاج إلى اشتراك. تعال فقط.',
      },
      tr: {
        title: 'Mahalle sahasında futbol',
        summary: 'Her hafta mahalledeki çocuklarla futbol. Üye olman gerekmez. Gel, katıl.',
      },
      pl: {
        title: 'Piłka nożna na osiedlowym boisku',
        summary: 'Co tydzień gra w piłkę z dziećmi z okolicy. Nie musisz być członkiem. Po prostu przyjdź.',
      },
      uk: {
        title: 'Футбол на майданчику біля дому',
        summary: 'Щотижня футбол з дітьми з району. Не треба бути членом клубу. Просто приходь.',
      },
    },
  },
  {
    key: 'judo',
    org: 'vechtsport',
    kind: 'cursus',
    offerType: 'trots-zelfvertrouwen',
    themes: ['sport-bewegen'],
    audience: 'kind',
    ages: [6, 12],
    cost: ['korting', 8],
    schedule: 'wekelijks',
    day: 'di',
    time: ['16:00', '17:00'],
    join: 'aanmelden',
    christmasBreak: true,
    nl: {
      title: 'Judo voor kinderen',
      summary: 'Bij judo word je sterk en leer je vallen zonder pijn. Je leert ook goed samen te spelen.',
    },
    t: {
      en: {
        title: 'Judo for children',
        summary:
          'Judo makes you strong and teaches you to fall without getting hurt. You also learn to play fair together.',
      },
      ar: {
        title: 'جودو للأطفال',
        summary: 'في الجودو تصبح قوياً وتتعلم السقوط بدون ألم. وتتعلم أيضاً اللعب الجيد مع الآخرين.',
      },
      tr: {
        title: 'Çocuklar için judo',
        summary: 'Judoda güçlenirsin ve acımadan düşmeyi öğrenirsin. Birlikte güzel oynamayı da öğrenirsin.',
      },
      pl: {
        title: 'Judo dla dzieci',
        summary: 'Na judo stajesz się silny i uczysz się upadać bez bólu. Uczysz się też dobrze bawić z innymi.',
      },
      uk: {
        title: 'Дзюдо для дітей',
        summary: 'На дзюдо ти стаєш сильним і вчишся падати без болю. А ще вчишся гарно гратися разом.',
      },
    },
  },
  {
    key: 'hiphop',
    org: 'dans',
    kind: 'cursus',
    offerType: 'ontplooiing',
    themes: ['dans-muziek-theater'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis-via-regeling'],
    schedule: 'wekelijks',
    day: 'do',
    time: ['19:00', '20:30'],
    join: 'aanmelden',
    paidBy: ['jeugdfonds'],
    christmasBreak: true,
    nl: {
      title: 'Hiphop dansen',
      summary: 'Leer de nieuwste moves van echte dansers. Aan het eind van het seizoen sta je op het podium.',
    },
    t: {
      en: {
        title: 'Hip-hop dance',
        summary: 'Learn the newest moves from real dancers. At the end of the season you perform on stage.',
      },
      ar: { title: 'رقص الهيب هوب', summary: 'تعلم أحدث الحركات من راقصين حقيقيين. في نهاية الموسم تقف على المسرح.' },
      tr: {
        title: 'Hiphop dansı',
        summary: 'Gerçek dansçılardan en yeni hareketleri öğren. Sezon sonunda sahneye çıkarsın.',
      },
      pl: {
        title: 'Taniec hip-hop',
        summary: 'Naucz się najnowszych ruchów od prawdziwych tancerzy. Na koniec sezonu wystąpisz na scenie.',
      },
      uk: {
        title: 'Хіп-хоп танці',
        summary: 'Вивчай нові рухи від справжніх танцюристів. В кінці сезону ти виступиш на сцені.',
      },
    },
  },
  {
    key: 'muziekles',
    org: 'muziek',
    kind: 'cursus',
    offerType: 'ontplooiing',
    themes: ['dans-muziek-theater'],
    audience: 'kind',
    ages: [8, 16],
    cost: ['gratis-via-regeling'],
    schedule: 'wekelijks',
    day: 'ma',
    time: ['16:00', '16:45'],
    join: 'aanmelden',
    paidBy: ['jeugdfonds'],
    christmasBreak: true,
    nl: {
      title: 'Muziekles: gitaar, piano of drums',
      summary: 'Je kiest zelf een instrument. Een echte muziekleraar helpt je. Je mag het instrument lenen.',
    },
    t: {
      en: {
        title: 'Music lessons: guitar, piano or drums',
        summary: 'You choose an instrument yourself. A real music teacher helps you. You can borrow the instrument.',
      },
      ar: {
        title: 'دروس موسيقى: غيتار أو بيانو أو طبول',
        summary: 'تختار آلتك بنفسك. معلم موسيقى حقيقي يساعدك. يمكنك استعارة الآلة.',
      },
      tr: {
        title: 'Müzik dersi: gitar, piyano veya davul',
        summary:
          'Enstrümanını kendin seçersin. Gerçek bir müzik öğretmeni sana yardım eder. Enstrümanı ödünç alabilirsin.',
      },
      pl: {
        title: 'Lekcje muzyki: gitara, pianino lub perkusja',
        summary: 'Sam wybierasz instrument. Pomaga ci prawdziwy nauczyciel muzyki. Możesz pożyczyć instrument.',
      },
      uk: {
        title: 'Уроки музики: гітара, піаніно або барабани',
        summary: 'Ти сам обираєш інструмент. Справжній вчитель музики допомагає тобі. Інструмент можна позичити.',
      },
    },
  },
  {
    key: 'theater',
    org: 'cultuur',
    kind: 'activiteit',
    offerType: 'trots-zelfvertrouwen',
    themes: ['dans-muziek-theater'],
    audience: 'kind',
    ages: [8, 12],
    cost: ['betaald', 5],
    schedule: 'wekelijks',
    day: 'vr',
    time: ['15:30', '17:00'],
    join: 'aanmelden',
    nl: {
      title: 'Toneelclub: speel je eigen verhaal',
      summary: 'Samen maak je een toneelstuk. Je speelt, je verkleedt je en je durft steeds meer.',
    },
    t: {
      en: {
        title: 'Drama club: act out your own story',
        summary: 'Together you make a play. You act, you dress up and you dare more and more.',
      },
      ar: { title: 'نادي المسرح: مثّل قصتك', summary: 'تصنعون معاً مسرحية. تمثل وتتنكر وتصبح أكثر جرأة.' },
      tr: {
        title: 'Tiyatro kulübü: kendi hikâyeni oyna',
        summary: 'Birlikte bir oyun hazırlarsınız. Oynarsın, kostüm giyersin ve her gün daha cesur olursun.',
      },
      pl: {
        title: 'Klub teatralny: zagraj własną historię',
        summary: 'Razem tworzycie przedstawienie. Grasz, przebierasz się i masz coraz więcej odwagi.',
      },
      uk: {
        title: 'Театральний гурток: зіграй свою історію',
        summary: 'Разом ви створюєте виставу. Ти граєш, перевдягаєшся і стаєш сміливішим.',
      },
    },
  },
  {
    key: 'knutselen',
    org: 'kinderwerk',
    kind: 'activiteit',
    offerType: 'even-ontspannen',
    themes: ['kunst-creatief'],
    audience: 'kind',
    ages: [4, 10],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'wo',
    time: ['13:30', '15:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Knutselmiddag',
      summary: 'Plakken, knippen, verven en tekenen. Elke week maak je iets nieuws. Je mag het mee naar huis nemen.',
    },
    t: {
      en: {
        title: 'Crafts afternoon',
        summary: 'Gluing, cutting, painting and drawing. Every week you make something new. You can take it home.',
      },
      ar: {
        title: 'عصر الأشغال اليدوية',
        summary: 'لصق وقص وتلوين ورسم. كل أسبوع تصنع شيئاً جديداً. يمكنك أخذه إلى البيت.',
      },
      tr: {
        title: 'El işi öğleden sonrası',
        summary: 'Yapıştırma, kesme, boyama ve çizim. Her hafta yeni bir şey yaparsın. Eve götürebilirsin.',
      },
      pl: {
        title: 'Popołudnie z rękodziełem',
        summary: 'Klejenie, wycinanie, malowanie i rysowanie. Co tydzień robisz coś nowego. Możesz to zabrać do domu.',
      },
      uk: {
        title: 'Майстерня після обіду',
        summary: 'Клеїмо, вирізаємо, малюємо фарбами й олівцями. Щотижня щось нове. Можна забрати додому.',
      },
    },
  },
  {
    key: 'tekenen',
    org: 'cultuur',
    kind: 'cursus',
    offerType: 'ontplooiing',
    themes: ['kunst-creatief'],
    audience: 'jongere',
    ages: [12, 16],
    cost: ['korting', 4],
    schedule: 'wekelijks',
    day: 'di',
    time: ['19:00', '20:30'],
    join: 'aanmelden',
    nl: {
      title: 'Tekenen en schilderen voor tieners',
      summary: 'Leer tekenen, strips maken en schilderen van een echte kunstenaar. Alle spullen zijn er.',
    },
    t: {
      en: {
        title: 'Drawing and painting for teens',
        summary: 'Learn drawing, making comics and painting from a real artist. All materials are there.',
      },
      ar: {
        title: 'الرسم والتلوين للمراهقين',
        summary: 'تعلم الرسم وصنع القصص المصورة والتلوين مع فنان حقيقي. كل الأدوات موجودة.',
      },
      tr: {
        title: 'Gençler için çizim ve resim',
        summary: 'Gerçek bir sanatçıdan çizim, çizgi roman ve resim öğren. Tüm malzemeler orada.',
      },
      pl: {
        title: 'Rysunek i malarstwo dla nastolatków',
        summary: 'Ucz się rysować, tworzyć komiksy i malować z prawdziwym artystą. Wszystkie materiały są na miejscu.',
      },
      uk: {
        title: 'Малювання для підлітків',
        summary: 'Вчися малювати, створювати комікси та писати фарбами зі справжнім художником. Усе приладдя є.',
      },
    },
  },
  {
    key: 'kinderboerderij',
    org: 'natuur',
    kind: 'activiteit',
    offerType: 'even-ontspannen',
    themes: ['natuur-buiten'],
    audience: 'kind',
    ages: [3, 10],
    cost: ['gratis'],
    schedule: 'doorlopend',
    join: 'vrije-inloop',
    nl: {
      title: 'Help mee op de kinderboerderij',
      summary: 'Geef de geiten eten, borstel de pony en zoek de eieren van de kippen. Kom langs wanneer je wilt.',
      whatToBring: 'Laarzen of oude schoenen.',
    },
    t: {
      en: {
        title: 'Help out at the children’s farm',
        summary: 'Feed the goats, brush the pony and look for the chickens’ eggs. Come by whenever you like.',
      },
      ar: { title: 'ساعد في مزرعة الأطفال', summary: 'أطعم الماعز ومشّط المهر وابحث عن بيض الدجاج. تعال متى شئت.' },
      tr: {
        title: 'Çocuk çiftliğinde yardım et',
        summary: 'Keçileri besle, midilliyi tara ve tavukların yumurtalarını ara. İstediğin zaman gel.',
      },
      pl: {
        title: 'Pomagaj w mini zoo',
        summary: 'Nakarm kozy, wyczesz kucyka i poszukaj jajek kur. Przyjdź, kiedy chcesz.',
      },
      uk: {
        title: 'Допомагай на дитячій фермі',
        summary: 'Погодуй кіз, почисти поні та пошукай курячі яйця. Приходь, коли хочеш.',
      },
    },
  },
  {
    key: 'huiswerk',
    org: 'huiswerk',
    kind: 'activiteit',
    offerType: 'ontwikkeling',
    themes: ['leren-bijles'],
    audience: 'jongere',
    ages: [10, 16],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'ma',
    time: ['15:30', '17:30'],
    join: 'vrije-inloop',
    nl: {
      title: 'Huiswerkbegeleiding na school',
      summary: 'Een rustige plek om huiswerk te maken. Vrijwilligers helpen je met rekenen, taal en plannen.',
      whatToBring: 'Je schoolspullen en je agenda.',
    },
    t: {
      en: {
        title: 'Homework help after school',
        summary: 'A quiet place to do your homework. Volunteers help you with maths, language and planning.',
      },
      ar: {
        title: 'مساعدة في الواجبات بعد المدرسة',
        summary: 'مكان هادئ لعمل الواجبات. متطوعون يساعدونك في الحساب واللغة والتخطيط.',
      },
      tr: {
        title: 'Okul sonrası ödev yardımı',
        summary: 'Ödev yapmak için sakin bir yer. Gönüllüler matematik, dil ve planlamada sana yardım eder.',
      },
      pl: {
        title: 'Pomoc w odrabianiu lekcji po szkole',
        summary: 'Spokojne miejsce do odrabiania lekcji. Wolontariusze pomagają w matematyce, języku i planowaniu.',
      },
      uk: {
        title: 'Допомога з домашнім завданням після школи',
        summary: 'Тихе місце для домашніх завдань. Волонтери допомагають з математикою, мовою та плануванням.',
      },
    },
  },
  {
    key: 'voorlezen',
    org: 'bibliotheek',
    kind: 'activiteit',
    offerType: 'ontwikkeling',
    themes: ['taal-lezen'],
    audience: 'kind',
    ages: [2, 6],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'za',
    time: ['10:30', '11:15'],
    join: 'vrije-inloop',
    nl: {
      title: 'Voorleesuurtje in de bibliotheek',
      summary: 'Luister naar mooie verhalen en zing liedjes. Papa, mama of oma mag mee.',
    },
    t: {
      en: {
        title: 'Story hour at the library',
        summary: 'Listen to lovely stories and sing songs. Dad, mum or grandma can come too.',
      },
      ar: {
        title: 'ساعة القراءة في المكتبة',
        summary: 'استمع إلى قصص جميلة وغنِّ الأغاني. يمكن لأبيك أو أمك أو جدتك الحضور أيضاً.',
      },
      tr: {
        title: 'Kütüphanede masal saati',
        summary: 'Güzel hikâyeler dinle ve şarkılar söyle. Baban, annen veya büyükannen de gelebilir.',
      },
      pl: {
        title: 'Godzina czytania w bibliotece',
        summary: 'Słuchaj pięknych opowieści i śpiewaj piosenki. Tata, mama albo babcia mogą przyjść z tobą.',
      },
      uk: {
        title: 'Година читання в бібліотеці',
        summary: 'Слухай гарні історії та співай пісні. Тато, мама чи бабуся можуть прийти разом.',
      },
    },
  },
  {
    key: 'programmeren',
    org: 'techniek',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    themes: ['techniek-computers'],
    audience: 'kind',
    ages: [9, 14],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'wo',
    time: ['15:00', '16:30'],
    join: 'aanmelden',
    nl: {
      title: 'Leren programmeren met robots',
      summary: 'Je bouwt een robot en leert hem te laten rijden en praten. Je leert coderen, stap voor stap.',
    },
    t: {
      en: {
        title: 'Learn to code with robots',
        summary: 'You build a robot and teach it to drive and talk. You learn to code, step by step.',
      },
      ar: {
        title: 'تعلّم البرمجة مع الروبوتات',
        summary: 'تبني روبوتاً وتعلّمه القيادة والكلام. تتعلم البرمجة خطوة بخطوة.',
      },
      tr: {
        title: 'Robotlarla kodlama öğren',
        summary: 'Bir robot yaparsın ve onu sürmeyi ve konuşmayı öğretirsin. Adım adım kodlamayı öğrenirsin.',
      },
      pl: {
        title: 'Nauka programowania z robotami',
        summary: 'Budujesz robota i uczysz go jeździć i mówić. Uczysz się kodowania krok po kroku.',
      },
      uk: {
        title: 'Вчимося програмувати з роботами',
        summary: 'Ти збираєш робота і вчиш його їздити та говорити. Крок за кроком вчишся кодувати.',
      },
    },
  },
  {
    key: 'dierenarts',
    org: 'dierenarts',
    kind: 'meeloopdag',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen', 'natuur-buiten'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis'],
    schedule: 'eenmalig',
    join: 'via-coordinator',
    nl: {
      title: 'Een dag meelopen bij de dierenarts',
      summary: 'Wil je dierenarts worden? Kijk een dag mee in de praktijk. Je ziet hoe dieren beter worden.',
    },
    t: {
      en: {
        title: 'A day with the vet',
        summary: 'Do you want to become a vet? Spend a day at the practice and see how animals get better.',
      },
    },
  },
  {
    key: 'kapper',
    org: 'kapper',
    kind: 'meeloopdag',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis'],
    schedule: 'eenmalig',
    join: 'via-coordinator',
    nl: {
      title: 'Meelopen bij de kapper',
      summary: 'Kijk hoe een kapper werkt. Je mag helpen en vragen stellen. Misschien is dit jouw vak.',
    },
    t: {
      en: {
        title: 'Shadow a hairdresser',
        summary: 'See how a hairdresser works. You can help and ask questions. Maybe this is your job.',
      },
    },
  },
  {
    key: 'garage',
    org: 'garage',
    kind: 'meeloopdag',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen', 'techniek-computers'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis'],
    schedule: 'eenmalig',
    join: 'via-coordinator',
    nl: {
      title: 'Een dag in de autogarage',
      summary: 'Sleutel mee aan auto’s met een echte monteur. Je leert hoe een motor werkt.',
    },
    t: {
      en: {
        title: 'A day at the car garage',
        summary: 'Work on cars with a real mechanic. You learn how an engine works.',
      },
    },
  },
  {
    key: 'bakker',
    org: 'bakker',
    kind: 'meeloopdag',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis'],
    schedule: 'eenmalig',
    join: 'via-coordinator',
    nl: {
      title: 'Meelopen bij de bakker',
      summary: 'Vroeg op en brood bakken! Je maakt zelf broodjes en taart met de bakker.',
    },
    t: {
      en: {
        title: 'Shadow a baker',
        summary: 'Get up early and bake bread! You make rolls and cake yourself with the baker.',
      },
    },
  },
  {
    key: 'zorg',
    org: 'zorg',
    kind: 'meeloopdag',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen'],
    audience: 'jongere',
    ages: [14, 18],
    cost: ['gratis'],
    schedule: 'eenmalig',
    join: 'via-coordinator',
    nl: {
      title: 'Meelopen in de zorg',
      summary: 'Wil je verpleegkundige of dokter worden? Loop een dag mee en zie hoe je mensen helpt.',
    },
    t: {
      en: {
        title: 'Shadow someone in healthcare',
        summary: 'Do you want to be a nurse or a doctor? Spend a day and see how you help people.',
      },
    },
  },
  {
    key: 'mentor',
    org: 'mentor',
    kind: 'meeloopdag',
    offerType: 'trots-zelfvertrouwen',
    themes: ['beroepen-meelopen'],
    audience: 'jongere',
    ages: [14, 18],
    cost: ['gratis'],
    schedule: 'doorlopend',
    join: 'via-coordinator',
    nl: {
      title: 'Een mentor die met je meedenkt',
      summary: 'Een mentor helpt je kiezen: welke school, welk werk, welke stage. Jullie spreken elke maand af.',
    },
    t: {
      en: {
        title: 'A mentor who thinks along with you',
        summary: 'A mentor helps you choose: which school, which job, which internship. You meet every month.',
      },
    },
  },
  {
    key: 'cv',
    org: 'jongerenwerk',
    kind: 'hulp-advies',
    offerType: 'hulp',
    themes: ['beroepen-meelopen', 'hulp-advies'],
    audience: 'jongere',
    ages: [15, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'do',
    time: ['15:00', '17:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Hulp bij je cv en je eerste baan',
      summary: 'Samen maak je een goed cv. Je oefent een sollicitatiegesprek. Zo vind je een bijbaan.',
    },
    t: {
      en: {
        title: 'Help with your CV and first job',
        summary: 'Together you write a good CV. You practise a job interview. That way you find a part-time job.',
      },
    },
  },
  {
    key: 'vakantieweek',
    org: 'kinderwerk',
    kind: 'evenement',
    offerType: 'even-ontspannen',
    themes: ['uitjes-vakantie'],
    audience: 'kind',
    ages: [6, 12],
    cost: ['gratis'],
    schedule: 'periode',
    join: 'aanmelden',
    nl: {
      title: 'Vakantieweek vol spel',
      summary: 'In de vakantie elke dag iets leuks: spelletjes, een speurtocht en een uitje. Lunch krijg je erbij.',
    },
    t: {
      en: {
        title: 'Holiday week full of games',
        summary: 'Something fun every day of the holiday: games, a treasure hunt and a trip. Lunch is included.',
      },
    },
  },
  {
    key: 'klimbos',
    org: 'klimbos',
    kind: 'evenement',
    offerType: 'trots-zelfvertrouwen',
    themes: ['uitjes-vakantie', 'natuur-buiten'],
    audience: 'kind',
    ages: [8, 14],
    cost: ['gratis-via-regeling'],
    schedule: 'eenmalig',
    join: 'via-coordinator',
    paidBy: ['jeugdfonds'],
    nl: {
      title: 'Klimmen in het klimbos',
      summary: 'Klim hoog in de bomen en zoef over de kabelbaan. Je bent veilig vast met een gordel.',
    },
    t: {
      en: {
        title: 'Climbing in the climbing forest',
        summary: 'Climb high in the trees and zoom down the zip line. You are safely attached with a harness.',
      },
    },
  },
  {
    key: 'fiets',
    org: 'fiets',
    kind: 'spullen',
    offerType: 'hulp',
    themes: ['spullen'],
    audience: 'kind',
    ages: [4, 18],
    cost: ['gratis'],
    schedule: 'doorlopend',
    join: 'via-coordinator',
    nl: {
      title: 'Een fiets voor jou',
      summary: 'Heb je geen fiets? Je krijgt een goede fiets die past. Met slot en lampjes.',
    },
    t: {
      en: { title: 'A bike for you', summary: 'No bike? You get a good bike that fits you. With a lock and lights.' },
    },
  },
  {
    key: 'laptop',
    org: 'laptop',
    kind: 'spullen',
    offerType: 'ontwikkeling',
    themes: ['spullen', 'techniek-computers'],
    audience: 'jongere',
    ages: [10, 18],
    cost: ['gratis'],
    schedule: 'doorlopend',
    join: 'via-coordinator',
    nl: {
      title: 'Een laptop voor school',
      summary: 'Voor je huiswerk heb je een laptop nodig. Je krijgt er een, met hulp om te beginnen.',
    },
    t: {
      en: {
        title: 'A laptop for school',
        summary: 'You need a laptop for your homework. You get one, with help to get started.',
      },
    },
  },
  {
    key: 'kleding',
    org: 'kleding',
    kind: 'spullen',
    offerType: 'hulp',
    themes: ['spullen'],
    audience: 'gezin',
    ages: [0, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'za',
    time: ['10:00', '13:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Kledingwinkel zonder kassa',
      summary: 'Zoek mooie kleding en schoenen uit voor je kinderen. Alles is gratis. Kom gewoon langs.',
    },
    t: {
      en: {
        title: 'Clothes shop without a till',
        summary: 'Pick out nice clothes and shoes for your children. Everything is free. Just come along.',
      },
    },
  },
  {
    key: 'jeugdfonds',
    org: 'jeugdfonds',
    kind: 'regeling',
    offerType: 'hulp',
    themes: ['geld-regelingen', 'sport-bewegen'],
    audience: 'gezin',
    ages: [4, 18],
    cost: ['gratis-via-regeling'],
    schedule: 'doorlopend',
    join: 'via-coordinator',
    applicant: 'intermediair',
    nl: {
      title: 'Lid van een club, wij betalen',
      summary:
        'Wil je sporten, dansen of muziek maken? Het fonds betaalt de contributie of de les. Je coördinator vraagt het aan.',
    },
    t: {
      en: {
        title: 'Join a club, we pay',
        summary:
          'Do you want to play sport, dance or make music? The fund pays the membership or the lessons. Your coordinator applies.',
      },
    },
  },
  {
    key: 'zwemdiploma',
    org: 'jeugdfonds',
    kind: 'regeling',
    offerType: 'hulp',
    themes: ['geld-regelingen', 'sport-bewegen'],
    audience: 'kind',
    ages: [4, 12],
    cost: ['gratis-via-regeling'],
    schedule: 'doorlopend',
    join: 'via-coordinator',
    applicant: 'intermediair',
    nl: {
      title: 'Zwemdiploma voor ieder kind',
      summary: 'Elk kind moet kunnen zwemmen. Deze regeling betaalt de zwemlessen tot je diploma.',
    },
    t: {
      en: {
        title: 'A swimming diploma for every child',
        summary:
          'Every child should be able to swim. This scheme pays for swimming lessons until you get your diploma.',
      },
    },
  },
  {
    key: 'kindpakket',
    org: 'fonds',
    kind: 'regeling',
    offerType: 'hulp',
    themes: ['geld-regelingen', 'spullen'],
    audience: 'gezin',
    ages: [0, 18],
    cost: ['gratis'],
    schedule: 'doorlopend',
    join: 'aanmelden',
    applicant: 'ouder',
    nl: {
      title: 'Kindpakket: extra voor school en spullen',
      summary: 'Een bedrag per jaar voor schoolspullen, een schoolreis of een verjaardag. Je vraagt het één keer aan.',
    },
    t: {
      en: {
        title: 'Child package: extra for school and things',
        summary: 'An amount each year for school things, a school trip or a birthday. You apply once.',
      },
    },
  },
  {
    key: 'geldzaken',
    org: 'wijkteam',
    kind: 'hulp-advies',
    offerType: 'voor-ouders',
    themes: ['voor-ouders', 'geld-regelingen'],
    audience: 'ouder',
    ages: [0, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'di',
    time: ['09:00', '12:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Spreekuur over post en geld',
      summary: 'Vragen over brieven, toeslagen of rekeningen? Kom langs. We kijken samen wat je kunt doen.',
    },
    t: {
      en: {
        title: 'Drop-in on letters and money',
        summary: 'Questions about letters, benefits or bills? Come along. Together we look at what you can do.',
      },
    },
  },
  {
    key: 'opvoeden',
    org: 'wijkteam',
    kind: 'hulp-advies',
    offerType: 'voor-ouders',
    themes: ['voor-ouders', 'hulp-advies'],
    audience: 'ouder',
    ages: [0, 18],
    cost: ['gratis'],
    schedule: 'doorlopend',
    join: 'aanmelden',
    nl: {
      title: 'Vragen over opvoeden?',
      summary: 'Een gesprek met iemand van het wijkteam. Over slapen, school, ruzie of gewoon even je verhaal kwijt.',
    },
    t: {
      en: {
        title: 'Questions about parenting?',
        summary:
          'A talk with someone from the neighbourhood team. About sleep, school, arguments or just to share your story.',
      },
    },
  },
  {
    key: 'taalcafe',
    org: 'bibliotheek',
    kind: 'cursus',
    offerType: 'voor-ouders',
    themes: ['voor-ouders', 'taal-lezen'],
    audience: 'ouder',
    ages: [0, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'di',
    time: ['09:30', '11:00'],
    join: 'aanmelden',
    languages: ['nl', 'ar', 'tr', 'pl', 'uk'],
    nl: {
      title: 'Taalcafé voor ouders',
      summary: 'Oefen Nederlands praten met andere ouders. Met koffie en thee. De kinderen zijn op school.',
    },
    t: {
      en: {
        title: 'Language café for parents',
        summary: 'Practise speaking Dutch with other parents. With coffee and tea. The children are at school.',
      },
    },
  },
  {
    key: 'basketbal',
    org: 'buurtsport',
    kind: 'activiteit',
    offerType: 'even-ontspannen',
    themes: ['sport-bewegen'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'vr',
    time: ['19:00', '21:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Streetbasketbal in de avond',
      summary: 'Basketbal met jongeren uit de wijk. Muziek aan, teams maken en spelen.',
    },
    t: {
      en: {
        title: 'Street basketball in the evening',
        summary: 'Basketball with young people from the neighbourhood. Music on, make teams and play.',
      },
    },
  },
  {
    key: 'peutergym',
    org: 'buurtsport',
    kind: 'activiteit',
    offerType: 'ontwikkeling',
    themes: ['sport-bewegen'],
    audience: 'gezin',
    ages: [2, 4],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'do',
    time: ['09:30', '10:15'],
    join: 'vrije-inloop',
    nl: {
      title: 'Peutergym met papa of mama',
      summary: 'Klimmen, rollen en springen. Samen met je kleine kind bewegen in de gymzaal.',
    },
    t: {
      en: {
        title: 'Toddler gym with dad or mum',
        summary: 'Climbing, rolling and jumping. Move together with your little one in the gym.',
      },
    },
  },
  {
    key: 'boekstart',
    org: 'bibliotheek',
    kind: 'activiteit',
    offerType: 'voor-ouders',
    themes: ['voor-ouders', 'taal-lezen'],
    audience: 'gezin',
    ages: [0, 2],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'vr',
    time: ['10:00', '10:45'],
    join: 'vrije-inloop',
    nl: {
      title: 'Zingen en voorlezen voor baby’s',
      summary: 'Liedjes, rijmpjes en boekjes voor de allerkleinsten. Je krijgt tips om thuis voor te lezen.',
    },
    t: {
      en: {
        title: 'Singing and reading for babies',
        summary: 'Songs, rhymes and little books for the very youngest. You get tips for reading at home.',
      },
    },
  },
  {
    key: 'natuurexcursie',
    org: 'natuur',
    kind: 'evenement',
    offerType: 'ontwikkeling',
    themes: ['natuur-buiten'],
    audience: 'kind',
    ages: [6, 12],
    cost: ['gratis'],
    schedule: 'eenmalig',
    join: 'aanmelden',
    nl: {
      title: 'Op ontdekking in het park',
      summary: 'Met een boswachter zoek je beestjes, sporen en vogels. Je krijgt een loep mee.',
      whatToBring: 'Kleren die vies mogen worden.',
    },
    t: {
      en: {
        title: 'Exploring the park',
        summary: 'With a ranger you look for bugs, tracks and birds. You get a magnifying glass to take along.',
      },
    },
  },
  {
    key: 'omroep',
    org: 'omroep',
    kind: 'meeloopdag',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen', 'techniek-computers'],
    audience: 'jongere',
    ages: [13, 18],
    cost: ['gratis'],
    schedule: 'eenmalig',
    join: 'via-coordinator',
    nl: {
      title: 'Meelopen bij radio en tv',
      summary: 'Kijk achter de schermen. Je ziet hoe het nieuws gemaakt wordt en je mag zelf de camera proberen.',
    },
    t: {
      en: {
        title: 'Shadow radio and TV makers',
        summary: 'Look behind the scenes. You see how the news is made and you can try the camera yourself.',
      },
    },
  },
  {
    key: 'studio',
    org: 'jongerenwerk',
    kind: 'activiteit',
    offerType: 'ontplooiing',
    themes: ['dans-muziek-theater', 'techniek-computers'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'wo',
    time: ['16:00', '18:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Muziek maken in de studio',
      summary: 'Maak je eigen beats, rap of zing. Een producer leert je opnemen in een echte studio.',
    },
    t: {
      en: {
        title: 'Making music in the studio',
        summary: 'Make your own beats, rap or sing. A producer teaches you to record in a real studio.',
      },
    },
  },
  {
    key: 'rekenen',
    org: 'huiswerk',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    themes: ['leren-bijles'],
    audience: 'kind',
    ages: [8, 12],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'di',
    time: ['15:30', '16:30'],
    join: 'aanmelden',
    nl: {
      title: 'Bijles rekenen',
      summary: 'Vind je rekenen moeilijk? In een klein groepje oefen je met spelletjes. Zo wordt het makkelijker.',
    },
    t: {
      en: {
        title: 'Maths tutoring',
        summary: 'Do you find maths hard? In a small group you practise with games. That makes it easier.',
      },
    },
  },
  {
    key: 'nederlands',
    org: 'bibliotheek',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    themes: ['taal-lezen'],
    audience: 'kind',
    ages: [6, 12],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'wo',
    time: ['14:00', '15:00'],
    join: 'aanmelden',
    languages: ['nl', 'ar', 'uk'],
    nl: {
      title: 'Nederlands leren met spelletjes',
      summary: 'Ben je nieuw in Nederland? Leer de taal met spelletjes, liedjes en boeken.',
    },
    t: {
      en: {
        title: 'Learning Dutch with games',
        summary: 'New in the Netherlands? Learn the language with games, songs and books.',
      },
    },
  },
  {
    key: 'weerbaar',
    org: 'welzijn',
    kind: 'cursus',
    offerType: 'trots-zelfvertrouwen',
    themes: ['hulp-advies'],
    audience: 'kind',
    ages: [8, 12],
    cost: ['gratis'],
    schedule: 'periode',
    join: 'aanmelden',
    nl: {
      title: 'Sterk in je schoenen',
      summary: 'Een training in acht lessen. Je leert nee zeggen, voor jezelf opkomen en rustig blijven.',
    },
    t: {
      en: {
        title: 'Standing strong',
        summary: 'A course of eight lessons. You learn to say no, stand up for yourself and stay calm.',
      },
    },
  },
  {
    key: 'jongerencentrum',
    org: 'jongerenwerk',
    kind: 'activiteit',
    offerType: 'even-ontspannen',
    themes: ['uitjes-vakantie'],
    audience: 'jongere',
    ages: [12, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'vr',
    time: ['19:00', '22:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Jongerencentrum: chillen, gamen, praten',
      summary: 'Een plek voor jou en je vrienden. Gamen, tafeltennis en een jongerenwerker om mee te praten.',
    },
    t: {
      en: {
        title: 'Youth centre: chill, game, talk',
        summary: 'A place for you and your friends. Gaming, table tennis and a youth worker to talk to.',
      },
    },
  },
  {
    key: 'scouting',
    org: 'scouting',
    kind: 'activiteit',
    offerType: 'ontplooiing',
    themes: ['natuur-buiten'],
    audience: 'kind',
    ages: [7, 11],
    cost: ['betaald', 12.5],
    schedule: 'wekelijks',
    day: 'za',
    time: ['10:00', '12:00'],
    join: 'aanmelden',
    nl: {
      title: 'Scouting: buiten spelen en kamperen',
      summary: 'Hutten bouwen, vuur maken en op kamp gaan. Elke zaterdag avontuur met je groep.',
    },
  },
  {
    key: 'schaken',
    org: 'schaak',
    kind: 'activiteit',
    offerType: 'ontwikkeling',
    themes: ['leren-bijles'],
    audience: 'kind',
    ages: [7, 14],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'ma',
    time: ['18:30', '19:30'],
    join: 'vrije-inloop',
    nl: { title: 'Schaakclub', summary: 'Leer schaken of speel tegen anderen. Beginners en kampioenen zijn welkom.' },
  },
  {
    key: 'familiedag',
    org: 'cultuur',
    kind: 'evenement',
    offerType: 'even-ontspannen',
    themes: ['uitjes-vakantie', 'kunst-creatief'],
    audience: 'gezin',
    ages: [4, 12],
    cost: ['korting', 3],
    schedule: 'eenmalig',
    join: 'aanmelden',
    nl: {
      title: 'Familiedag in het theater',
      summary: 'Een voorstelling voor het hele gezin, met daarna zelf spelen op het podium.',
    },
  },
  {
    key: 'ehbo',
    org: 'welzijn',
    kind: 'cursus',
    offerType: 'ontwikkeling',
    themes: ['hulp-advies'],
    audience: 'jongere',
    ages: [10, 14],
    cost: ['gratis'],
    schedule: 'periode',
    join: 'aanmelden',
    nl: {
      title: 'Jeugd-EHBO: leren helpen',
      summary: 'Wat doe je als iemand valt of zich brandt? Je leert het in vier lessen en krijgt een diploma.',
    },
  },
  {
    key: 'schoolspullen',
    org: 'fonds',
    kind: 'regeling',
    offerType: 'hulp',
    themes: ['geld-regelingen', 'spullen'],
    audience: 'gezin',
    ages: [4, 18],
    cost: ['gratis-via-regeling'],
    schedule: 'doorlopend',
    join: 'via-coordinator',
    applicant: 'ouder',
    nl: {
      title: 'Schoolreis en schoolspullen betaald',
      summary: 'Gaat je klas op schoolreis of heb je een nieuwe tas nodig? Het fonds betaalt mee.',
    },
  },
  {
    key: 'maatje',
    org: 'welzijn',
    kind: 'hulp-advies',
    offerType: 'hulp',
    themes: ['hulp-advies'],
    audience: 'kind',
    ages: [6, 14],
    cost: ['gratis'],
    schedule: 'doorlopend',
    join: 'via-coordinator',
    nl: {
      title: 'Een maatje voor leuke dingen',
      summary: 'Een vrijwilliger komt elke week. Samen ga je naar de speeltuin, de bieb of het zwembad.',
    },
  },
  {
    key: 'ondernemen',
    org: 'mentor',
    kind: 'cursus',
    offerType: 'ontplooiing',
    themes: ['beroepen-meelopen'],
    audience: 'jongere',
    ages: [14, 18],
    cost: ['gratis'],
    schedule: 'periode',
    join: 'aanmelden',
    nl: {
      title: 'Je eigen bedrijfje starten',
      summary: 'Heb je een idee? In zes weken maak je een plan en verkoop je je eerste product op de markt.',
    },
  },
  {
    key: 'samenkoken',
    org: 'voedsel',
    kind: 'activiteit',
    offerType: 'voor-ouders',
    themes: ['voor-ouders'],
    audience: 'gezin',
    ages: [0, 18],
    cost: ['gratis'],
    schedule: 'wekelijks',
    day: 'do',
    time: ['16:30', '19:00'],
    join: 'vrije-inloop',
    nl: {
      title: 'Samen koken en eten',
      summary: 'Kook met andere gezinnen een lekkere maaltijd en eet samen aan een lange tafel.',
    },
  },
];

export function textFor(template: Template, locale: Locale): SeedActivityText | undefined {
  const text = template.t?.[locale];
  if (!text) return undefined;
  const prefix = { en: 'Example: ', ar: 'مثال: ', tr: 'Örnek: ', pl: 'Przykład: ', uk: 'Приклад: ' }[locale];
  return { ...text, description: `${prefix}${text.summary}` };
}
