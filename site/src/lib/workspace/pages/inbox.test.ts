import { describe, expect, it } from 'vitest';
import { WorkspaceApiError, type WorkspaceUser } from '../api.ts';
import { handleInboxAction, handleSignIn } from './inbox.ts';

const user = (can: WorkspaceUser['can']): WorkspaceUser => ({
  email: 'c@droomkaart.test',
  firstname: 'Cor',
  lastname: null,
  role: 'coordinator',
  can,
});
const session = (can: WorkspaceUser['can']) => ({ session: 's1', expiresAt: '2027-03-16T00:00:00Z', user: user(can) });
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('signing in to the workspace', () => {
  it('signs in and goes to the page asked for, a policy adviser to the reports', async () => {
    const sent: unknown[] = [];
    const coordinator = {
      signIn: async (...args: unknown[]) => (sent.push(args), session({ dreams: true, reports: true })),
    };
    expect(
      await handleSignIn(
        form({ email: ' c@droomkaart.test ', password: 'pw', next: '/nl/werkplek/nieuw' }),
        coordinator,
        { address: '10.0.0.1', device: null },
        'nl',
      ),
    ).toMatchObject({ session: { session: 's1' }, target: '/nl/werkplek/nieuw' });
    expect(sent).toEqual([['c@droomkaart.test', 'pw', { address: '10.0.0.1', device: null }]]);
    const adviser = { signIn: async () => session({ dreams: false, reports: true }) };
    expect(await handleSignIn(form({ email: 'p@droomkaart.test', password: 'pw' }), adviser, {}, 'nl')).toMatchObject({
      target: '/nl/werkplek/rapportage',
    });
  });

  it('never sends the browser to another site after signing in', async () => {
    const api = { signIn: async () => session({ dreams: true, reports: false }) };
    const outcome = await handleSignIn(
      form({ email: 'c@droomkaart.test', password: 'pw', next: 'https://elders.test/' }),
      api,
      {},
      'nl',
    );
    expect('target' in outcome && outcome.target.startsWith('/nl/')).toBe(true);
  });

  it('asks for what is missing without asking the cms', async () => {
    const api = { signIn: async () => expect.unreachable() };
    expect(await handleSignIn(form({ email: '', password: 'pw' }), api, {}, 'nl')).toMatchObject({
      signIn: { email: '', error: { status: 400, key: 'workspace.ui.signIn.missing', field: 'email' } },
    });
    expect(await handleSignIn(form({ email: 'c@droomkaart.test' }), api, {}, 'nl')).toMatchObject({
      signIn: { email: 'c@droomkaart.test', error: { field: 'password' } },
    });
  });

  it("shows the cms's refusal with the e-mail address kept", async () => {
    const api = {
      signIn: async () => Promise.reject(new WorkspaceApiError(429, 'workspace.error.tooManyAttempts', null, 60)),
    };
    expect(await handleSignIn(form({ email: 'c@droomkaart.test', password: 'x' }), api, {}, 'nl')).toMatchObject({
      signIn: { email: 'c@droomkaart.test', error: { status: 429, retryAfterSeconds: 60 } },
    });
  });
});

describe("the inbox's buttons", () => {
  const fakeApi = (fail?: WorkspaceApiError) => {
    const calls: unknown[][] = [];
    const call =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push([name, ...args]);
        if (fail) throw fail;
        return {} as never;
      };
    return { calls, api: { updateDream: call('updateDream'), updateReferral: call('updateReferral') } };
  };

  it('takes a dream, checks or stops a referral', async () => {
    const { calls, api } = fakeApi();
    expect(await handleInboxAction('assign', form({ dream: 'd1' }), api)).toEqual({
      done: 'assigned',
      anchor: 'dreams',
    });
    expect(await handleInboxAction('check', form({ referral: 'r1' }), api)).toEqual({
      done: 'checked',
      anchor: 'follow-ups',
    });
    expect(await handleInboxAction('stopped', form({ referral: 'r1' }), api)).toEqual({
      done: 'stopped',
      anchor: 'follow-ups',
    });
    expect(calls).toEqual([
      ['updateDream', 'd1', { assign: 'me' }],
      ['updateReferral', 'r1', { checked: true }],
      ['updateReferral', 'r1', { status: 'gestopt' }],
    ]);
  });

  it("refuses an unknown button, passes on the cms's refusal and notices a lost session", async () => {
    expect(await handleInboxAction('delete', form({}), fakeApi().api)).toMatchObject({
      error: { status: 400, key: 'workspace.error.invalid' },
    });
    expect(
      await handleInboxAction(
        'assign',
        form({ dream: 'd1' }),
        fakeApi(new WorkspaceApiError(409, 'workspace.error.taken')).api,
      ),
    ).toMatchObject({ error: { status: 409 } });
    expect(
      await handleInboxAction(
        'assign',
        form({ dream: 'd1' }),
        fakeApi(new WorkspaceApiError(401, 'workspace.error.unauthorised')).api,
      ),
    ).toEqual({ signedOut: true });
  });
});
