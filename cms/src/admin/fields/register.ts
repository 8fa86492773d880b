/**
 * The cms's own input fields (custom fields, stored as JSON like before), so partners never meet a
 * JSON editor. The server registers the same names (src/custom-fields.ts).
 */
export function registerFields(app: { customFields: { register: (fields: unknown[]) => void } }) {
  app.customFields.register([
    {
      name: 'checklist',
      type: 'json',
      intlLabel: { id: 'droomkaart.checklist.label', defaultMessage: 'Keuzelijst' },
      intlDescription: { id: 'droomkaart.checklist.description', defaultMessage: 'Kies een of meer.' },
      components: { Input: async () => import('./checklist') },
    },
    {
      name: 'date-list',
      type: 'json',
      intlLabel: { id: 'droomkaart.date-list.label', defaultMessage: 'Lijst van dagen' },
      intlDescription: { id: 'droomkaart.date-list.description', defaultMessage: 'Een of meer dagen.' },
      components: { Input: async () => import('./date-list') },
    },
  ]);
}
