import { afterEach, describe, expect, it } from 'vitest';
import { requireSecret, requireSecretList } from './secrets';

const envOf = (values: Record<string, string>) => (name: string, fallback = '') => values[name] ?? fallback;
const original = process.env.NODE_ENV;

afterEach(() => {
  process.env.NODE_ENV = original;
});

describe('requireSecret', () => {
  it('refuses missing or placeholder secrets in production', () => {
    process.env.NODE_ENV = 'production';
    expect(() => requireSecret(envOf({}), 'JWT_SECRET')).toThrow(/JWT_SECRET/);
    expect(() => requireSecret(envOf({ JWT_SECRET: 'change-me' }), 'JWT_SECRET')).toThrow(/placeholder/);
    expect(() => requireSecretList(envOf({ APP_KEYS: 'tobemodified1,tobemodified2' }), 'APP_KEYS')).toThrow(/APP_KEYS/);
    expect(requireSecret(envOf({ JWT_SECRET: 'k8Jq2vN0xP4rT7wZ' }), 'JWT_SECRET')).toBe('k8Jq2vN0xP4rT7wZ');
  });

  it('lets development start with generated values', () => {
    process.env.NODE_ENV = 'development';
    expect(requireSecretList(envOf({ APP_KEYS: 'a, b ,c' }), 'APP_KEYS')).toEqual(['a', 'b', 'c']);
  });
});
