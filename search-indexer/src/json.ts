/**
 * Pure: JSON text without a raw '<', '>', '&' or line/paragraph separator (escaped as \uXXXX,
 * which JSON readers read as the same characters). Used for answers that repeat what a caller sent
 * (a refused change key), so that no answer carries markup it was given.
 */
export function markupFreeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
