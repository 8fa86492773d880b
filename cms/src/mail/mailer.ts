import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { cmsEnv } from '../env';

export type Mail = { to: string; subject: string; text: string };

export interface MailProvider {
  send(mail: Mail): Promise<void>;
}

/** Development: every mail becomes a file in the outbox folder, to read instead of send. */
export function outboxProvider(dir: string): MailProvider {
  let n = 0;
  return {
    async send(mail) {
      mkdirSync(dir, { recursive: true });
      const safe = mail.to.replace(/[^a-z0-9@.-]/gi, '_');
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(n++).padStart(4, '0')}-${safe}.eml`,
      );
      writeFileSync(
        file,
        `To: ${mail.to}\nSubject: ${mail.subject}\nContent-Type: text/plain; charset=utf-8\n\n${mail.text}\n`,
      );
    },
  };
}

/** Production: Strapi's e-mail plugin, whose provider (SMTP, Sendgrid, …) is set in config. */
export function strapiEmailProvider(strapi: Core.Strapi): MailProvider {
  return {
    async send(mail) {
      await strapi.plugin('email').service('email').send({ to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export function mailer(strapi: Core.Strapi): MailProvider {
  const kind = cmsEnv().MAIL_PROVIDER ?? (cmsEnv().NODE_ENV === 'production' ? 'strapi' : 'outbox');
  if (kind === 'outbox') return outboxProvider(path.resolve(cmsEnv().MAIL_OUTBOX_DIR ?? '.data/outbox'));
  return strapiEmailProvider(strapi);
}
