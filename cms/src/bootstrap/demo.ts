// Demo content and demo sign-ins: development and test stacks only. In production
// (NODE_ENV=production) the flags are ignored, whatever they say: no demo activities, contact persons,
// fictional dreams or known passwords may ever reach a real database.

type Env = Record<string, string | undefined>;

export type DemoSettings = {
  /** Demo organisations, places, activities, letterboxes and contact persons. */
  content: boolean;
  /** About 80 fictional dreams with referrals (needs content). */
  dreams: boolean;
  /** The demo sign-ins of the README, with DEMO_PASSWORD. */
  accounts: boolean;
  activityCount: number | undefined;
  /** The flags that asked for demo data in production and were ignored (for the log). */
  ignored: string[];
};

/** Pure: what the cms seeds at start, read once from the environment. */
export function demoSettings(env: Env): DemoSettings {
  const asked = { SEED_DEMO_DATA: env.SEED_DEMO_DATA === 'true', DEMO_ACCOUNTS: env.DEMO_ACCOUNTS === 'true' };
  if (env.NODE_ENV === 'production') {
    return {
      content: false,
      dreams: false,
      accounts: false,
      activityCount: undefined,
      ignored: Object.keys(asked).filter((k) => asked[k as keyof typeof asked]),
    };
  }
  return {
    content: asked.SEED_DEMO_DATA,
    dreams: asked.SEED_DEMO_DATA && env.SEED_DEMO_DREAMS !== 'false',
    accounts: asked.DEMO_ACCOUNTS,
    activityCount: Number(env.SEED_ACTIVITY_COUNT) || undefined,
    ignored: [],
  };
}
