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
      revokeFamilyLink: call('revokeFamilyLink'),
      notifyProvider: call('notifyProvider'),
      revokeProviderLink: call('revokeProviderLink'),
    },
  };
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("the posts on a dream's page", () => {
  it('takes a dream out of its family, or puts it in another one, and goes back to the family', async () => {
    const { calls, api } = fakeApi();
    expect(await handleDreamAction(form({ _action: 'family-none' }), api, 'd1')).toEqual({
      done: 'family',
      anchor: 'family',
    });
    expect(
      await handleDreamAction(form({ _action: 'family-join', familyOther: '/nl/werkplek/dromen/d2' }), api, 'd1'),
    ).toEqual({ done: 'family', anchor: 'family' });
    expect(calls).toEqual([
      ['updateDream', 'd1', { family: 'none' }],
      ['updateDream', 'd1', { family: 'd2' }],
    ]);
    const nothing = await handleDreamAction(form({ _action: 'family-join' }), api, 'd1');
    expect(nothing).toMatchObject({
      error: { action: 'family-join', key: 'workspace.ui.family.error.choose', field: 'family' },
      status: 400,
    });
    expect(calls).toHaveLength(2);
  });

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

  it('closes with the chosen outcome, and sends no outcome with another status', async () => {
    const { calls, api } = fakeApi();
    await handleDreamAction(form({ _action: 'status', status: 'afgerond', outcome: 'geen-plek' }), api, 'd1');
    await handleDreamAction(form({ _action: 'status', status: 'nazorg', outcome: 'geen-plek' }), api, 'd1');
    await handleDreamAction(form({ _action: 'outcome', outcome: 'geholpen' }), api, 'd1');
    expect(calls).toEqual([
      ['updateDream', 'd1', { status: 'afgerond', outcome: 'geen-plek' }],
      ['updateDream', 'd1', { status: 'nazorg' }],
      ['updateDream', 'd1', { outcome: 'geholpen' }],
    ]);
  });

  it("shows the cms's refusal of a close without outcome at the status form, field outcome", async () => {
    const { api } = fakeApi(new WorkspaceApiError(400, 'workspace.error.outcome.required', 'outcome'));
    const outcome = await handleDreamAction(form({ _action: 'status', status: 'afgerond', note: 'Klaar' }), api, 'd1');
    expect(outcome).toMatchObject({
      error: { action: 'status', key: 'workspace.error.outcome.required', field: 'outcome' },
      status: 400,
      statusNote: 'Klaar',
    });
  });

  it('saves a funding step on the referral, and names the referral a refusal belongs to', async () => {
    const { calls, api } = fakeApi();
    expect(
      await handleDreamAction(
        form({
          _action: 'funding',
          referral: 'r1',
          scheme: 'jeugdfonds-sport-cultuur',
          appliedBy: ' Wijkteam Haven ',
          fundingStatus: 'aangevraagd',
          season: '2026-2027',
        }),
        api,
        'd1',
      ),
    ).toEqual({ done: 'funding', anchor: 'referral-r1' });
    expect(calls).toEqual([
      [
        'updateReferral',
        'r1',
        {
          funding: {
            scheme: 'jeugdfonds-sport-cultuur',
            appliedBy: 'Wijkteam Haven',
            status: 'aangevraagd',
            season: '2026-2027',
          },
        },
      ],
    ]);
    const refused = fakeApi(new WorkspaceApiError(400, 'workspace.error.funding.appliedBy', 'funding.appliedBy'));
    expect(
      await handleDreamAction(form({ _action: 'funding', referral: 'r2', appliedBy: '' }), refused.api, 'd1'),
    ).toMatchObject({
      error: {
        action: 'funding',
        key: 'workspace.error.funding.appliedBy',
        field: 'funding.appliedBy',
        referral: 'r2',
      },
    });
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

  it("works on the family's side: revoke the link, called back, whose phone", async () => {
    const { calls, api } = fakeApi();
    expect(await handleDreamAction(form({ _action: 'familyRevoke' }), api, 'd1')).toEqual({
      done: 'familyLinkRevoked',
      anchor: 'family-link',
    });
    expect(await handleDreamAction(form({ _action: 'calledBack' }), api, 'd1')).toEqual({
      done: 'details',
      anchor: 'family-link',
    });
    expect(await handleDreamAction(form({ _action: 'phoneOwner', phoneOwner: 'kind' }), api, 'd1')).toEqual({
      done: 'details',
      anchor: 'family-link',
    });
    expect(await handleDreamAction(form({ _action: 'phoneOwner', phoneOwner: 'oma' }), api, 'd1')).toMatchObject({
      status: 400,
      error: { action: 'phoneOwner', key: 'workspace.error.invalid' },
    });
    expect(calls).toEqual([
      ['revokeFamilyLink', 'd1'],
      ['updateDream', 'd1', { calledBack: true }],
      ['updateDream', 'd1', { phoneOwner: 'kind' }],
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
