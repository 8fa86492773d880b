import { describe, expect, it } from 'vitest';
import {
  amsterdamToIso,
  emptyManualDream,
  isoToAmsterdam,
  manualChannels,
  readConversation,
  readDetails,
  readManualDream,
  readWorkspaceForm,
  todayInAmsterdam,
  validateManualDream,
} from './forms.ts';

const NOW = new Date('2027-03-15T12:00:00Z');

describe('reading a workspace form post', () => {
  const post = (body: string, type = 'application/x-www-form-urlencoded') =>
    new Request('http://site.test/nl/werkplek', { method: 'POST', headers: { 'content-type': type }, body });

  it('reads an urlencoded form', async () => {
    const form = await readWorkspaceForm(post('_action=assign&dream=abc'), 1024);
    expect(form?.get('_action')).toBe('assign');
    expect(form?.get('dream')).toBe('abc');
  });

  it('refuses a body over the limit without reading it all', async () => {
    expect(await readWorkspaceForm(post(`notes=${'x'.repeat(5000)}`), 1024)).toBeNull();
  });

  it('reads multipart forms too', async () => {
    const data = new FormData();
    data.set('email', 'c@droomkaart.test');
    const req = new Request('http://site.test/nl/werkplek', { method: 'POST', body: data });
    const form = await readWorkspaceForm(req, 4096);
    expect(form?.get('email')).toBe('c@droomkaart.test');
  });

  it('keeps the boundary as sent (browsers use upper case in it)', async () => {
    const body =
      '------WebKitFormBoundaryAbC\r\nContent-Disposition: form-data; name="email"\r\n\r\nc@droomkaart.test\r\n------WebKitFormBoundaryAbC--\r\n';
    const form = await readWorkspaceForm(post(body, 'multipart/form-data; boundary=----WebKitFormBoundaryAbC'), 4096);
    expect(form?.get('email')).toBe('c@droomkaart.test');
  });

  it('reads a body that is not the multipart it claims to be as an empty form', async () => {
    for (const type of ['multipart/form-data; boundary=x', 'multipart/form-data']) {
      const form = await readWorkspaceForm(post('this is not multipart', type), 4096);
      expect(form?.toString()).toBe('');
    }
  });
});

describe('manual entry of a dream', () => {
  const values = (over: Record<string, string | string[]> = {}) =>
    readManualDream(
      new URLSearchParams({
        ...{
          channel: 'brievenbus',
          receivedAt: '2027-03-10',
          edition: 'kind',
          dream: 'Ik wil piloot worden',
          firstName: 'Noor',
          age: '10',
          phone: '06 12345678',
        },
        ...(over as Record<string, string>),
      }),
    );

  it('offers every channel except the website', () => {
    expect(manualChannels).not.toContain('website');
    expect(manualChannels).toContain('brievenbus');
    expect(manualChannels).toContain('whatsapp');
  });

  it('checks with the letterbox schema and sends the cms a clean dream', () => {
    const result = validateManualDream(values(), NOW);
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        edition: 'kind',
        firstName: 'Noor',
        age: 10,
        dream: 'Ik wil piloot worden',
        phone: '+31612345678',
        channel: 'brievenbus',
        receivedAt: '2027-03-10',
        needPicks: [],
      }),
    });
  });

  it('says which fields are wrong, with the letterbox keys and its own', () => {
    const result = validateManualDream(
      values({ channel: 'website', receivedAt: '2027-04-01', phone: '123', firstName: '' }),
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      channel: 'workspace.ui.error.channel',
      receivedAt: 'workspace.ui.error.receivedAt',
      phone: 'dream.error.phone',
      firstName: 'dream.error.firstName.required',
    });
  });

  it('refuses dates that are no dates or more than a year old', () => {
    for (const receivedAt of ['2027-02-30', '15-03-2027', '2025-01-01']) {
      const result = validateManualDream(values({ receivedAt }), NOW);
      expect(result.ok ? null : result.errors.receivedAt, receivedAt).toBe('workspace.ui.error.receivedAt');
    }
    expect(validateManualDream(values({ receivedAt: '' }), NOW).ok).toBe(true);
  });

  it('starts empty with the 0-12 edition', () => {
    expect(emptyManualDream()).toMatchObject({ edition: 'kind', channel: '', receivedAt: '', needPicks: [] });
  });
});

