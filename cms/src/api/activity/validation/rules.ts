// Content rules with messages in easy Dutch, shown next to the field in the admin. Pure functions:
// they get the entry as it will be saved and return what is wrong.
import { MAX_EXCEPTION_DATES, applicants, city, isInsideMunicipality } from '@droomkaart/shared';

export type Problem = { field: string; message: string };

const URL_RE = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Dutch numbers (036-5123456, 06 12345678, +31 6 1234 5678) and international ones with +.
const PHONE_RE = /^(\+\d{1,3}[\s-]?)?(\(?0?\d{1,4}\)?[\s-]?)?\d{2,4}([\s-]?\d{2,4}){1,3}$/;
const POSTCODE_RE = /^[1-9][0-9]{3} ?[A-Z]{2}$/;
const isSet = (v: unknown) => v !== null && v !== undefined && v !== '';
// A field's value as text: anything that is not a string or number (a stray object) reads as ''.
const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function checkUrl(problems: Problem[], field: string, value: unknown) {
  if (isSet(value) && !URL_RE.test(asText(value)))
    problems.push({ field, message: 'Vul een geldige link in. Die begint met https://' });
}
function checkEmail(problems: Problem[], field: string, value: unknown) {
  if (isSet(value) && !EMAIL_RE.test(asText(value)))
    problems.push({ field, message: 'Vul een geldig e-mailadres in, bijvoorbeeld info@club.nl' });
}
function checkPhone(problems: Problem[], field: string, value: unknown) {
  if (isSet(value) && !PHONE_RE.test(asText(value).trim()))
    problems.push({
      field,
      message: `Vul een geldig telefoonnummer in, bijvoorbeeld ${city.municipality.phoneAreaCode} 123 45 67 of 06 12345678`,
    });
}

