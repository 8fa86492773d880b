// GET /api/freshness: "Hoe actueel is de kaart?" (freshness/overview.ts). Public and read-only:
// counts only, no entry, so no permission of the public role is involved.
export default {
  routes: [
    {
      method: 'GET',
      path: '/freshness',
      handler: 'freshness.overview',
      config: { auth: false, policies: [] as string[] },
    },
  ],
};
