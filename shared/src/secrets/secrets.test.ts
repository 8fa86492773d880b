import { describe, expect, it } from 'vitest';
import { isPlaceholderSecret, secretRefusal, unsetSecrets } from './index.js';

describe('isPlaceholderSecret', () => {
  it('knows missing values and the placeholders of .env.example and Strapi', () => {
    for (const v of [undefined, null, '', '  ', 'change-me', 'changeme', 'CHANGE-ME-please', 'tobemodified', 'tobemodified2', 'secret', 'Password', 'example', 'example-token']) {
      expect(isPlaceholderSecret(v), String(v)).toBe(true);
    }
  });

  it('accepts real values', () => {
    for (const v of ['k8Jq2vN0xP4rT7wZ', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'my-secret-value', 'exchange-me-not']) expect(isPlaceholderSecret(v), v).toBe(false);
  });

  it('checks every item of a list', () => {
    expect(isPlaceholderSecret('a1,b2,c3', { list: true })).toBe(false);
    expect(isPlaceholderSecret('a1,change-me', { list: true })).toBe(true);
    expect(isPlaceholderSecret('a1,,b2', { list: true })).toBe(true);
    expect(isPlaceholderSecret('', { list: true })).toBe(true);
  });
});

describe('unsetSecrets', () => {
  it('names required secrets that are missing or placeholders, and optional ones only when set badly', () => {
    const env = { A: 'real-value-123', B: 'change-me', D: '', E: 'tobemodified', L: 'x1,tobemodified' };
    expect(unsetSecrets(env, { required: ['A', 'B', 'C'], optional: ['D', 'E', 'F'] })).toEqual(['B', 'C', 'E']);
    expect(unsetSecrets(env, { required: ['L'], lists: ['L'] })).toEqual(['L']);
  });

  it('says which service refuses and which secrets to set', () => {
    expect(secretRefusal('site', ['DREAM_FORM_SECRET'])).toMatch(/^site refuses to start in production: DREAM_FORM_SECRET is missing or still a placeholder/);
    expect(secretRefusal('site', ['A', 'B'])).toContain('A, B are missing');
  });
});
