import { runFreshnessCheck } from '../src/api/activity/freshness/job';
import { anonymiseClosedDreams } from '../src/api/dream/retention';
import { oncePerSlot } from '../src/cron/once-per-slot';

// Every cms instance fires these; oncePerSlot lets one of them run each night's run (the others
// find the slot claimed in the database and skip it), so two instances send no reminder twice.
export default {
  // Every night: remind partners, mark stale activities, unpublish expired ones.
  freshness: {
    task: oncePerSlot('freshness', (strapi) => runFreshnessCheck(strapi)),
    options: { rule: '15 3 * * *', tz: 'Europe/Amsterdam' },
  },
  // Every night: anonymise dreams closed longer than DREAM_RETENTION_MONTHS ago.
  dreamRetention: {
    task: oncePerSlot('dreamRetention', (strapi) => anonymiseClosedDreams(strapi)),
    options: { rule: '45 3 * * *', tz: 'Europe/Amsterdam' },
  },
};
