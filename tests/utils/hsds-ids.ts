import { v5 as uuidv5 } from 'uuid';

// The open data's ids as a consumer computes them from the documented rule (cms/README.md: UUID
// v5 of `<kind>:<keys…>` in the Droomkaart namespace), not by importing the cms: a change of the
// rule, which would break every stored id of every consumer, fails the suites.
const NAMESPACE = uuidv5('https://droomkaart.nl/open-data/hsds', uuidv5.URL);

/** The HSDS id of a record: `hsdsUuid('service', documentId)`, `hsdsUuid('taxonomy_term', 'cost_type', 'betaald')`. */
export const hsdsUuid = (kind: string, ...keys: string[]): string => uuidv5(`${kind}:${keys.join(':')}`, NAMESPACE);
