// Each suite runs its own stack on ports offset from the defaults (DESIGN §5), so a developer's
// `npm start` and the suites never collide. Benchmarks have one offset each, so two can run at once.
export const PORT_OFFSET = {
  integration: 100,
  indexer: 120,
  dreams: 130,
  partners: 150,
  openData: 170,
  relevance: 180,
  e2e: 200,
  bench: 300,
  benchSearch: 320,
  benchReindex: 340,
  benchBurst: 360,
  dreamOutbox: 380,
  benchDream: 400,
  benchTtfb: 420,
  workspace: 190,
  benchWorkspace: 440,
  backupRestore: 140,
  hostileInput: 270,
  benchLoad: 460,
  mediaIsolation: 480,
  publicQuery: 520,
  relationIsolation: 500,
  slowClients: 540,
  signInLimits: 560,
  productionStart: 580,
  routeSweep: 600,
  benchLighthouse: 620,
  workspaceFamily: 740,
  familyLink: 680,
  hsdsSchemas: 640,
  workspaceProvider: 700,
  personalLinkLimits: 760,
  organisationReconfirm: 780,
  adminForVolunteers: 820,
  /** The product with a second, fictional city file (tests/e2e-city). */
  secondCity: 880,
  duplicates: 840,
  partnerApproval: 860,
  offerFeedback: 800,
  /** Two indexers on one PostgreSQL queue: the queue's cluster at +0, the stack at +5, the second indexer at +6. */
  indexerCluster: 940,
  /**
   * The cluster (PostgreSQL, 2 cms, 2 site, 2 indexers, nginx): a block of 20, 960–979; see
   * scripts/lib/cluster.ts for which port is which.
   */
  cluster: 960,
  acrossInstances: 920,
  changeOutbox: 900,
  /** The cluster again, for nginx's page cache (proxy-cache suite): a block of 20, 1000–1019. */
  proxyCache: 1000,
} as const;

/**
 * TEST_PORT_SHIFT moves every suite's ports by the same amount, so two checkouts (two developers,
 * or agents in separate worktrees) can run the same suite at once. Default 0.
 */
export const portShift = (): number => Number(process.env.TEST_PORT_SHIFT ?? 0) || 0;

export function sitePort(offset: number): number {
  return 4321 + offset;
}

/** The end-to-end stack's offset; E2E_PORT_OFFSET lets two developers (or agents) run it at once. */
export const e2eOffset = (): number => Number(process.env.E2E_PORT_OFFSET ?? PORT_OFFSET.e2e) + portShift();
