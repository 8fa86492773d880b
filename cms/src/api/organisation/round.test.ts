import { describe, expect, it } from 'vitest';
import { roundMail } from './round';

describe("a confirmation round's mail", () => {
  it('offers "Alles klopt nog" through the link and "Aanpassen" in the admin, in easy Dutch', () => {
    const mail = roundMail('Scouting Waterland', 3, 'https://x/nl/bijwerken/t', 'https://cms/admin');
    expect(mail.subject).toBe('Klopt jullie aanbod op Droomkaart nog?');
    expect(mail.text).toContain('3 activiteiten van Scouting Waterland');
    expect(mail.text).toContain('"Alles klopt nog"');
    expect(mail.text).toContain('https://x/nl/bijwerken/t');
    expect(mail.text).toContain('"Aanpassen"');
    expect(mail.text).toContain('https://cms/admin');
    expect(mail.text).not.toMatch(/armoede|gemeente/i);
    expect(roundMail('Club', 1, 'u', 'a').text).toContain('1 activiteit van Club');
  });
});
