import { describe, expect, it } from 'vitest';
import { WorkspaceApiError } from '../api.ts';
import { handleDreamAction } from './dream.ts';

/** A stand-in for the cms: records each call, or fails them all with `fail`. */
function fakeApi(fail?: WorkspaceApiError) {
  const calls: [string, ...unknown[]][] = [];
  const call =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      if (fail) throw fail;
      return {} as never;
    };
  return {
    calls,
    api: {
      updateDream: call('updateDream'),
      addReferral: call('addReferral'),
      updateReferral: call('updateReferral'),
      removeReferral: call('removeReferral'),
      notifyProvider: call('notifyProvider'),
      revokeProviderLink: call('revokeProviderLink'),
    },
  };
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("the posts on a dream's page", () => {
  it('tells the provider, withdraws the link and records the phone consent', async () => {
    const { calls, api } = fakeApi();
    expect(await handleDreamAction(form({ _action: 'notify-provider', referral: 'r1' }), api, 'd1')).toEqual({
      done: 'providerNotified',
      anchor: 'referral-r1',
    });
    expect(await handleDreamAction(form({ _action: 'revoke-provider', referral: 'r1' }), api, 'd1')).toEqual({
      done: 'providerRevoked',
      anchor: 'referral-r1',
    });
    await handleDreamAction(form({ _action: 'phone-consent', share: 'ja' }), api, 'd1');
    await handleDreamAction(form({ _action: 'phone-consent', share: 'nee' }), api, 'd1');
    expect(calls).toEqual([
      ['notifyProvider', 'r1'],
      ['revokeProviderLink', 'r1'],
      ['updateDream', 'd1', { phoneShareConsent: true }],
      ['updateDream', 'd1', { phoneShareConsent: false }],
    ]);
  });

  it('keeps the referral with a refused notice, for the message at its place', async () => {
    const { api } = fakeApi(new WorkspaceApiError(409, 'workspace.error.provider.noContact', 'contactId'));
    expect(await handleDreamAction(form({ _action: 'notify-provider', referral: 'r1' }), api, 'd1')).toMatchObject({
      error: { action: 'notify-provider', key: 'workspace.error.provider.noContact', referral: 'r1' },
      status: 409,
    });
  });

  it('changes the status with the note and goes back to the status', async () => {
    const { calls, api } = fakeApi();
    expect(
      await handleDreamAction(form({ _action: 'status', status: 'gesprek', note: ' Gebeld ' }), api, 'd1'),
    ).toEqual({ done: 'status', anchor: 'status' });
    expect(calls).toEqual([['updateDream', 'd1', { status: 'gesprek', note: 'Gebeld' }]]);
  });

  it('takes, releases and records consent', async () => {
    const { calls, api } = fakeApi();
    expect(await handleDreamAction(form({ _action: 'assign' }), api, 'd1')).toEqual({
      done: 'assigned',
      anchor: 'status',
    });
    expect(await handleDreamAction(form({ _action: 'release' }), api, 'd1')).toEqual({
      done: 'released',
      anchor: 'status',
    });
    expect(await handleDreamAction(form({ _action: 'consent' }), api, 'd1')).toEqual({
      done: 'consent',
      anchor: 'consent',
    });
    expect(calls.map((c) => c[2])).toEqual([{ assign: 'me' }, { assign: 'none' }, { consent: true }]);
  });

  it('works on the shortlist: add, status, contact person (a number or none), remove', async () => {
    const { calls, api } = fakeApi();
    expect(await handleDreamAction(form({ _action: 'shortlist', activity: 'a1' }), api, 'd1')).toEqual({
      done: 'shortlisted',
      anchor: 'shortlist',
    });
    expect(
      await handleDreamAction(form({ _action: 'referral', referral: 'r1', status: 'aangemeld' }), api, 'd1'),
    ).toEqual({ done: 'referral', anchor: 'referral-r1' });
    await handleDreamAction(form({ _action: 'contact', referral: 'r1', contact: '42' }), api, 'd1');
    await handleDreamAction(form({ _action: 'contact', referral: 'r1', contact: 'x' }), api, 'd1');
    expect(await handleDreamAction(form({ _action: 'remove', referral: 'r1' }), api, 'd1')).toEqual({
      done: 'removed',
      anchor: 'shortlist',
    });
    expect(calls).toEqual([
      ['addReferral', 'd1', 'a1'],
      ['updateReferral', 'r1', { status: 'aangemeld' }],
      ['updateReferral', 'r1', { contactId: 42 }],
      ['updateReferral', 'r1', { contactId: null }],
      ['removeReferral', 'r1'],
    ]);
  });

  it('keeps what was typed in a conversation that does not check, without asking the cms', async () => {
    const { calls, api } = fakeApi();
    const outcome = await handleDreamAction(
      form({ _action: 'conversation', date: '2027-02-30', time: '10:00', kind: 'thuis', place: 'Bij Noor' }),
      api,
      'd1',
    );
    expect(outcome).toMatchObject({
      status: 400,
      error: { action: 'conversation', key: 'workspace.ui.error.fields' },
      conversationValues: { date: '2027-02-30', place: 'Bij Noor' },
    });
    expect(calls).toEqual([]);
  });

  it('keeps the status note when the cms refuses the change, with its status and key', async () => {
    const { api } = fakeApi(new WorkspaceApiError(409, 'workspace.error.transition'));
    const outcome = await handleDreamAction(
      form({ _action: 'status', status: 'gestart', note: 'Eerste les' }),
      api,
      'd1',
    );
    expect(outcome).toMatchObject({
      status: 409,
      error: { action: 'status', key: 'workspace.error.transition' },
      statusNote: 'Eerste les',
    });
  });

  it('names the referral a refusal belongs to', async () => {
    const { api } = fakeApi(new WorkspaceApiError(400, 'workspace.error.invalid'));
    expect(await handleDreamAction(form({ _action: 'remove', referral: 'r9' }), api, 'd1')).toMatchObject({
      status: 400,
      error: { action: 'remove', referral: 'r9' },
    });
  });

  it('refuses an unknown action and a post over the size limit', async () => {
    const { calls, api } = fakeApi();
    expect(await handleDreamAction(form({ _action: 'delete-everything' }), api, 'd1')).toMatchObject({
      status: 400,
      error: { key: 'workspace.error.invalid' },
    });
    expect(await handleDreamAction(null, api, 'd1')).toMatchObject({
      status: 413,
      error: { action: '', key: 'workspace.ui.error.tooLarge' },
    });
    expect(calls).toEqual([]);
  });

  it('says signed out when the cms no longer knows the session', async () => {
    const { api } = fakeApi(new WorkspaceApiError(401, 'workspace.error.unauthorised'));
    expect(await handleDreamAction(form({ _action: 'assign' }), api, 'd1')).toEqual({ signedOut: true });
  });
});
