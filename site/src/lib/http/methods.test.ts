import { describe, expect, it } from 'vitest';
import { allowedMethods } from './methods.ts';

describe('methods per route', () => {
  it('lets pages read, the letterboxes and the workspace also take posts, the search only posts', () => {
    expect(allowedMethods('/nl/activiteiten')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/ar/activiteiten/zwemles.ics')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/uploads/foto.webp')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/nl/droom')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/tr/036/droom')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/nl/werkplek/dromen/abc')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/api/search/multi-search')).toEqual(['POST']);
    expect(allowedMethods('/nl/activiteiten/zwemles/melding')).toEqual(['POST']);
    expect(allowedMethods('/ar/gezin/l1.family.abc.x.y.z')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/ar/gezin/l1/extra')).toEqual(['GET', 'HEAD']);
  });
});
