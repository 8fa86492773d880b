// The demo data is written once for any city: names and texts say `{city}` (the municipality's
// name), `{city-slug}` (its slug, in organisation slugs) and `{district:N}` (the N-th stadsdeel's
// name), filled in from the city configuration (CITY_CONFIG) when the seed is made. With the
// Almere file this gives the demo data as it always was.
import { city, shortDistrictName, wijken, type Wijk } from '@droomkaart/shared';

export { shortDistrictName };

/** The N-th stadsdeel (counting round when the city has fewer). */
export const district = (n: number) => city.stadsdelen[n % city.stadsdelen.length];

/** The N-th wijk of the N-th stadsdeel (both counting round): a demo address in any city. */
export function wijkOf(districtIndex: number, wijkIndex = 0): Wijk {
  const s = district(districtIndex);
  const inside = wijken.filter((w) => w.stadsdeel === s.slug);
  return inside[wijkIndex % inside.length];
}

/** Pure: a string with the placeholders filled in. */
export function cityText(text: string): string {
  return text
    .replaceAll('{city-slug}', city.municipality.slug)
    .replaceAll('{city}', city.municipality.name)
    .replace(/\{district:(\d+)\}/g, (_, n: string) => district(Number(n)).name);
}

/** Pure: a copy of a value with every string in it filled in (objects and arrays, deeply). */
export function inCity<T>(value: T): T {
  if (typeof value === 'string') return cityText(value) as T;
  if (Array.isArray(value)) return value.map((v) => inCity(v)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inCity(v)])) as T;
  return value;
}
