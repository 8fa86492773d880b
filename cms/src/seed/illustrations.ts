// Demo illustrations: one friendly picture per theme, drawn as SVG from plain shapes in the
// theme's colour (no text, nothing from the internet). Pure and deterministic: the same theme
// always gives the same SVG, so every seed uploads the same pictures.
import { themes, type ThemeSlug } from '@droomkaart/shared';
import { prng } from './generate';

export const ILLUSTRATION_WIDTH = 1600;
export const ILLUSTRATION_HEIGHT = 1000;

/** Main colour, background tint and a second, warm accent per theme. */
export const themeColours: Record<ThemeSlug, { main: string; tint: string; accent: string }> = {
  'sport-bewegen': { main: '#1f8a4c', tint: '#e3f4e9', accent: '#ffb300' },
  'dans-muziek-theater': { main: '#8e3bb3', tint: '#f1e6f7', accent: '#ff7a59' },
  'kunst-creatief': { main: '#e0592a', tint: '#fdebe3', accent: '#2f80ed' },
  'natuur-buiten': { main: '#3f7d20', tint: '#e8f2df', accent: '#ffc83d' },
  'leren-bijles': { main: '#1c5fa8', tint: '#e2ecf8', accent: '#ffb300' },
  'taal-lezen': { main: '#b5462f', tint: '#f8e7e2', accent: '#3a8fb7' },
  'techniek-computers': { main: '#2a6f7f', tint: '#e0f0f3', accent: '#ff8c42' },
  'beroepen-meelopen': { main: '#a86a12', tint: '#f8efdf', accent: '#2e86de' },
  'uitjes-vakantie': { main: '#d13b6b', tint: '#fbe4ec', accent: '#22a39f' },
  spullen: { main: '#4b5bbf', tint: '#e7e9f8', accent: '#ff9f1c' },
  'geld-regelingen': { main: '#2f8f83', tint: '#e1f3f1', accent: '#f4b400' },
  'hulp-advies': { main: '#c4461c', tint: '#fbe9e0', accent: '#3c8dbc' },
  'voor-ouders': { main: '#7a4fb5', tint: '#eee7f8', accent: '#ff6f91' },
};

type Colours = (typeof themeColours)[ThemeSlug];

const heart = (x: number, y: number, s: number, fill: string) =>
  `<path d="M ${x} ${y + s * 0.35} C ${x - s * 0.9} ${y - s * 0.35}, ${x - s * 0.45} ${y - s}, ${x} ${y - s * 0.45} C ${x + s * 0.45} ${y - s}, ${x + s * 0.9} ${y - s * 0.35}, ${x} ${y + s * 0.35} Z" fill="${fill}"/>`;