const toMinutes = (t: unknown) => {
  const m = /^(\d{2}):(\d{2})/.exec(asText(t));
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** Pure: whether a value is a real calendar day written as YYYY-MM-DD (no 31 February). */
export function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Pure: problems with the days an activity does not take place (a JSON list of YYYY-MM-DD). */
export function exceptionDateProblems(value: unknown): Problem[] {
  if (value === null || value === undefined) return [];
  const field = 'exceptionDates';
  if (!Array.isArray(value))
    return [
      { field, message: 'Vul de dagen zonder activiteit in als een lijst, bijvoorbeeld ["2026-12-24", "2026-12-31"].' },
    ];
  if (value.length > MAX_EXCEPTION_DATES)
    return [
      {
        field,
        message: `Je kunt maximaal ${MAX_EXCEPTION_DATES} dagen zonder activiteit invullen. Nu zijn het er ${value.length}.`,
      },
    ];
  const wrong = value.filter((d) => !isRealDate(d));
  if (wrong.length > 0)
    return [
      {
        field,
        message: `Deze dag bestaat niet of is niet goed geschreven: ${String(wrong[0]).slice(0, 40)}. Schrijf een dag zo: 2026-12-24 (jaar-maand-dag).`,
      },
    ];
  for (let i = 1; i < value.length; i++) {
    if (value[i] === value[i - 1])
      return [{ field, message: `De dag ${value[i]} staat er twee keer in. Zet elke dag er één keer in.` }];
    if (value[i] < value[i - 1])
      return [{ field, message: 'Zet de dagen zonder activiteit op volgorde: de vroegste dag eerst.' }];
  }
  return [];
}

export function activityProblems(a: Record<string, any>): Problem[] {
  const problems: Problem[] = [];
  const summary = String(a.summary ?? '').trim();
  if (!summary)
    problems.push({ field: 'summary', message: 'Schrijf een korte uitleg in makkelijke taal. Dit is verplicht.' });
  else if (summary.length > 200)
    problems.push({
      field: 'summary',
      message: `De korte uitleg mag maximaal 200 tekens zijn. Nu zijn het er ${summary.length}.`,
    });
  for (const field of ['ageMin', 'ageMax'] as const) {
    const v = a[field];
    if (!isSet(v)) continue;
    if (!Number.isInteger(Number(v)) || Number(v) < 0 || Number(v) > 18) {
      const hint =
        a.audience === 'ouder'
          ? ' Is het aanbod voor ouders? Kies dan bij "voor wie" ouder, en vul de leeftijd van de kinderen in.'
          : '';
      problems.push({ field, message: `Kies een leeftijd van 0 tot en met 18 jaar.${hint}` });
    }
  }
  if (isSet(a.ageMin) && isSet(a.ageMax) && Number(a.ageMin) > Number(a.ageMax)) {
    problems.push({
      field: 'ageMax',
      message: 'De leeftijd "tot" moet even hoog of hoger zijn dan de leeftijd "vanaf".',
    });
  }
  if (isSet(a.price) && Number(a.price) < 0)
    problems.push({ field: 'price', message: 'De prijs kan niet lager zijn dan 0.' });
  if (a.costType === 'betaald' && !isSet(a.price))
    problems.push({ field: 'price', message: 'Vul in wat het kost. Of kies bij kosten iets anders dan "betaald".' });
  if (isSet(a.startDate) && isSet(a.endDate) && String(a.endDate) < String(a.startDate)) {
    problems.push({ field: 'endDate', message: 'De einddatum moet na de begindatum liggen.' });
  }
  if (a.scheduleType === 'eenmalig' && !isSet(a.startDate))
    problems.push({ field: 'startDate', message: 'Vul de datum in. Een eenmalige activiteit heeft een datum.' });
  if (a.scheduleType === 'wekelijks' && !(Array.isArray(a.sessions) && a.sessions.length > 0)) {
    problems.push({
      field: 'sessions',
      message: 'Vul minstens één dag en tijd in. Een wekelijkse activiteit heeft vaste tijden.',
    });
  }
  (Array.isArray(a.sessions) ? a.sessions : []).forEach((s: Record<string, unknown>, i: number) => {
    const start = toMinutes(s?.startTime);
    const end = toMinutes(s?.endTime);
    if (start !== null && end !== null && end <= start)
      problems.push({ field: `sessions.${i}.endTime`, message: 'De eindtijd moet na de begintijd liggen.' });
  });
  problems.push(...exceptionDateProblems(a.exceptionDates));
  if (isSet(a.applicant) && !(applicants as readonly string[]).includes(String(a.applicant))) {
    problems.push({
      field: 'applicant',
      message: 'Kies wie de regeling aanvraagt: ouder, intermediair, coördinator of aanbieder.',
    });
  }
  checkUrl(problems, 'joinUrl', a.joinUrl);
  checkPhone(problems, 'joinPhone', a.joinPhone);
  return problems;
}

const centre = (a: number, b: number) => (Math.floor(((a + b) / 2) * 10) / 10).toFixed(1).replace('.', ',');
const outsideMunicipality = (() => {
  const b = city.municipality.bbox;
  return `Deze plek ligt niet in ${city.municipality.name}. Controleer de coördinaten (breedtegraad rond ${centre(b.south, b.north)} en lengtegraad rond ${centre(b.west, b.east)}).`;
})();

export function placeProblems(p: Record<string, any>): Problem[] {
  const problems: Problem[] = [];
  if (isSet(p.lat) && isSet(p.lng) && !isInsideMunicipality(Number(p.lat), Number(p.lng))) {
    problems.push({
      field: 'lat',
      message: outsideMunicipality,
    });
  }
  if (isSet(p.postcode) && !POSTCODE_RE.test(String(p.postcode)))
    problems.push({ field: 'postcode', message: 'Vul een postcode in zoals 1315 AB.' });
  return problems;
}

export function organisationProblems(o: Record<string, any>): Problem[] {
  const problems: Problem[] = [];
  checkUrl(problems, 'website', o.website);
  checkEmail(problems, 'email', o.email);
  checkPhone(problems, 'phone', o.phone);
  checkPhone(problems, 'whatsapp', o.whatsapp);
  return problems;
}
