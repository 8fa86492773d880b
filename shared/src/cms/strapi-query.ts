/** Strapi's REST query syntax for nested objects: populate[places][populate][wijk]=true. */
export function toStrapiQuery(params: Record<string, unknown>): string {
  const out = new URLSearchParams();
  const walk = (value: unknown, key: string) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${key}[${k}]`);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out.append(key, String(value));
    }
  };
  for (const [k, v] of Object.entries(params)) walk(v, k);
  return out.toString();
}
