import { describe, expect, it } from 'vitest';
import { parseForm } from './body.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading a letterbox post', () => {
  it('reads an urlencoded form', async () => {
    const form = await parseForm(
      bytes('firstName=Sem&needPicks=sport&needPicks=muziek'),
      'application/x-www-form-urlencoded',
    );
    expect(form.get('firstName')).toBe('Sem');
    expect(form.getAll('needPicks')).toEqual(['sport', 'muziek']);
  });

  it('reads multipart with the boundary as sent', async () => {
    const body = '--Ab1\r\nContent-Disposition: form-data; name="firstName"\r\n\r\nSem\r\n--Ab1--\r\n';
    expect((await parseForm(bytes(body), 'multipart/form-data; boundary=Ab1')).get('firstName')).toBe('Sem');
  });

  it('reads a broken multipart body as an empty form, so the checks refuse it kindly', async () => {
    for (const type of ['multipart/form-data; boundary=x', 'Multipart/Form-Data']) {
      const form = await parseForm(bytes('this is not multipart'), type);
      expect(form.get('firstName')).toBeNull();
      expect(form.getAll('needPicks')).toEqual([]);
    }
  });
});
