/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    locale: import('@droomkaart/shared').Locale;
    dir: 'ltr' | 'rtl';
    t: import('i18next').TFunction;
    /** A cross-site post to the letterbox, refused kindly by its page (see lib/http/cross-origin.ts). */
    crossOrigin?: boolean;
    /** The coordinator workspace's session from the `dk_session` cookie (see lib/workspace/session.ts). */
    workspaceSession?: string | null;
  }
}