/** The theme's motif, drawn around the centre (800, 520) at about 450 px. */
const motifs: Record<ThemeSlug, (c: Colours) => string> = {
  // A medal, not a ball: the picture stands for every sport (a football on a swimming lesson is wrong).
  'sport-bewegen': (c) => `
    <polygon points="690,220 780,220 850,420 760,420" fill="${c.main}"/>
    <polygon points="910,220 820,220 750,420 840,420" fill="${c.accent}"/>
    <circle cx="800" cy="560" r="190" fill="${c.accent}" stroke="${c.main}" stroke-width="14"/>
    <circle cx="800" cy="560" r="130" fill="#fff3c4" stroke="${c.main}" stroke-width="8"/>
    <polygon points="800,470 827,535 897,540 843,585 860,655 800,617 740,655 757,585 703,540 773,535" fill="${c.main}"/>`,
  'dans-muziek-theater': (c) => `
    <ellipse cx="660" cy="650" rx="85" ry="62" fill="${c.main}" transform="rotate(-20 660 650)"/>
    <ellipse cx="940" cy="600" rx="85" ry="62" fill="${c.main}" transform="rotate(-20 940 600)"/>
    <rect x="722" y="300" width="26" height="350" fill="${c.main}"/><rect x="1002" y="250" width="26" height="350" fill="${c.main}"/>
    <polygon points="722,300 1028,250 1028,330 722,380" fill="${c.main}"/>
    <circle cx="1180" cy="360" r="28" fill="${c.accent}"/><circle cx="450" cy="420" r="20" fill="${c.accent}"/>`,
  'kunst-creatief': (c) => `
    <path d="M 560 520 C 560 360, 760 300, 900 330 C 1060 365, 1080 470, 990 520 C 930 555, 1000 620, 960 680 C 900 760, 560 720, 560 520 Z" fill="#f6e2c0" stroke="${c.main}" stroke-width="12"/>
    <circle cx="690" cy="450" r="40" fill="${c.main}"/><circle cx="820" cy="400" r="40" fill="${c.accent}"/><circle cx="940" cy="440" r="36" fill="#f4c20d"/>
    <circle cx="660" cy="580" r="38" fill="#2eaf6e"/><circle cx="830" cy="640" r="30" fill="${c.tint}" stroke="${c.main}" stroke-width="8"/>
    <rect x="1040" y="250" width="34" height="330" rx="14" fill="#7a4b2a" transform="rotate(30 1057 415)"/>
    <path d="M 1115 540 l 40 30 l -50 60 z" fill="${c.main}" transform="rotate(30 1120 580)"/>`,
  'natuur-buiten': (c) => `
    <rect x="770" y="520" width="60" height="230" rx="10" fill="#7a4b2a"/>
    <circle cx="800" cy="420" r="150" fill="${c.main}"/><circle cx="690" cy="500" r="110" fill="${c.main}"/><circle cx="910" cy="500" r="110" fill="${c.main}"/>
    <circle cx="740" cy="400" r="22" fill="#e9534f"/><circle cx="870" cy="460" r="22" fill="#e9534f"/><circle cx="800" cy="540" r="22" fill="#e9534f"/>
    <path d="M 1060 760 q 40 -120 80 0 z" fill="${c.main}" opacity="0.7"/><path d="M 480 760 q 35 -100 70 0 z" fill="${c.main}" opacity="0.7"/>`,
  'leren-bijles': (c) => `
    <rect x="560" y="600" width="480" height="90" rx="14" fill="${c.main}"/><rect x="590" y="510" width="440" height="90" rx="14" fill="${c.accent}"/><rect x="570" y="420" width="460" height="90" rx="14" fill="#2eaf6e"/>
    <g fill="#fff" opacity="0.85"><rect x="600" y="635" width="380" height="16" rx="8"/><rect x="630" y="545" width="360" height="16" rx="8"/><rect x="610" y="455" width="380" height="16" rx="8"/></g>
    <g transform="rotate(20 1100 465)"><rect x="1080" y="300" width="40" height="300" rx="8" fill="#f4c20d"/><polygon points="1080,596 1120,596 1100,650" fill="#f6d7a7"/><polygon points="1092,628 1108,628 1100,650" fill="#333"/></g>`,
  'taal-lezen': (c) => `
    <path d="M 800 380 C 700 330, 560 330, 470 360 L 470 700 C 560 670, 700 670, 800 720 Z" fill="#fff" stroke="${c.main}" stroke-width="12" stroke-linejoin="round"/>
    <path d="M 800 380 C 900 330, 1040 330, 1130 360 L 1130 700 C 1040 670, 900 670, 800 720 Z" fill="#fff" stroke="${c.main}" stroke-width="12" stroke-linejoin="round"/>
    <g stroke="${c.main}" stroke-width="12" stroke-linecap="round" opacity="0.55"><line x1="530" y1="430" x2="740" y2="450"/><line x1="530" y1="500" x2="740" y2="520"/><line x1="530" y1="570" x2="700" y2="585"/><line x1="860" y1="450" x2="1070" y2="430"/><line x1="860" y1="520" x2="1070" y2="500"/><line x1="860" y1="585" x2="1030" y2="570"/></g>
    <path d="M 1000 330 l 0 150 l 30 -25 l 30 25 l 0 -150 z" fill="${c.accent}"/>`,
  'techniek-computers': (c) => `
    <rect x="560" y="320" width="480" height="320" rx="24" fill="#263238"/><rect x="590" y="350" width="420" height="260" rx="10" fill="${c.tint}"/>
    <polygon points="500,660 1100,660 1160,730 440,730" fill="${c.main}"/>
    <g stroke="${c.main}" stroke-width="16" stroke-linecap="round"><polyline points="700,430 650,480 700,530" fill="none"/><polyline points="900,430 950,480 900,530" fill="none"/><line x1="830" y1="410" x2="770" y2="550"/></g>
    <circle cx="1180" cy="360" r="55" fill="none" stroke="${c.accent}" stroke-width="26" stroke-dasharray="26 17"/>`,
  'beroepen-meelopen': (c) => `
    <path d="M 560 560 C 560 380, 1040 380, 1040 560 Z" fill="${c.accent}"/>
    <rect x="520" y="550" width="560" height="50" rx="25" fill="${c.accent}"/><rect x="770" y="360" width="60" height="200" rx="20" fill="#fff" opacity="0.5"/>
    <g transform="rotate(-35 800 690)"><rect x="600" y="670" width="360" height="44" rx="22" fill="${c.main}"/><circle cx="980" cy="692" r="60" fill="${c.main}"/><rect x="975" y="667" width="80" height="50" fill="${c.tint}"/></g>`,
  'uitjes-vakantie': (c) => `
    <circle cx="800" cy="450" r="230" fill="none" stroke="${c.main}" stroke-width="16"/>
    <g stroke="${c.main}" stroke-width="10">${[0, 45, 90, 135].map((a) => `<line x1="800" y1="220" x2="800" y2="680" transform="rotate(${a} 800 450)"/>`).join('')}</g>
    ${[0, 45, 90, 135, 180, 225, 270, 315]
      .map((a, i) => {
        const r = (a * Math.PI) / 180;
        return `<rect x="${(800 + 230 * Math.cos(r) - 32).toFixed(1)}" y="${(450 + 230 * Math.sin(r) - 22).toFixed(1)}" width="64" height="52" rx="12" fill="${i % 2 ? c.accent : '#f4c20d'}"/>`;
      })
      .join('')}
    <circle cx="800" cy="450" r="34" fill="${c.main}"/><polygon points="800,450 660,780 940,780" fill="none" stroke="${c.main}" stroke-width="16" stroke-linejoin="round"/>`,
  spullen: (c) => `
    <circle cx="600" cy="600" r="150" fill="none" stroke="#263238" stroke-width="22"/><circle cx="1000" cy="600" r="150" fill="none" stroke="#263238" stroke-width="22"/>
    <polyline points="600,600 740,420 930,420 1000,600 780,600 600,600" fill="none" stroke="${c.main}" stroke-width="24" stroke-linejoin="round"/>
    <line x1="780" y1="600" x2="700" y2="380" stroke="${c.main}" stroke-width="24" stroke-linecap="round"/><line x1="650" y1="370" x2="760" y2="370" stroke="#263238" stroke-width="26" stroke-linecap="round"/>
    <line x1="930" y1="420" x2="905" y2="340" stroke="${c.main}" stroke-width="24" stroke-linecap="round"/><line x1="870" y1="330" x2="960" y2="330" stroke="#263238" stroke-width="22" stroke-linecap="round"/>`,
  'geld-regelingen': (c) => `
    ${[0, 1, 2, 3].map((i) => `<ellipse cx="660" cy="${700 - i * 55}" rx="150" ry="48" fill="${c.accent}" stroke="#b07d00" stroke-width="10"/>`).join('')}
    <circle cx="960" cy="470" r="170" fill="${c.accent}" stroke="#b07d00" stroke-width="14"/><circle cx="960" cy="470" r="120" fill="none" stroke="#b07d00" stroke-width="10"/>
    <rect x="940" y="400" width="40" height="140" rx="12" fill="#b07d00"/>
    ${heart(1180, 330, 70, c.main)}`,
  'hulp-advies': (c) => `
    <path d="M 470 330 h 420 a 40 40 0 0 1 40 40 v 180 a 40 40 0 0 1 -40 40 h -250 l -90 80 v -80 h -80 a 40 40 0 0 1 -40 -40 v -180 a 40 40 0 0 1 40 -40 z" fill="#fff" stroke="${c.main}" stroke-width="12"/>
    <path d="M 760 470 h 360 a 40 40 0 0 1 40 40 v 160 a 40 40 0 0 1 -40 40 h -60 v 70 l -80 -70 h -220 a 40 40 0 0 1 -40 -40 v -160 a 40 40 0 0 1 40 -40 z" fill="${c.main}"/>
    ${heart(940, 600, 80, '#fff')}
    <g fill="${c.main}"><circle cx="570" cy="450" r="22"/><circle cx="650" cy="450" r="22"/><circle cx="730" cy="450" r="22"/></g>`,
  'voor-ouders': (c) => `
    <polygon points="800,270 1090,500 510,500" fill="${c.main}"/><rect x="560" y="490" width="480" height="280" fill="#fff" stroke="${c.main}" stroke-width="12"/>
    <rect x="760" y="620" width="80" height="150" rx="8" fill="${c.accent}"/>
    ${heart(660, 580, 60, c.accent)}${heart(940, 580, 60, c.accent)}
    <rect x="960" y="300" width="50" height="120" fill="${c.main}"/>`,
};

