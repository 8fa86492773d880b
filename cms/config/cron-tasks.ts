import { runFreshnessCheck } from '../src/freshness/job';

export default {
  // Every night: remind partners, mark stale offers, unpublish expired ones.
  freshness: {
    task: ({ strapi }) => runFreshnessCheck(strapi),
    options: { rule: '15 3 * * *', tz: 'Europe/Amsterdam' },
  },
};
