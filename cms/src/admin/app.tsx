import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { DuplicatesPanel } from './duplicates';

type Props = { model: string; documentId?: string; document?: { lastReviewedAt?: string | null } };

/**
 * "Klopt nog": one click for a partner to say the activity is still right. It records today's date
 * as the last review (shown on the site) without publishing anything else.
 */
const ReviewedAction = ({ model, documentId }: Props) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  if (model !== 'api::activity.activity' || !documentId) return null;
  return {
    label: 'Klopt nog',
    position: 'panel' as const,
    variant: 'secondary' as const,
    onClick: async () => {
      try {
        const { data } = await post(`/droomkaart/activities/${documentId}/reviewed`);
        const date = new Date(data.data.lastReviewedAt).toLocaleDateString('nl-NL', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        });
        toggleNotification({ type: 'success', message: `Dank je! Gecontroleerd op ${date}.` });
      } catch {
        toggleNotification({ type: 'danger', message: 'Dat lukte niet. Probeer het opnieuw.' });
      }
      return true;
    },
  };
};

const ListIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
    <path d="M2 3h2v2H2zM6 3h8v2H6zM2 7h2v2H2zM6 7h8v2H6zM2 11h2v2H2zM6 11h8v2H6z" />
  </svg>
);

export default {
  config: { locales: ['nl'] },
  register(app: { addMenuLink: (link: unknown) => void }) {
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
  bootstrap(app: {
    getPlugin: (name: string) => {
      apis: {
        addDocumentAction: (reducer: (actions: unknown[]) => unknown[]) => void;
        addEditViewSidePanel: (panels: unknown[]) => void;
      };
    };
  }) {
    const contentManager = app.getPlugin('content-manager').apis;
    contentManager.addDocumentAction((actions) => [...actions, ReviewedAction]);
    contentManager.addEditViewSidePanel([DuplicatesPanel]);
  },
};
