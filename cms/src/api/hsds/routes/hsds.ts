// Open data (Open Referral HSDS 3.0): public and read-only, no token needed. See the cms README.
const open = { auth: false as const };

export default {
  routes: [
    { method: 'GET', path: '/hsds', handler: 'hsds.root', config: open },
    { method: 'GET', path: '/hsds/openapi.json', handler: 'hsds.openapi', config: open },
    { method: 'GET', path: '/hsds/services', handler: 'hsds.services', config: open },
    { method: 'GET', path: '/hsds/services/:id', handler: 'hsds.service', config: open },
    { method: 'GET', path: '/hsds/organizations', handler: 'hsds.organizations', config: open },
    { method: 'GET', path: '/hsds/organizations/:id', handler: 'hsds.organization', config: open },
  ],
};
