// "Klopt er iets niet?" (report.ts). Only the site calls it, with its service token (WORKSPACE_TOKEN):
// the site's page takes the visitor's post, limits it per address and forwards it here. No public,
// partner or API-token permission reaches it; reading and handling reports happen in the admin.
export default {
  routes: [
    {
      method: 'POST',
      path: '/offer-feedback',
      handler: 'offer-feedback.report',
      config: { auth: false, policies: [] as string[] },
    },
  ],
};
