// The coordinator workspace's API (cms/src/api/workspace/CONTRACT.md). Strapi's own auth is off on
// these routes: each handler checks the site's service token and the workspace session itself
// (cms/src/api/workspace/auth.ts). No public, partner or API-token permission reaches them.
const route = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: `workspace.${handler}`,
  config: { auth: false, policies: [] as string[] },
});

export default {
  routes: [
    route('POST', '/workspace/sessions', 'signIn'),
    route('DELETE', '/workspace/sessions/current', 'signOut'),
    route('GET', '/workspace/me', 'me'),
    route('GET', '/workspace/dreams', 'listDreams'),
    route('POST', '/workspace/dreams', 'createDream'),
    route('GET', '/workspace/dreams/:documentId', 'getDream'),
    route('PATCH', '/workspace/dreams/:documentId', 'updateDream'),
    route('POST', '/workspace/dreams/:documentId/referrals', 'addReferral'),
    route('PATCH', '/workspace/referrals/:documentId', 'updateReferral'),
    route('DELETE', '/workspace/referrals/:documentId', 'removeReferral'),
    route('POST', '/workspace/referrals/:documentId/provider-link', 'notifyProvider'),
    route('DELETE', '/workspace/referrals/:documentId/provider-link', 'revokeProviderLink'),
    route('GET', '/workspace/contacts', 'contacts'),
    route('GET', '/workspace/follow-ups', 'followUps'),
    route('GET', '/workspace/reports', 'reports'),
    route('POST', '/workspace/dreams/:documentId/family-link', 'issueFamilyLink'),
    route('DELETE', '/workspace/dreams/:documentId/family-link', 'revokeFamilyLink'),
    route('GET', '/workspace/family/:token', 'familyView'),
    route('POST', '/workspace/family/:token/answers', 'familyAnswer'),
  ],
};
