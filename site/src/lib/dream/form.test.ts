import { describe, expect, it } from 'vitest';
import {
  displayPhone,
  emptyDreamValues,
  normaliseAge,
  readDreamJson,
  readDreamPost,
  stepOf,
  validateDream,
  type DreamFormValues,
} from './form.ts';

const filled = (over: Partial<DreamFormValues> = {}): DreamFormValues => ({
  ...emptyDreamValues(),
  dream: 'Ik wil dierenarts worden',
  firstName: 'Sem',
  age: '9',
  phone: '06-1234 5678',
  ...over,
});

describe('the letterbox form', () => {
  it('reads a posted form, keeping what was typed and every pick once', () => {
    const body = new URLSearchParams(
      'dream=Kok&needPicks=fiets&needPicks=fiets&needPicks=laptop&firstName=Aya&age=8&phone=0612345678&edition=kind&t=tok&website=',
    );
    const post = readDreamPost(body);
    expect(post.values).toMatchObject({
      dream: 'Kok',
      needPicks: ['fiets', 'laptop'],
      firstName: 'Aya',
      age: '8',
      phone: '0612345678',
      need: '',
      email: '',
    });
    expect(post).toMatchObject({ edition: 'kind', token: 'tok', honeypot: '' });
  });

  it('does not echo a huge value back in full', () => {
    const post = readDreamPost(new URLSearchParams({ firstName: 'x'.repeat(5000) }));
    expect(post.values.firstName.length).toBeLessThan(300);
  });

  it('reads the island check as JSON', () => {
    expect(readDreamJson({ phone: '0612', needPicks: ['fiets'], edition: 'jong' })).toMatchObject({
      values: { phone: '0612', needPicks: ['fiets'] },
      edition: 'jong',
    });
    expect(readDreamJson(null).values).toEqual(emptyDreamValues());
  });

  it('accepts a filled-in dream with the shared schema, the phone as E.164', () => {
    const result = validateDream(
      filled({ needPicks: ['fiets', 'not-a-pick'], wijk: 'muziekwijk', preferredLanguage: 'ar' }),
      'kind',
    );
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        edition: 'kind',
        age: 9,
        phone: '+31612345678',
        needPicks: ['fiets'],
        wijk: 'muziekwijk',
        preferredLanguage: 'ar',
      }),
    });
  });

  it('names the problem of each field with an i18n key', () => {
    const result = validateDream(
      filled({ dream: '', firstName: '', age: '', phone: '12345', email: 'nee', wijk: 'mars' }),
      'kind',
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        dream: 'dream.error.dream.required',
        firstName: 'dream.error.firstName.required',
        age: 'dream.error.age',
        phone: 'dream.error.phone',
        email: 'dream.error.email',
        wijk: 'dream.error.wijk',
      },
    });
    expect(validateDream(filled({ phone: '' }), 'kind')).toMatchObject({
      errors: { phone: 'dream.error.phone.required' },
    });
    expect(validateDream(filled({ dream: 'x'.repeat(501) }), 'kind')).toMatchObject({
      errors: { dream: 'dream.error.dream.tooLong' },
    });
  });

  it('reads ages as people type them', () => {
    expect(normaliseAge('')).toBeUndefined();
    expect(normaliseAge(' 9 ')).toBe('9');
    expect(normaliseAge('9 jaar')).toBe('9');
    expect(normaliseAge('١٢')).toBe('12');
    expect(normaliseAge('negen')).toBe('negen');
    expect(validateDream(filled({ age: '0' }), 'kind').ok).toBe(true);
    expect(validateDream(filled({ age: '19' }), 'kind').ok).toBe(false);
  });

  it('knows the step of each field and shows numbers back as people write them', () => {
    expect(['dream', 'needPicks', 'wijk', 'email'].map(stepOf)).toEqual([0, 1, 2, 3]);
    expect(displayPhone('+31612345678')).toBe('06 12345678');
    expect(displayPhone('+32470123456')).toBe('+32470123456');
  });
});
