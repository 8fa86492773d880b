import { runFreshnessCheck } from '../src/api/activity/freshness/job';
import { anonymiseClosedDreams } from '../src/api/dream/retention';

export default {
  // Every night: remind partners, mark stale activities, unpublish expired ones.
  freshness: {
    task: ({ strapi }) => runFreshnessCheck(strapi),
    options: { rule: '15 3 * * *', tz: 'Europe/Amsterdam' },
  },
  // Every night: anonymise dreams closed longer than DREAM_RETENTION_MONTHS ago.
  dreamRetention: {
    task: ({ strapi }) => anonymiseClosedDreams(strapi),
    options: { rule: '45 3 * * *', tz: 'Europe/Amsterdam' },
  },
};
