// The provider's answers through a personal link (controllers/provider-answer.ts). Strapi's own auth
// is off: the handler checks the site's service token and the link itself.
const route = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: `provider-answer.${handler}`,
  config: { auth: false, policies: [] as string[] },
});

export default {
  routes: [route('GET', '/provider-answers/:token', 'read'), route('POST', '/provider-answers/:token', 'answer')],
};
