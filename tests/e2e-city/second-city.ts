import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../utils/stack.ts';

/** The fictional second city the smoke suite runs (shared/src/city/lindeveen.json). */
export const SECOND_CITY_FILE = join(repoRoot, 'shared', 'src', 'city', 'lindeveen.json');

type Edition = { id: string; name: string; path: string; ageMin: number; ageMax: number };
export type SecondCity = {
  municipality: { name: string; names: Record<string, string> };
  editions: Edition[];
  stadsdelen: { name: string; slug: string; wijken: { name: string; slug: string }[] }[];
};

export const secondCity: SecondCity = JSON.parse(readFileSync(SECOND_CITY_FILE, 'utf8'));
