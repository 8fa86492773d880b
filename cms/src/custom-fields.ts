import type { Core } from '@strapi/strapi';

/**
 * The cms's own input fields, stored as JSON (the database and the APIs see a JSON list, as
 * before): `global::checklist` (choices from a vocabulary, e.g. talen and toegankelijkheid) and
 * `global::date-list` (days, e.g. the days an activity does not take place). Their inputs are in
 * src/admin/fields; partners never meet a JSON editor.
 */
export function registerCustomFields(strapi: Core.Strapi) {
  strapi.customFields.register([
    { name: 'checklist', type: 'json' },
    { name: 'date-list', type: 'json' },
  ]);
}
