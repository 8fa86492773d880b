// POST /<locale>/activiteiten/<slug>/melding: "Klopt er iets niet?" (lib/feedback/offer-feedback.ts).
import type { APIRoute } from 'astro';
import { handleOfferFeedback } from '../../../../lib/feedback/offer-feedback.ts';

export const POST: APIRoute = async (context) => {
  let clientAddress = '';
  try {
    clientAddress = context.clientAddress;
  } catch {
    // Not known behind some adapters: every such post shares one limit.
  }
  return handleOfferFeedback({
    request: context.request,
    locale: context.params.locale,
    slug: context.params.slug,
    clientAddress,
    dir: context.locals.dir,
    t: (key) => context.locals.t(key),
  });
};
