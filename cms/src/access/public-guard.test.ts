import { describe, expect, it } from 'vitest';
import { hidePrivateContact, organisationsIn } from './public-guard';

const secret = () => ({ name: 'Stille Club', email: 'geheim@stilleclub.example', phone: '036 999 88 77', whatsapp: '06 98765432', contactPublic: false });
const open = () => ({ name: 'Open Club', email: 'hallo@open.example', phone: '036 111 22 33', contactPublic: true });

describe('private contact in content-API results', () => {
  it('is found in every populated organisation, at any depth and for any content type', () => {
    const wijk = [{ name: 'Centrum', places: [{ name: 'Stille Plek', organisation: secret() }, { name: 'Open Plek', organisation: open() }] }];
    const theme = { name: 'Sport', activities: [{ title: 'Zwemles', organisation: secret(), paidBy: [{ title: 'Jeugdfonds', organisation: secret() }] }] };
    expect(organisationsIn('api::wijk.wijk', wijk)).toHaveLength(2);
    expect(organisationsIn('api::theme.theme', theme)).toHaveLength(2);
    expect(organisationsIn('api::organisation.organisation', [secret(), { ...open(), places: [{ organisation: secret() }] }])).toHaveLength(3);
    for (const result of [wijk, theme]) {
      organisationsIn('x', result).forEach(hidePrivateContact);
      const text = JSON.stringify(result);
      expect(text).not.toContain('geheim@');
      expect(text).not.toContain('06 98765432');
      expect(text.includes('hallo@open.example') || result === theme).toBe(true);
    }
  });

  it('treats contact as private unless contactPublic was read as true', () => {
    expect(hidePrivateContact({ email: 'a@b.example' })).toEqual({});
    expect(hidePrivateContact(open())).toEqual(open());
    expect(hidePrivateContact(null)).toBeNull();
  });
});
