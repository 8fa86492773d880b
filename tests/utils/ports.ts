// Each suite runs its own stack on ports offset from the defaults (DESIGN §5), so a developer's
// `npm start` and the suites never collide.
export const PORT_OFFSET = { integration: 100, partners: 150, e2e: 200, bench: 300 } as const;

export function sitePort(offset: number): number {
  return 4321 + offset;
}
