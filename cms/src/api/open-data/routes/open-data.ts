// Open data (Open Referral HSDS 3.0): public and read-only, no token needed. See the cms README.
const open = { auth: false as const };

export default {
  routes: [
    { method: 'GET', path: '/hsds', handler: 'open-data.root', config: open },
    { method: 'GET', path: '/hsds/openapi.json', handler: 'open-data.openapi', config: open },
    { method: 'GET', path: '/hsds/services', handler: 'open-data.services', config: open },
    { method: 'GET', path: '/hsds/services/:id', handler: 'open-data.service', config: open },
    { method: 'GET', path: '/hsds/organizations', handler: 'open-data.organizations', config: open },
    { method: 'GET', path: '/hsds/organizations/:id', handler: 'open-data.organization', config: open },
    { method: 'GET', path: '/hsds/service_at_locations', handler: 'open-data.servicesAtLocations', config: open },
    { method: 'GET', path: '/hsds/service_at_locations/:id', handler: 'open-data.serviceAtLocation', config: open },
    { method: 'GET', path: '/hsds/taxonomies', handler: 'open-data.taxonomies', config: open },
    { method: 'GET', path: '/hsds/taxonomies/:id', handler: 'open-data.taxonomy', config: open },
    { method: 'GET', path: '/hsds/taxonomy_terms', handler: 'open-data.taxonomyTerms', config: open },
    { method: 'GET', path: '/hsds/taxonomy_terms/:id', handler: 'open-data.taxonomyTerm', config: open },
  ],
};
