// Content rules with messages in easy Dutch, shown next to the field in the admin. Pure functions:
// they get the entry as it will be saved and return what is wrong.
import { isInsideMunicipality } from '@droomkaart/shared';

export type Problem = { field: string; message: string };

const URL_RE = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Dutch numbers (036-5123456, 06 12345678, +31 6 1234 5678) and international ones with +.
const PHONE_RE = /^(\+\d{1,3}[\s-]?)?(\(?0?\d{1,4}\)?[\s-]?)?\d{2,4}([\s-]?\d{2,4}){1,3}$/;
const POSTCODE_RE = /^[1-9][0-9]{3} ?[A-Z]{2}$/;
const isSet = (v: unknown) => v !== null && v !== undefined && v !== '';

function checkUrl(problems: Problem[], field: string, value: unknown) {
  if (isSet(value) && !URL_RE.test(String(value))) problems.push({ field, message: 'Vul een geldige link in. Die begint met https://' });
}
function checkEmail(problems: Problem[], field: string, value: unknown) {
  if (isSet(value) && !EMAIL_RE.test(String(value))) problems.push({ field, message: 'Vul een geldig e-mailadres in, bijvoorbeeld info@club.nl' });
}
function checkPhone(problems: Problem[], field: string, value: unknown) {
  if (isSet(value) && !PHONE_RE.test(String(value).trim())) problems.push({ field, message: 'Vul een geldig telefoonnummer in, bijvoorbeeld 036 123 45 67 of 06 12345678' });
}

const toMinutes = (t: unknown) => {
  const m = /^(\d{2}):(\d{2})/.exec(String(t ?? ''));
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

export function activityProblems(a: Record<string, any>): Problem[] {
  const problems: Problem[] = [];
  const summary = String(a.summary ?? '').trim();
  if (!summary) problems.push({ field: 'summary', message: 'Schrijf een korte uitleg in makkelijke taal. Dit is verplicht.' });
  else if (summary.length > 200) problems.push({ field: 'summary', message: `De korte uitleg mag maximaal 200 tekens zijn. Nu zijn het er ${summary.length}.` });
  for (const field of ['ageMin', 'ageMax'] as const) {
    const v = a[field];
    if (!isSet(v)) continue;
    if (!Number.isInteger(Number(v)) || Number(v) < 0 || Number(v) > 18) {
      const hint = a.audience === 'ouder' ? ' Is het aanbod voor ouders? Kies dan bij "voor wie" ouder, en vul de leeftijd van de kinderen in.' : '';
      problems.push({ field, message: `Kies een leeftijd van 0 tot en met 18 jaar.${hint}` });
    }
  }
  if (isSet(a.ageMin) && isSet(a.ageMax) && Number(a.ageMin) > Number(a.ageMax)) {
    problems.push({ field: 'ageMax', message: 'De leeftijd "tot" moet even hoog of hoger zijn dan de leeftijd "vanaf".' });
  }
  if (isSet(a.price) && Number(a.price) < 0) problems.push({ field: 'price', message: 'De prijs kan niet lager zijn dan 0.' });
  if (a.costType === 'betaald' && !isSet(a.price)) problems.push({ field: 'price', message: 'Vul in wat het kost. Of kies bij kosten iets anders dan "betaald".' });
  if (isSet(a.startDate) && isSet(a.endDate) && String(a.endDate) < String(a.startDate)) {
    problems.push({ field: 'endDate', message: 'De einddatum moet na de begindatum liggen.' });
  }
  if (a.scheduleType === 'eenmalig' && !isSet(a.startDate)) problems.push({ field: 'startDate', message: 'Vul de datum in. Een eenmalige activiteit heeft een datum.' });
  if (a.scheduleType === 'wekelijks' && !(Array.isArray(a.sessions) && a.sessions.length > 0)) {
    problems.push({ field: 'sessions', message: 'Vul minstens één dag en tijd in. Een wekelijkse activiteit heeft vaste tijden.' });
  }
  (Array.isArray(a.sessions) ? a.sessions : []).forEach((s: Record<string, unknown>, i: number) => {
    const start = toMinutes(s?.startTime);
    const end = toMinutes(s?.endTime);
    if (start !== null && end !== null && end <= start) problems.push({ field: `sessions.${i}.endTime`, message: 'De eindtijd moet na de begintijd liggen.' });
  });
  checkUrl(problems, 'joinUrl', a.joinUrl);
  checkPhone(problems, 'joinPhone', a.joinPhone);
  return problems;
}

export function placeProblems(p: Record<string, any>): Problem[] {
  const problems: Problem[] = [];
  if (isSet(p.lat) && isSet(p.lng) && !isInsideMunicipality(Number(p.lat), Number(p.lng))) {
    problems.push({ field: 'lat', message: 'Deze plek ligt niet in Almere. Controleer de coördinaten (breedtegraad rond 52,3 en lengtegraad rond 5,2).' });
  }
  if (isSet(p.postcode) && !POSTCODE_RE.test(String(p.postcode))) problems.push({ field: 'postcode', message: 'Vul een postcode in zoals 1315 AB.' });
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
