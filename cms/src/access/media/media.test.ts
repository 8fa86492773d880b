import { describe, expect, it } from 'vitest';
import { adoptionTarget, insideFilter, isInside, pruneStructure, readFileInfos, toId } from './media';

describe('isInside', () => {
  it('takes a folder and everything under it, nothing beside it', () => {
    expect(isInside('/3', ['/3'])).toBe(true);
    expect(isInside('/3/12/14', ['/3'])).toBe(true);
    expect(isInside('/31', ['/3'])).toBe(false);
    expect(isInside('/', ['/3'])).toBe(false);
    expect(isInside(null, ['/3'])).toBe(false);
    expect(isInside('/7/3', ['/3'])).toBe(false);
    expect(isInside('/9/4', ['/3', '/9'])).toBe(true);
  });
});

describe('insideFilter', () => {
  it('matches the folder and its subfolders, or nothing without roots', () => {
    expect(insideFilter('folderPath', ['/3'])).toEqual({
      $or: [{ folderPath: { $eq: '/3' } }, { folderPath: { $startsWith: '/3/' } }],
    });
    expect(insideFilter('path', [])).toEqual({ path: { $eq: '' } });
  });
});

describe('pruneStructure', () => {
  it('keeps the own folders, also when nested, at the top', () => {
    const tree = [
      { id: 1, name: 'Gedeeld', children: [{ id: 5, name: 'A', children: [{ id: 6, name: 'A1', children: [] }] }] },
      { id: 2, name: 'B', children: [] },
    ];
    expect(pruneStructure(tree, [5])).toEqual([{ id: 5, name: 'A', children: [{ id: 6, name: 'A1', children: [] }] }]);
    expect(pruneStructure(tree, [2, 5]).map((n) => n.id)).toEqual([5, 2]);
    expect(pruneStructure(tree, [])).toEqual([]);
  });
});

describe('toId', () => {
  it('accepts positive integers only', () => {
    expect(toId('12')).toBe(12);
    expect(toId(12)).toBe(12);
    for (const bad of ['0', '-1', '1.5', 'abc', '1 OR 1=1', '', null, undefined, {}, 0, 1.5])
      expect(toId(bad)).toBeNull();
  });
});

describe('readFileInfos', () => {
  it('reads and writes back the shapes the upload plugin takes', () => {
    const one = readFileInfos(JSON.stringify({ name: 'a.jpg', folder: null }), 1);
    expect(one.infos).toEqual([{ name: 'a.jpg', folder: null }]);
    expect(one.write([{ name: 'a.jpg', folder: 4 }])).toBe(JSON.stringify({ name: 'a.jpg', folder: 4 }));

    const many = readFileInfos([JSON.stringify({ name: 'a.jpg' }), JSON.stringify({ name: 'b.jpg' })], 2);
    expect(many.write(many.infos.map((i) => ({ ...i, folder: 4 })))).toEqual([
      JSON.stringify({ name: 'a.jpg', folder: 4 }),
      JSON.stringify({ name: 'b.jpg', folder: 4 }),
    ]);

    const object = readFileInfos({ name: 'a.jpg' }, 1);
    expect(object.write([{ name: 'a.jpg', folder: 4 }])).toEqual({ name: 'a.jpg', folder: 4 });

    const none = readFileInfos(undefined, 2);
    expect(none.infos).toEqual([]);
    expect(none.write([{ folder: 4 }, { folder: 4 }])).toEqual([
      JSON.stringify({ folder: 4 }),
      JSON.stringify({ folder: 4 }),
    ]);
    expect(readFileInfos(undefined, 1).write([{ folder: 4 }])).toBe(JSON.stringify({ folder: 4 }));
    expect(readFileInfos('{broken', 1).infos).toEqual([{}]);
  });
});

describe('adoptionTarget', () => {
  const owners = [
    { slug: 'a', folderId: 3, path: '/3' },
    { slug: 'b', folderId: 4, path: '/4' },
  ];
  it("puts a partner's earlier upload in its organisation's folder, and leaves the rest", () => {
    expect(adoptionTarget({ folderPath: '/', creatorSlugs: ['a'] }, owners)).toEqual(owners[0]);
    expect(adoptionTarget({ folderPath: '/9', creatorSlugs: ['b'] }, owners)).toEqual(owners[1]);
    expect(adoptionTarget({ folderPath: '/4/7', creatorSlugs: ['a'] }, owners)).toBeNull();
    expect(adoptionTarget({ folderPath: '/', creatorSlugs: null }, owners)).toBeNull();
    expect(adoptionTarget({ folderPath: '/', creatorSlugs: ['gone'] }, owners)).toBeNull();
  });
});
