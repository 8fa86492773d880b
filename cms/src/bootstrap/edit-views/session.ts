import type { EditView } from './types';

/** One weekly session of an activity (component schedule.session). */
export const sessionEditView: EditView = {
  kind: 'components',
  uid: 'schedule.session',
  fields: {
    day: { label: 'Dag', description: 'ma = maandag, di = dinsdag, enzovoort.' },
    startTime: { label: 'Begintijd' },
    endTime: { label: 'Eindtijd' },
  },
  rows: [
    [
      ['day', 4],
      ['startTime', 4],
      ['endTime', 4],
    ],
  ],
  hidden: [],
};
