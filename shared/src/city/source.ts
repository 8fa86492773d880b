import almere from './almere.json' with { type: 'json' };

// Where the city configuration comes from. CITY_CONFIG is the path of a city file; without it the
// Almere file in this folder. Read once per process, at import.

/** The path in CITY_CONFIG, resolved against the working directory; undefined for the default. */
export function cityConfigPath(
  env: Record<string, string | undefined> | undefined = globalProcess()?.env,
): string | undefined {
  const value = env?.CITY_CONFIG?.trim();
  if (!value) return undefined;
  const path = globalProcess()!.getBuiltinModule('node:path');
  return path.resolve(value);
}

function globalProcess(): (typeof globalThis)['process'] | undefined {
  return typeof process === 'undefined' ? undefined : process;
}

/** The raw city file: parsed JSON, not yet checked (city.ts checks it). */
export function readCityFile(file: string | undefined = cityConfigPath()): unknown {
  if (!file) return almere;
  const fs = globalProcess()!.getBuiltinModule('node:fs');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`CITY_CONFIG: cannot read the city file ${file} (${(error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`CITY_CONFIG: ${file} is no valid JSON (${(error as Error).message})`);
  }
}
