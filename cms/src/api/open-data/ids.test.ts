import { describe, expect, it } from 'vitest';
import { v5 as uuidv5, version } from 'uuid';
import { HSDS_ID_NAMESPACE, hsdsId, isUuid } from './ids';

describe('hsdsId', () => {
  it('is a version 5 UUID', () => {
    const id = hsdsId('service', 'abc123def456ghi789jkl012');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(version(id)).toBe(5);
  });

  it('is stable: the same kind and keys give the same id in every run (a known value)', () => {
    expect(hsdsId('service', 'abc123def456ghi789jkl012')).toBe(
      uuidv5('service:abc123def456ghi789jkl012', '1f9d6e42-577d-5523-8ede-d7bd57a47079'),
    );
    // Fixed here (computed with Python's uuid.uuid5) so that a change of namespace or name scheme (which would break every
    // consumer's stored ids) fails this test.
    expect(hsdsId('service', 'abc123def456ghi789jkl012')).toBe('653c709b-05d6-5969-9a42-c599848f45f2');
  });

  it('differs by kind and by key, so a service and an organisation never share an id', () => {
    const ids = [
      hsdsId('service', 'x'),
      hsdsId('organization', 'x'),
      hsdsId('location', 'x'),
      hsdsId('service', 'y'),
      hsdsId('service_at_location', 'x', 'y'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses a namespace derived from the project URL', () => {
    expect(HSDS_ID_NAMESPACE).toBe(uuidv5('https://droomkaart.nl/open-data/hsds', uuidv5.URL));
  });
});

describe('isUuid', () => {
  it('tells UUIDs from documentIds and junk', () => {
    expect(isUuid(hsdsId('service', 'a'))).toBe(true);
    expect(isUuid(hsdsId('service', 'a').toUpperCase())).toBe(true);
    expect(isUuid('abc123def456ghi789jkl012')).toBe(false);
    expect(isUuid('')).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });
});
