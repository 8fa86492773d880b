import { describe, expect, it } from 'vitest';
import { allowedMethods, methodNotAllowed } from './methods.ts';

describe('methods per route', () => {
  it('lets pages read, the letterboxes and the workspace also take posts, the search only posts', () => {
    expect(allowedMethods('/nl/activiteiten')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/ar/activiteiten/zwemles.ics')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/uploads/foto.webp')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods('/nl/droom')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/tr/036/droom')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/nl/werkplek/dromen/abc')).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowedMethods('/api/search/multi-search')).toEqual(['POST']);
  });

  it('answers 405 with Allow and the message for any other method', async () => {
    expect(methodNotAllowed('GET', '/nl/kaart', 'x')).toBeNull();
    expect(methodNotAllowed('head', '/nl/kaart', 'x')).toBeNull();
    expect(methodNotAllowed('POST', '/nl/droom', 'x')).toBeNull();
    for (const [method, path] of [['DELETE', '/nl/activiteiten'], ['POST', '/nl/kaart'], ['PUT', '/nl/droom'], ['OPTIONS', '/nl/'], ['GET', '/api/search/multi-search']]) {
      const res = methodNotAllowed(method, path, 'Dit kan hier niet.');
      expect(res?.status).toBe(405);
      expect(res?.headers.get('allow')).toBe(allowedMethods(path).join(', '));
      expect(await res?.text()).toBe('Dit kan hier niet.');
    }
  });
});
