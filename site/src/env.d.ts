/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    locale: import('@droomkaart/shared').Locale;
    dir: 'ltr' | 'rtl';
    t: import('i18next').TFunction;
  }
}
