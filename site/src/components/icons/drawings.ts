// The site's drawn icons: simple line drawings on a 24×24 grid, stroked with the text colour
// (Icon.tsx sets stroke, width 2, round ends), so every icon has the same hand. Written for this
// site (no third-party artwork). Each is a list of SVG path data; circles are two arcs.

/** Path data for a circle. */
function o(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

export const drawings = {
  // themes
  sport: [o(12, 15, 6), 'M8 3l4 6 4-6', 'M12 12.5v5'],
  music: ['M9 18V5l11-2v13', o(6, 18, 3), o(17, 16, 3)],
  palette: [
    'M12 3a9 9 0 1 0 0 18c1.2 0 2-.8 2-2 0-.6-.2-1-.5-1.4-.3-.4-.5-.8-.5-1.3 0-1.1.9-2 2-2h2.3A4.7 4.7 0 0 0 21 9.7C21 5.9 17 3 12 3z',
    o(7.5, 11, 1),
    o(10.5, 7, 1),
    o(15.5, 7.5, 1),
  ],
  tree: ['M12 21v-6', 'M12 3l6 9h-3l4 5H5l4-5H6z'],
  pencil: ['M4 20l1-5L16 4l4 4L9 19z', 'M13.5 6.5l4 4', 'M4 20h16'],
  book: ['M2 5c3-1.5 7-1.5 10 1 3-2.5 7-2.5 10-1v14c-3-1.5-7-1.5-10 1-3-2.5-7-2.5-10-1z', 'M12 6v14'],
  laptop: ['M5 5h14v10H5z', 'M2 19h20', 'M3.5 15.5L2 19', 'M20.5 15.5L22 19'],
  wrench: ['M14.5 6.5a4 4 0 0 1 5-5l-2.5 2.5.5 2 2 .5 2.5-2.5a4 4 0 0 1-5 5L8 18a2.1 2.1 0 0 1-3-3z'],
  sun: [
    o(12, 12, 4),
    'M12 2v2',
    'M12 20v2',
    'M2 12h2',
    'M20 12h2',
    'M4.9 4.9l1.4 1.4',
    'M17.7 17.7l1.4 1.4',
    'M4.9 19.1l1.4-1.4',
    'M17.7 6.3l1.4-1.4',
  ],
  bike: [
    o(5.5, 16.5, 3.5),
    o(18.5, 16.5, 3.5),
    'M5.5 16.5L9 9h7l2.5 7.5',
    'M12 16.5L9 9',
    'M12 16.5L16 9',
    'M8 6h3',
    'M15 6h2l-1 3',
  ],
  coin: [o(12, 12, 9), 'M15 8.5a4 4 0 1 0 0 7', 'M7.5 11h5', 'M7.5 13.5h5'],
  help: [
    o(12, 12, 9),
    o(12, 12, 4),
    'M5.6 5.6l3.6 3.6',
    'M14.8 14.8l3.6 3.6',
    'M18.4 5.6l-3.6 3.6',
    'M9.2 14.8l-3.6 3.6',
  ],
  family: [o(8, 7, 3), o(17, 9, 2.5), 'M2 20v-2a5 5 0 0 1 10 0v2', 'M13 20v-1.5a4 4 0 0 1 8 0V20'],
  // dream picks and kinds of activity
  ball: [
    o(12, 12, 9),
    'M12 7.5l4 3-1.5 4.5h-5L8 10.5z',
    'M12 3v4.5',
    'M16 10.5l4.5-1.5',
    'M14.5 15l2.5 4',
    'M9.5 15L7 19',
    'M8 10.5L3.5 9',
  ],
  swim: [
    o(15, 6, 2),
    'M3 14c1.5 1 3 1 4.5 0s3-1 4.5 0 3 1 4.5 0 3-1 4.5 0',
    'M3 19c1.5 1 3 1 4.5 0s3-1 4.5 0 3 1 4.5 0 3-1 4.5 0',
    'M6 12l4-5 4 3',
  ],
  dance: [o(12, 4, 2), 'M12 7v7', 'M12 9l-5-3', 'M12 9l5 2', 'M12 14l-4 7', 'M12 14l3 3-1 4'],
  chat: ['M4 5h16v11H10l-5 4v-4H4z', 'M8 10h8', 'M8 13h5'],
  shirt: ['M8 3L3 6l2 5 2-1v11h10V10l2 1 2-5-5-3c0 2-1.5 3-4 3S8 5 8 3z'],
  star: ['M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z'],
  // interface
  speaker: ['M4 9h4l5-4v14l-5-4H4z', 'M16.5 8.5a5 5 0 0 1 0 7', 'M19 6a8.5 8.5 0 0 1 0 12'],
  stop: ['M6 6h12v12H6z'],
  check: ['M4 12.5l5 5L20 6.5'],
  phone: ['M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2z'],
  mail: ['M3 5h18v14H3z', 'M3 6l9 7 9-7'],
  globe: [o(12, 12, 9), 'M3 12h18', 'M12 3c3 3.5 3 14.5 0 18', 'M12 3c-3 3.5-3 14.5 0 18'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof drawings;

export function isIconName(name: string | null | undefined): name is IconName {
  return !!name && Object.hasOwn(drawings, name);
}
