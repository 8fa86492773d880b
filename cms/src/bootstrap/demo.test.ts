import { describe, expect, it } from 'vitest';
import { demoSettings } from './demo';

describe('demoSettings', () => {
  it('seeds what development asks for', () => {
    expect(demoSettings({ SEED_DEMO_DATA: 'true', DEMO_ACCOUNTS: 'true', SEED_ACTIVITY_COUNT: '40' })).toEqual({
      content: true,
      dreams: true,
      accounts: true,
      activityCount: 40,
      ignored: [],
    });
    expect(demoSettings({ SEED_DEMO_DATA: 'true', SEED_DEMO_DREAMS: 'false' })).toMatchObject({
      content: true,
      dreams: false,
      accounts: false,
    });
    expect(demoSettings({})).toMatchObject({ content: false, dreams: false, accounts: false });
  });

  it('never seeds in production, and names what it ignored', () => {
    expect(
      demoSettings({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true', DEMO_ACCOUNTS: 'true', SEED_DEMO_DREAMS: 'true' }),
    ).toEqual({
      content: false,
      dreams: false,
      accounts: false,
      activityCount: undefined,
      ignored: ['SEED_DEMO_DATA', 'DEMO_ACCOUNTS'],
    });
  });
});
