// An organisation confirms its offers through its personal link (controllers/reconfirm.ts).
// Strapi's own auth is off: the handler checks the site's service token and the link itself.
const route = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: `reconfirm.${handler}`,
  config: { auth: false, policies: [] as string[] },
});

export default {
  routes: [
    route('GET', '/organisation-reconfirm/:token', 'read'),
    route('POST', '/organisation-reconfirm/:token', 'confirm'),
  ],
};
