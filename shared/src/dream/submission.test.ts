import { describe, expect, it } from 'vitest';
import { DreamSubmissionSchema, dreamErrors, normalisePhone } from './submission.js';

const valid = { edition: 'kind', firstName: 'Sem', age: '9', dream: 'Ik wil dierenarts worden', phone: '06 12345678' };

describe('normalisePhone', () => {
  it('turns Dutch mobile numbers into E.164', () => {
    expect(normalisePhone('06-12345678')).toBe('+31612345678');
    expect(normalisePhone('+31 6 1234 5678')).toBe('+31612345678');
    expect(normalisePhone('0031612345678')).toBe('+31612345678');
  });

  it('refuses a landline: the programme answers by WhatsApp or SMS', () => {
    expect(normalisePhone('036 539 9999')).toBeNull();
  });

  it('accepts foreign numbers with a country code and refuses nonsense', () => {
    expect(normalisePhone('+32 470 12 34 56')).toBe('+32470123456');
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('bel me')).toBeNull();
  });
});

describe('DreamSubmissionSchema', () => {
  it('accepts a child’s dream without a parent and normalises it', () => {
    const parsed = DreamSubmissionSchema.parse({ ...valid, firstName: '  Sem ', need: '', email: '', wijk: '' });
    expect(parsed).toEqual({
      edition: 'kind',
      firstName: 'Sem',
      age: 9,
      dream: 'Ik wil dierenarts worden',
      phone: '+31612345678',
      needPicks: [],
    });
  });

  it('names each wrong field with a message key', () => {
    const result = DreamSubmissionSchema.safeParse({
      edition: 'kind',
      firstName: '',
      age: '40',
      dream: 'x'.repeat(501),
      phone: '123',
      email: 'geen-mail',
      wijk: 'atlantis',
      needPicks: ['raket'],
    });
    expect(result.success).toBe(false);
    expect(dreamErrors(result.error!)).toEqual({
      firstName: 'dream.error.firstName.required',
      age: 'dream.error.age',
      dream: 'dream.error.dream.tooLong',
      phone: 'dream.error.phone',
      email: 'dream.error.email',
      wijk: 'dream.error.wijk',
      needPicks: 'dream.error.needPicks',
    });
  });

  it('asks for a phone number when there is none', () => {
    const result = DreamSubmissionSchema.safeParse({ ...valid, phone: '' });
    expect(dreamErrors(result.error!)).toEqual({ phone: 'dream.error.phone.required' });
  });
});
