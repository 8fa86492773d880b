import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { isPlaceholderSecret, isWeakSecret, rejectedSecrets, secretRefusal } from './secrets.js';

describe('isPlaceholderSecret', () => {
  it('knows missing values and the placeholders of .env.example and Strapi', () => {
    for (const v of [
      undefined,
      null,
      '',
      '  ',
      'change-me',
      'changeme',
      'CHANGE-ME-please',
      'tobemodified',
      'tobemodified2',
      'secret',
      'Password',
      'example',
      'example-token',
    ]) {
      expect(isPlaceholderSecret(v), String(v)).toBe(true);
    }
  });

  it('accepts real values', () => {
    for (const v of ['k8Jq2vN0xP4rT7wZ', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'my-secret-value', 'exchange-me-not'])
      expect(isPlaceholderSecret(v), v).toBe(false);
  });

  it('checks every item of a list', () => {
    expect(isPlaceholderSecret('a1,b2,c3', { list: true })).toBe(false);
    expect(isPlaceholderSecret('a1,change-me', { list: true })).toBe(true);
    expect(isPlaceholderSecret('a1,,b2', { list: true })).toBe(true);
    expect(isPlaceholderSecret('', { list: true })).toBe(true);
  });
});

describe('isWeakSecret', () => {
  it(
    'accepts what a random generator makes: 16 bytes in base64, 24 in hex, many times over',
    { timeout: 30_000 },
    () => {
      for (let i = 0; i < 40; i++) {
        for (const v of [
          randomBytes(16).toString('base64'),
          randomBytes(24).toString('hex'),
          randomBytes(32).toString('base64url'),
        ])
          expect(isWeakSecret(v), v).toBe(false);
      }
    },
  );

  it('refuses short values, words, repeats, sequences and keyboard walks', () => {
    for (const v of [
      'k8Jq2vN0xP4rT7wZ',
      'my-secret-value',
      'Droomkaart2026!Droomkaart2026!',
      'passwordpasswordpassword',
      'abcdefghijklmnopqrstuvwxyz012345',
      '012345678901234567890123456789',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'qwertyuiopasdfghjklzxcvbnm123456',
      'CorrectHorseBatteryStaple2026',
    ]) {
      expect(isWeakSecret(v), v).toBe(true);
    }
  });

  it('checks every item of a list', () => {
    const a = randomBytes(16).toString('base64');
    const b = randomBytes(16).toString('base64');
    expect(isWeakSecret(`${a},${b}`, { list: true })).toBe(false);
    expect(isWeakSecret(`${a},short`, { list: true })).toBe(true);
  });
});

describe('rejectedSecrets', () => {
  it('names required secrets that are missing, placeholders or weak, and optional ones only when set badly', () => {
    const strong = randomBytes(24).toString('hex');
    const env = {
      A: strong,
      B: 'change-me',
      D: '',
      E: 'tobemodified',
      G: 'real-value-123',
      L: `${strong},tobemodified`,
    };
    expect(rejectedSecrets(env, { required: ['A', 'B', 'C', 'G'], optional: ['D', 'E', 'F'] })).toEqual([
      'B',
      'C',
      'G',
      'E',
    ]);
    expect(rejectedSecrets(env, { required: ['L'], lists: ['L'] })).toEqual(['L']);
  });

  it('says which service refuses and which secrets to set', () => {
    expect(secretRefusal('site', ['DREAM_FORM_SECRET'])).toMatch(
      /^site refuses to start in production: DREAM_FORM_SECRET is missing, still a placeholder .* or too weak/,
    );
    expect(secretRefusal('site', ['A', 'B'])).toContain('A, B are missing');
  });
});
