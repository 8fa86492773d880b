import { describe, expect, it } from 'vitest';
import { changedFields } from './changes';

describe('changedFields', () => {
  it('names only the fields whose value changed', () => {
    const before = {
      title: 'Judo',
      ageMin: 6,
      sessions: [{ id: 3, day: 'wo', startTime: '14:00:00.000', endTime: '15:00:00.000' }],
      languages: ['nl'],
    };
    const data = {
      title: 'Judo!',
      ageMin: 6,
      sessions: [{ day: 'wo', startTime: '14:00', endTime: '15:00' }],
      languages: ['nl', 'en'],
      updatedAt: 'x',
    };
    expect(changedFields(before, data)).toEqual(['languages', 'title']);
  });

  it('counts relation changes only when something is connected or disconnected', () => {
    expect(changedFields({}, { themes: { connect: [], disconnect: [] } })).toEqual([]);
    expect(changedFields({}, { themes: { connect: [{ documentId: 'a' }], disconnect: [] } })).toEqual(['themes']);
  });

  it('compares relation and media values with what is stored', () => {
    const before = { organisation: { documentId: 'org1' }, themes: [{ documentId: 't1' }], images: [{ id: 4 }] };
    const relations = ['organisation', 'themes', 'images'];
    expect(
      changedFields(
        before,
        { organisation: 'org1', themes: { count: 1 }, images: [{ id: 4, url: '/x.png' }] },
        relations,
      ),
    ).toEqual([]);
    expect(changedFields(before, { organisation: 'org2', images: [] }, relations)).toEqual(['images', 'organisation']);
  });

  it('lists every given field on create', () => {
    expect(changedFields(null, { title: 'Nieuw', summary: 'Kort' })).toEqual(['summary', 'title']);
  });
});
