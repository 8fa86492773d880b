import type { APIRoute } from 'astro';
import { defaultLocale } from '@droomkaart/shared';

export const GET: APIRoute = ({ redirect }) => redirect(`/${defaultLocale}/`, 302);
