import { describe, expect, it } from 'vitest';
import { WorkspaceApiError, type Dream } from '../api.ts';
import { handleNewDream, newDreamStatus } from './new-dream.ts';

const NOW = new Date('2027-03-15T12:00:00Z');
const form = (over: Record<string, string> = {}) =>
  new URLSearchParams({
    channel: 'brievenbus',
    receivedAt: '2027-03-10',
    edition: 'kind',
    dream: 'Ik wil piloot worden',
    firstName: 'Noor',
    age: '10',
    phone: '06 12345678',
    ...over,
  });
const api = (createDream: (d: unknown) => Promise<Partial<Dream>>) => ({ createDream: createDream as never });

describe('a dream typed in by a coordinator', () => {
  it('sends the cms the checked dream and answers with the new dream', async () => {
    const sent: unknown[] = [];
    const outcome = await handleNewDream(
      form(),
      api(async (d) => (sent.push(d), { documentId: 'abc123' })),
      NOW,
    );
    expect(outcome).toEqual({ created: 'abc123' });
    expect(sent).toEqual([
      expect.objectContaining({ firstName: 'Noor', phone: '+31612345678', channel: 'brievenbus' }),
    ]);
  });

  it('shows the form again with the messages and every value kept, without asking the cms', async () => {
    const outcome = await handleNewDream(
      form({ firstName: '', dream: 'Ik wil zwemmen' }),
      api(async () => expect.unreachable()),
      NOW,
    );
    if (!('values' in outcome)) throw new Error('expected the form again');
    expect(outcome.errors).toMatchObject({ firstName: 'dream.error.firstName.required' });
    expect(outcome.values).toMatchObject({ dream: 'Ik wil zwemmen', phone: '06 12345678' });
    expect(newDreamStatus(outcome)).toBe(400);
  });

  it('puts a field the cms refused at that field, anything else at the top', async () => {
    const atField = await handleNewDream(
      form(),
      api(async () => Promise.reject(new WorkspaceApiError(400, 'dream.error.phone', 'phone'))),
      NOW,
    );
    expect(atField).toMatchObject({ errors: { phone: 'dream.error.phone' }, notice: null });
    const atTop = await handleNewDream(
      form(),
      api(async () => Promise.reject(new WorkspaceApiError(400, 'workspace.error.invalid', 'secret'))),
      NOW,
    );
    expect(atTop).toMatchObject({ errors: {}, notice: { status: 400, key: 'workspace.error.invalid' } });
    if ('values' in atTop) expect(newDreamStatus(atTop)).toBe(400);
  });

  it('says signed out when the cms no longer knows the session', async () => {
    expect(
      await handleNewDream(
        form(),
        api(async () => Promise.reject(new WorkspaceApiError(401, 'workspace.error.unauthorised'))),
        NOW,
      ),
    ).toEqual({ signedOut: true });
  });

  it('refuses a post over the size limit with an empty form', async () => {
    const outcome = await handleNewDream(
      null,
      api(async () => expect.unreachable()),
      NOW,
    );
    if (!('values' in outcome)) throw new Error('expected the form again');
    expect(outcome.notice).toMatchObject({ status: 413, key: 'workspace.ui.error.tooLarge' });
    expect(newDreamStatus(outcome)).toBe(413);
  });
});
