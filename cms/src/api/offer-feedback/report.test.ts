import { describe, expect, it } from 'vitest';
import { feedbackMail, readFeedback } from './report';

describe('a visitor report', () => {
  it('takes a slug, a known reason and an optional plain text', () => {
    expect(readFeedback({ slug: 'zwemles-a', reason: 'prijs' })).toEqual({
      slug: 'zwemles-a',
      reason: 'prijs',
      text: '',
    });
    expect(readFeedback({ slug: 'zwemles', reason: 'plek', text: ' <b>dicht</b> ' })?.text).toBe('<b>dicht</b>');
    expect(readFeedback({ slug: '../x', reason: 'plek' })).toBeNull();
    expect(readFeedback({ slug: 'zwemles', reason: 'naam' })).toBeNull();
    expect(readFeedback({ slug: 'zwemles', reason: 'plek', text: 'a'.repeat(1001) })).toBeNull();
    expect(readFeedback(null)).toBeNull();
  });

  it('mails where to handle it, without the visitor’s text', () => {
    const mail = feedbackMail('Zwemles', 'tijd', 'http://cms/admin/x');
    expect(mail.subject).toContain('Zwemles');
    expect(mail.text).toContain('http://cms/admin/x');
    expect(mail.text).toContain('de tijd of de dag');
  });
});
