import { DuplicatesPanel } from './duplicates';
import { FreshnessPanel } from './freshness-panel';
import { registerFields } from './fields/register';

const ListIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
    <path d="M2 3h2v2H2zM6 3h8v2H6zM2 7h2v2H2zM6 7h8v2H6zM2 11h2v2H2zM6 11h8v2H6z" />
  </svg>
);

/** Strapi keeps the admin's language here; the account's own choice (its profile) overrides it at sign-in. */
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['nl'],
    // Strapi's Dutch, where it speaks of Strapi instead of the platform.
    translations: {
      nl: {
        'Auth.form.welcome.title': 'Welkom bij Droomkaart',
        'Auth.form.welcome.subtitle': 'Log in met je account',
      },
    },
  },
  register(app: Parameters<typeof registerFields>[0] & { addMenuLink: (link: unknown) => void }) {
    // Dutch until someone picks English: also the sign-in page, before an account is known.
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'nl');
    registerFields(app);
    app.addMenuLink({
      to: 'overzicht',
      icon: ListIcon,
      intlLabel: { id: 'droomkaart.overview', defaultMessage: 'Overzicht aanbod' },
      Component: () => import('./overview'),
      permissions: [],
    });
    app.addMenuLink({
      to: 'nieuwe-partners',
      icon: ListIcon,
      intlLabel: { id: 'droomkaart.approvals', defaultMessage: 'Nieuwe partners' },
      Component: () => import('./approvals'),
      permissions: [],
    });
  },
  bootstrap(app: { getPlugin: (name: string) => { apis: { addEditViewSidePanel: (panels: unknown[]) => void } } }) {
    // Completeness, last check and "Klopt nog" beside the activity's form, not in the ⋯ menu; and
    // "Bestaat dit al?" beside a new activity's or place's (src/duplicates).
    app.getPlugin('content-manager').apis.addEditViewSidePanel([FreshnessPanel, DuplicatesPanel]);
  },
};
