// The mails of the approval of new partners (issue 19, point 4). Pure. Easy Dutch, from the
// programme ("Droomkaart"), never from the municipality.

export type Applicant = { name: string; kind?: string | null; website?: string | null; email?: string | null };

/** To the programme editors: a new organisation waits for a look. */
export function newPartnerMail(applicant: Applicant, adminUrl: string): { subject: string; text: string } {
  return {
    subject: `Nieuwe partner wacht: ${applicant.name}`,
    text: [
      `${applicant.name} wil partner worden van Droomkaart.`,
      applicant.website ? `Website: ${applicant.website}` : null,
      '',
      'Kijk wat de organisatie heeft ingevuld en keur haar goed of af:',
      `${adminUrl}/admin/nieuwe-partners`,
    ]
      .filter((l) => l !== null)
      .join('\n'),
  };
}

/** To the organisation: approved (with the editor's words, if any). */
export function approvedMail(
  applicant: Applicant,
  message: string,
  adminUrl: string,
): { subject: string; text: string } {
  return {
    subject: 'Welkom bij Droomkaart',
    text: [
      `Hallo ${applicant.name},`,
      '',
      'Jullie organisatie is goedgekeurd. Jullie aanbod kan nu op Droomkaart staan.',
      message ? `\n${message}\n` : '',
      `Zet je aanbod erop via ${adminUrl}/admin.`,
      '',
      'Groeten van de programmaredactie van Droomkaart',
    ].join('\n'),
  };
}

/** To the organisation: not (yet) approved, and why. */
export function declinedMail(applicant: Applicant, message: string): { subject: string; text: string } {
  return {
    subject: 'Je aanmelding bij Droomkaart',
    text: [
      `Hallo ${applicant.name},`,
      '',
      'Dank je voor je aanmelding. We kunnen jullie organisatie nu niet goedkeuren.',
      '',
      message,
      '',
      'Heb je een vraag? Antwoord dan op deze mail.',
      '',
      'Groeten van de programmaredactie van Droomkaart',
    ].join('\n'),
  };
}

/** The editor's message: plain text, trimmed, at most 2,000 characters. */
export function cleanMessage(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim().slice(0, 2000) : '';
}
