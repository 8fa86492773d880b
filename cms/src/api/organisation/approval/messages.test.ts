import { describe, expect, it } from 'vitest';
import { approvedMail, cleanMessage, declinedMail, newPartnerMail } from './messages';

describe('approval mails', () => {
  const applicant = { name: 'Dansschool Pirouette', website: 'https://pirouette.example' };

  it('tells the programme editors where the new partner waits', () => {
    const mail = newPartnerMail(applicant, 'https://cms.example');
    expect(mail.subject).toBe('Nieuwe partner wacht: Dansschool Pirouette');
    expect(mail.text).toContain('https://cms.example/admin/nieuwe-partners');
    expect(mail.text).toContain('Website: https://pirouette.example');
  });

  it("carries the editor's words to the organisation, approved or declined", () => {
    expect(approvedMail(applicant, 'Fijn dat jullie er zijn!', 'https://cms.example').text).toContain(
      'Fijn dat jullie er zijn!',
    );
    const declined = declinedMail(applicant, 'We missen jullie KvK-nummer.');
    expect(declined.text).toContain('We missen jullie KvK-nummer.');
    expect(`${declined.subject} ${declined.text}`).not.toMatch(/gemeente|armoede/i);
  });

  it('keeps a message plain, trimmed and short', () => {
    expect(cleanMessage('  hoi\r\ndaar  ')).toBe('hoi\ndaar');
    expect(cleanMessage(42)).toBe('');
    expect(cleanMessage('x'.repeat(3000))).toHaveLength(2000);
  });
});