describe('times in Amsterdam', () => {
  it('turns a date and time into the right moment in winter and in summer', () => {
    expect(amsterdamToIso('2027-01-15', '15:30')).toBe('2027-01-15T14:30:00.000Z');
    expect(amsterdamToIso('2027-07-15', '15:30')).toBe('2027-07-15T13:30:00.000Z');
    // The night the clocks go forward (28 March 2027, 02:00 → 03:00).
    expect(amsterdamToIso('2027-03-28', '09:00')).toBe('2027-03-28T07:00:00.000Z');
    expect(amsterdamToIso('2027-03-27', '23:30')).toBe('2027-03-27T22:30:00.000Z');
  });

  it('refuses what is not a date or time', () => {
    expect(amsterdamToIso('2027-02-30', '10:00')).toBeNull();
    expect(amsterdamToIso('2027-02-10', '25:00')).toBeNull();
    expect(amsterdamToIso('', '')).toBeNull();
  });

  it('reads a moment back as the form shows it', () => {
    expect(isoToAmsterdam('2027-07-15T13:30:00.000Z')).toEqual({ date: '2027-07-15', time: '15:30' });
    expect(isoToAmsterdam(null)).toEqual({ date: '', time: '' });
    expect(todayInAmsterdam(new Date('2027-03-15T23:30:00Z'))).toBe('2027-03-16');
  });
});

describe('the conversation view forms', () => {
  it('plans a conversation', () => {
    const r = readConversation(
      new URLSearchParams({
        date: '2027-03-20',
        time: '10:00',
        kind: 'bibliotheek',
        place: 'Nieuwe Bibliotheek, Stadhuisplein',
      }),
      NOW,
    );
    expect(r.errors).toEqual({});
    expect(r.conversation).toEqual({
      at: '2027-03-20T09:00:00.000Z',
      kind: 'bibliotheek',
      place: 'Nieuwe Bibliotheek, Stadhuisplein',
    });
  });

  it('keeps what was typed and says what is missing', () => {
    const r = readConversation(
      new URLSearchParams({ date: '2027-03-01', time: '10:00', kind: 'cafe', place: '' }),
      NOW,
    );
    expect(r.conversation).toBeUndefined();
    expect(r.values).toEqual({ date: '2027-03-01', time: '10:00', kind: 'cafe', place: '' });
    expect(r.errors).toEqual({
      date: 'workspace.ui.error.past',
      kind: 'workspace.ui.error.kind',
      place: 'workspace.ui.error.place',
    });
  });

  it('records "niet verteld" as nothing, and yes/no as true/false', () => {
    expect(
      readDetails(new URLSearchParams({ followUpDate: '', notes: '  ', incomeSource: '', earlierHelp: '' })).patch,
    ).toEqual({ followUpDate: null, notes: null, incomeSource: null, earlierHelp: null });
    expect(
      readDetails(
        new URLSearchParams({
          followUpDate: '2027-04-01',
          notes: 'Belt terug',
          incomeSource: 'werk',
          earlierHelp: 'nee',
        }),
      ).patch,
    ).toEqual({
      followUpDate: '2027-04-01',
      notes: 'Belt terug',
      incomeSource: 'werk',
      earlierHelp: false,
    });
    expect(readDetails(new URLSearchParams({ incomeSource: '1500 euro', followUpDate: 'morgen' })).errors).toEqual({
      incomeSource: 'workspace.error.invalid',
      followUpDate: 'workspace.ui.error.date',
    });
  });
});