/** Pure: the SVG of a theme's illustration, 1600 × 1000. */
export function themeIllustrationSvg(slug: ThemeSlug): string {
  const c = themeColours[slug];
  const order = themes.find((t) => t.slug === slug)?.order ?? 0;
  const random = prng(1000 + order);
  const dots = Array.from({ length: 22 }, (_, i) => {
    // Confetti around the edges, clear of the motif in the middle.
    const side = i % 2 === 0;
    const x = side ? Math.round(60 + random() * 340) : Math.round(1200 + random() * 340);
    const y = Math.round(60 + random() * 700);
    const r = Math.round(8 + random() * 20);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="${i % 3 === 0 ? c.accent : c.main}" opacity="${(0.25 + random() * 0.35).toFixed(2)}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${ILLUSTRATION_WIDTH}" height="${ILLUSTRATION_HEIGHT}" viewBox="0 0 ${ILLUSTRATION_WIDTH} ${ILLUSTRATION_HEIGHT}">
  <rect width="1600" height="1000" fill="${c.tint}"/>
  <circle cx="${1240 + Math.round(random() * 120)}" cy="190" r="120" fill="${c.accent}" opacity="0.35"/>
  <path d="M 0 820 C 300 740, 520 900, 820 830 C 1120 760, 1330 860, 1600 800 L 1600 1000 L 0 1000 Z" fill="${c.main}" opacity="0.25"/>
  <path d="M 0 900 C 360 840, 700 980, 1000 910 C 1240 860, 1420 930, 1600 900 L 1600 1000 L 0 1000 Z" fill="${c.main}" opacity="0.45"/>
  ${dots}
  ${motifs[slug](c)}
</svg>`;
}
