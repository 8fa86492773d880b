// Translations of some extras (extras-*.ts), keyed by their Dutch title: a dozen in every site
// language, ten more in English. Like the templates' own `t`, title and summary only.
import type { Template } from './templates';

export const extraTranslations: Record<string, NonNullable<Template['t']>> = {
  'Straatvoetbal in de Kooi': {
    en: {
      title: 'Street football in the cage',
      summary: 'Play football in the football cage near you. At three places in the city. Just come along.',
    },
    ar: {
      title: 'كرة القدم في القفص',
      summary: 'العب كرة القدم في ملعب القفص القريب منك. في ثلاثة أماكن في المدينة. تعال فقط.',
    },
    tr: {
      title: 'Kafeste sokak futbolu',
      summary: 'Yakınındaki futbol kafesinde futbol oyna. Şehirde üç yerde. Gel, katıl.',
    },
    pl: {
      title: 'Piłka uliczna w klatce',
      summary: 'Graj w piłkę w klatce do gry niedaleko ciebie. W trzech miejscach w mieście. Po prostu przyjdź.',
    },
    uk: {
      title: 'Вуличний футбол у клітці',
      summary: 'Грай у футбол на огородженому майданчику біля тебе. У трьох місцях у місті. Просто приходь.',
    },
  },
  'Speelbus in de wijk': {
    en: {
      title: 'The play bus in your neighbourhood',
      summary: 'The play bus comes to your playground, with go-karts, balls and games. Everyone can join in.',
    },
    ar: {
      title: 'حافلة اللعب في الحي',
      summary: 'تأتي حافلة اللعب إلى ملعبك، مع سيارات صغيرة وكرات وألعاب. يمكن للجميع المشاركة.',
    },
    tr: {
      title: 'Mahallede oyun otobüsü',
      summary: 'Oyun otobüsü oyun parkına geliyor: araba, top ve oyunlar var. Herkes katılabilir.',
    },
    pl: {
      title: 'Autobus zabaw na osiedlu',
      summary: 'Autobus zabaw przyjeżdża na twój plac zabaw, z gokartami, piłkami i grami. Każdy może się bawić.',
    },
    uk: {
      title: 'Ігровий автобус у районі',
      summary: 'Ігровий автобус приїжджає на твій майданчик: картинги, м’ячі та ігри. Долучитися може кожен.',
    },
  },
  'Karate voor kinderen': {
    en: {
      title: 'Karate for children',
      summary: 'In karate you learn to punch, kick and concentrate well. You also learn respect for each other.',
    },
    ar: {
      title: 'كاراتيه للأطفال',
      summary: 'في الكاراتيه تتعلم اللكم والركل والتركيز جيداً. وتتعلم أيضاً احترام الآخرين.',
    },
    tr: {
      title: 'Çocuklar için karate',
      summary: 'Karatede yumruk, tekme ve iyi odaklanmayı öğrenirsin. Birbirine saygıyı da öğrenirsin.',
    },
    pl: {
      title: 'Karate dla dzieci',
      summary: 'Na karate uczysz się ciosów, kopnięć i skupienia. Uczysz się też szacunku do innych.',
    },
    uk: {
      title: 'Карате для дітей',
      summary: 'На карате ти вчишся бити, робити удари ногою і добре зосереджуватися. А ще поважати одне одного.',
    },
  },
  'Kinderkoor: samen zingen': {
    en: {
      title: 'Children’s choir: singing together',
      summary: 'Sing fun songs with other children. You learn to breathe and sing well. Two concerts a year.',
    },
    ar: {
      title: 'جوقة الأطفال: نغني معاً',
      summary: 'غنِّ أغاني ممتعة مع أطفال آخرين. تتعلم التنفس والغناء بشكل جيد. عرضان في السنة.',
    },
    tr: {
      title: 'Çocuk korosu: birlikte şarkı söyleyelim',
      summary:
        'Diğer çocuklarla eğlenceli şarkılar söyle. İyi nefes almayı ve şarkı söylemeyi öğrenirsin. Yılda iki gösteri.',
    },
    pl: {
      title: 'Chór dziecięcy: śpiewamy razem',
      summary: 'Śpiewaj fajne piosenki z innymi dziećmi. Uczysz się dobrze oddychać i śpiewać. Dwa występy w roku.',
    },
    uk: {
      title: 'Дитячий хор: співаємо разом',
      summary: 'Співай веселі пісні з іншими дітьми. Ти вчишся правильно дихати і співати. Два виступи на рік.',
    },
  },
  'Huiswerkclub in de bibliotheek': {
    en: {
      title: 'Homework club at the library',
      summary: 'Do your homework at the library. Volunteers are there to help you. There are computers too.',
    },
    ar: {
      title: 'نادي الواجبات في المكتبة',
      summary: 'اعمل واجباتك المدرسية في المكتبة. هناك متطوعون يساعدونك. وتوجد أيضاً حواسيب.',
    },
    tr: {
      title: 'Kütüphanede ödev kulübü',
      summary: 'Ödevini kütüphanede yap. Sana yardım eden gönüllüler var. Bilgisayarlar da var.',
    },
    pl: {
      title: 'Klub odrabiania lekcji w bibliotece',
      summary: 'Odrabiaj lekcje w bibliotece. Wolontariusze ci pomogą. Są też komputery.',
    },
    uk: {
      title: 'Клуб домашніх завдань у бібліотеці',
      summary: 'Роби домашнє завдання в бібліотеці. Волонтери тобі допоможуть. Є й комп’ютери.',
    },
  },
  'Koffie-ochtend voor ouders': {
    en: {
      title: 'Coffee morning for parents',
      summary: 'Have coffee or tea with other parents. Talk about school, sleep or food. Children are welcome.',
    },
    ar: {
      title: 'صباح القهوة للآباء والأمهات',
      summary: 'اشرب القهوة أو الشاي مع آباء وأمهات آخرين. تحدث عن المدرسة أو النوم أو الأكل. الأطفال مرحب بهم.',
    },
    tr: {
      title: 'Ebeveynler için kahve sabahı',
      summary: 'Diğer ebeveynlerle kahve ya da çay iç. Okul, uyku ya da yemek hakkında konuş. Çocuklar da gelebilir.',
    },
    pl: {
      title: 'Poranna kawa dla rodziców',
      summary:
        'Napij się kawy lub herbaty z innymi rodzicami. Porozmawiaj o szkole, spaniu czy jedzeniu. Dzieci mile widziane.',
    },
    uk: {
      title: 'Ранкова кава для батьків',
      summary: 'Випий кави чи чаю з іншими батьками. Поговоріть про школу, сон чи їжу. Діти можуть прийти теж.',
    },
  },
  Meidenvoetbal: {
    en: {
      title: 'Girls’ football',
      summary: 'Football just for girls. You learn to pass, shoot and play as a team. New girls are welcome.',
    },
    ar: {
      title: 'كرة القدم للبنات',
      summary: 'كرة القدم للبنات فقط. تتعلمين التمرير والتسديد واللعب كفريق. البنات الجديدات مرحب بهن.',
    },
    tr: {
      title: 'Kız futbolu',
      summary:
        'Sadece kızlar için futbol. Pas vermeyi, şut çekmeyi ve takım olarak oynamayı öğrenirsin. Yeni kızlar hoş geldi.',
    },
    pl: {
      title: 'Piłka nożna dla dziewczyn',
      summary:
        'Piłka nożna tylko dla dziewczyn. Uczysz się podawać, strzelać i grać razem. Nowe dziewczyny są mile widziane.',
    },
    uk: {
      title: 'Футбол для дівчат',
      summary:
        'Футбол лише для дівчат. Ти вчишся передавати м’яч, бити по воротах і грати разом. Нові дівчата — ласкаво просимо.',
    },
  },
  'Babyzwemmen met papa of mama': {
    en: {
      title: 'Baby swimming with mum or dad',
      summary: 'Your baby gets used to the water in a warm pool. You go into the water too. Calm and safe.',
    },
    ar: {
      title: 'سباحة الرضع مع الأب أو الأم',
      summary: 'يتعود طفلك على الماء في مسبح دافئ. وأنت تنزل معه إلى الماء. بهدوء وأمان.',
    },
    tr: {
      title: 'Anne ya da babayla bebek yüzmesi',
      summary: 'Bebeğin ılık suda suya alışır. Sen de onunla suya girersin. Sakin ve güvenli.',
    },
    pl: {
      title: 'Pływanie niemowląt z mamą lub tatą',
      summary: 'Twoje dziecko oswaja się z wodą w ciepłym basenie. Wchodzisz z nim do wody. Spokojnie i bezpiecznie.',
    },
    uk: {
      title: 'Плавання для немовлят з мамою або татом',
      summary: 'Твоє малятко звикає до води в теплому басейні. Ти заходиш у воду разом з ним. Спокійно і безпечно.',
    },
  },
  'Meelopen in het ziekenhuis': {
    en: {
      title: 'A day at the hospital',
      summary:
        'Do you want to become a doctor? Spend a day with a doctor. You see the emergency department and the children’s ward.',
    },
    ar: {
      title: 'يوم في المستشفى',
      summary: 'هل تريد أن تصبح طبيباً؟ رافق طبيباً ليوم كامل. سترى قسم الطوارئ وقسم الأطفال.',
    },
    tr: {
      title: 'Hastanede bir gün',
      summary: 'Doktor olmak mı istiyorsun? Bir gün bir doktorla birlikte ol. Acil servisi ve çocuk bölümünü görürsün.',
    },
    pl: {
      title: 'Dzień w szpitalu',
      summary: 'Chcesz zostać lekarzem? Spędź dzień z lekarzem. Zobaczysz izbę przyjęć i oddział dziecięcy.',
    },
    uk: {
      title: 'День у лікарні',
      summary:
        'Хочеш стати лікарем? Проведи день разом з лікарем. Ти побачиш приймальне відділення і дитяче відділення.',
    },
  },
  'Kookles voor tieners': {
    en: {
      title: 'Cooking lessons for teens',
      summary: 'Learn to cook for yourself: quick, healthy and cheap. A different dish every week.',
    },
    ar: {
      title: 'دروس الطبخ للمراهقين',
      summary: 'تعلم الطبخ لنفسك: سريع وصحي وغير مكلف. كل أسبوع طبق مختلف.',
    },
    tr: {
      title: 'Gençler için yemek kursu',
      summary: 'Kendine yemek yapmayı öğren: hızlı, sağlıklı ve ucuz. Her hafta başka bir yemek.',
    },
    pl: {
      title: 'Lekcje gotowania dla nastolatków',
      summary: 'Naucz się gotować dla siebie: szybko, zdrowo i tanio. Co tydzień inne danie.',
    },
    uk: {
      title: 'Уроки кулінарії для підлітків',
      summary: 'Навчися готувати для себе: швидко, корисно і недорого. Щотижня нова страва.',
    },
  },
  'Tennisles voor kinderen': {
    en: {
      title: 'Tennis lessons for children',
      summary: 'Learn to hit the ball over the net. You play in small groups on a small court.',
    },
    ar: {
      title: 'دروس التنس للأطفال',
      summary: 'تعلم ضرب الكرة فوق الشبكة. تلعب في مجموعات صغيرة على ملعب صغير.',
    },
    tr: {
      title: 'Çocuklar için tenis dersi',
      summary: 'Topu filenin üstünden vurmayı öğren. Küçük bir kortta küçük gruplarla oynarsın.',
    },
    pl: {
      title: 'Lekcje tenisa dla dzieci',
      summary: 'Naucz się odbijać piłkę nad siatką. Grasz w małych grupach na małym korcie.',
    },
    uk: {
      title: 'Уроки тенісу для дітей',
      summary: 'Навчися перебивати м’яч через сітку. Ти граєш у маленьких групах на маленькому корті.',
    },
  },
  'Taalmaatje voor kinderen die net in Nederland zijn': {
    en: {
      title: 'A language buddy for children new to the Netherlands',
      summary: 'Every week a volunteer practises Dutch with you, in a fun way.',
    },
    ar: {
      title: 'رفيق لغة للأطفال القادمين حديثاً إلى هولندا',
      summary: 'يتدرب معك متطوع على اللغة الهولندية كل أسبوع، بطريقة ممتعة.',
    },
    tr: {
      title: 'Hollanda’ya yeni gelen çocuklar için dil arkadaşı',
      summary: 'Bir gönüllü her hafta seninle eğlenceli bir şekilde Hollandaca çalışır.',
    },
    pl: {
      title: 'Partner językowy dla dzieci, które niedawno przyjechały do Holandii',
      summary: 'Co tydzień wolontariusz ćwiczy z tobą niderlandzki, w fajny sposób.',
    },
    uk: {
      title: 'Мовний друг для дітей, які щойно приїхали до Нідерландів',
      summary: 'Щотижня волонтер у цікавий спосіб практикує з тобою нідерландську мову.',
    },
  },
  'Streetdance voor kids': {
    en: {
      title: 'Street dance for kids',
      summary: 'Dance to the latest music. Every week you learn a bit of a dance.',
    },
  },
  'Ballet voor kleine dansers': {
    en: {
      title: 'Ballet for little dancers',
      summary: 'On your toes, turning and bowing to beautiful music. For boys and girls.',
    },
  },
  'Viool leren spelen': {
    en: {
      title: 'Learn to play the violin',
      summary: 'Learn the violin with your own teacher. You can rent or borrow a violin.',
    },
  },
  'Bijles wiskunde': {
    en: {
      title: 'Maths tutoring',
      summary: 'Stuck with maths? A student explains it calmly until you understand it.',
    },
  },
  'Bijles Engels voor de brugklas': {
    en: {
      title: 'English tutoring for first-years',
      summary: 'Learn words, understand grammar and dare to speak. In a small group.',
    },
  },
  'Boekenclub voor tieners': {
    en: {
      title: 'Book club for teens',
      summary: 'Read a book and talk about it with others. Together you choose the next book.',
    },
  },
  'Meelopen met de politie': {
    en: {
      title: 'A day with the police',
      summary:
        'Do you want to become a police officer? Spend a day at the police station. You see the control room and a police car.',
    },
  },
  'Open dag bij de brandweer': {
    en: {
      title: 'Open day at the fire station',
      summary: 'Sit in a fire engine, spray the hose and see how firefighters rescue someone.',
    },
  },
  'Fotografie met je telefoon': {
    en: {
      title: 'Photography with your phone',
      summary: 'Take beautiful photos with your own phone. You learn about light, looking and editing.',
    },
  },
  'Zelf een game maken met Scratch': {
    en: {
      title: 'Make your own game with Scratch',
      summary: 'Make your own computer game with blocks of code. At the end everyone plays each other’s game.',
    },
  },
};
