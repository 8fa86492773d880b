import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import {
  Bike,
  BookOpen,
  BriefcaseBusiness,
  Footprints,
  Languages,
  Laptop,
  Music,
  Palette,
  Shirt,
  Trees,
  Volleyball,
  Waves,
  type LucideIcon,
} from 'lucide-react';
import type { DreamFormValues } from '../../lib/dream/form.ts';

/** One drawing per pick (SVG, no emoji font needed); each edition styles them its own way (dream.css). */
const PICK_ICONS: Record<string, LucideIcon> = {
  sport: Volleyball,
  zwemmen: Waves,
  muziek: Music,
  dans: Footprints,
  kunst: Palette,
  bijles: BookOpen,
  taal: Languages,
  laptop: Laptop,
  fiets: Bike,
  kleding: Shirt,
  meelopen: BriefcaseBusiness,
  natuur: Trees,
};

// The letterbox form. Rendered on the server as one plain HTML form (all steps visible, one send
// button, messages from the server), so it works without JavaScript. In the browser it becomes
// four short steps with a check as you go: local checks for empty fields at once, and the server
// checks the step with the shared schema (POST application/json to the same page) before moving
// on. Sending is always the plain form post, so the server decides. No i18next, zod or phone
// metadata in the browser: the page hands over the strings and limits it needs.

export type DreamFormText = {
  stepTitles: string[];
  progress: string; // "Stap {{step}} van {{total}}"
  labels: Record<string, string>;
  hints: Record<string, string>;
  optional: string;
  picksLegend: string;
  wijkNone: string;
  languageNone: string;
  alone: string;
  privacy: string;
  honeypot: string;
  next: string;
  back: string;
  submit: string;
  sending: string;
  summaryTitle: string;
  errorPrefix: string;
  /** Field → message when it is left empty (checked at once in the browser). */
  required: Record<string, string>;
  /** Field → message when it is too long. */
  tooLong: Record<string, string>;
};

export type DreamFormProps = {
  action: string;
  edition: string;
  token: string;
  values: DreamFormValues;
  /** Field → message (already in the reader's language). */
  errors: Record<string, string>;
  initialStep: number;
  steps: string[][];
  text: DreamFormText;
  /** In the edition's order (components/dream/picks.ts). */
  needPicks: { slug: string; label: string }[];
  wijkGroups: { label: string; wijken: { slug: string; name: string }[] }[];
  languages: { value: string; label: string; lang?: string }[];
  limits: Record<string, number>;
  privacyHref: string;
};

type Errors = Record<string, string>;
type Focus = { kind: 'summary' | 'heading' | 'field'; target: string; n: number } | null;

const REQUIRED = ['dream', 'firstName', 'age', 'phone'];
/** Fields only the server can judge (the shared schema: phone numbers, e-mail, age). */
const SERVER_CHECKED = ['phone', 'email', 'age'];
const MIN_LENGTH: Record<string, number> = { dream: 2, firstName: 1 };
const anchor = (field: string, picks: { slug: string }[]) =>
  field === 'needPicks' ? `f-needPicks-${picks[0]?.slug ?? ''}` : `f-${field}`;

export default function DreamForm(props: DreamFormProps) {
  const { text, steps, limits, values, needPicks } = props;
  const [enhanced, setEnhanced] = useState(false);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Errors>(props.errors);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<Focus>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const total = steps.length;

  // After hydration: steps instead of one long form, on the step the server pointed at.
  useEffect(() => {
    setEnhanced(true);
    setStep(Math.min(Math.max(0, props.initialStep), total - 1));
    if (Object.keys(props.errors).length > 0) setFocus({ kind: 'summary', target: 'dream-error-summary', n: 1 });
    // An island's props never change after hydration, so this runs once.
  }, [props.initialStep, props.errors, total]);

  useEffect(() => {
    if (!focus) return;
    const el = document.getElementById(focus.target);
    if (el) {
      el.focus();
      if (focus.kind !== 'field') el.scrollIntoView({ block: 'start' });
    }
  }, [focus]);

  const read = (): Record<string, unknown> => {
    const data = new FormData(formRef.current!);
    const out: Record<string, unknown> = {};
    for (const field of steps.flat()) {
      const value = data.get(field);
      out[field] = field === 'needPicks' ? data.getAll(field) : typeof value === 'string' ? value : '';
    }
    out.edition = props.edition;
    return out;
  };

  /** Instant checks for empty and too long fields; the server checks the rest. */
  const localCheck = (fields: string[], data: Record<string, unknown>): Errors => {
    const out: Errors = {};
    for (const field of fields) {
      const value = typeof data[field] === 'string' ? data[field].trim() : '';
      if (REQUIRED.includes(field) && value.length < (MIN_LENGTH[field] ?? 1)) out[field] = text.required[field];
      else if (limits[field] && value.length > limits[field]) out[field] = text.tooLong[field];
    }
    return out;
  };

  /** The shared schema on the server, for these fields; the local check when it cannot be asked. */
  const check = async (fields: string[]): Promise<Errors> => {
    const data = read();
    const local = localCheck(fields, data);
    try {
      const res = await fetch(props.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...data, fields }),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) return local;
      const body = (await res.json()) as { errors?: Errors };
      return { ...(body.errors ?? {}), ...local };
    } catch {
      return local;
    }
  };

  const show = (fields: string[], found: Errors) => {
    setErrors((old) => {
      const next: Errors = {};
      for (const [field, message] of Object.entries(old)) if (!fields.includes(field)) next[field] = message;
      return { ...next, ...found };
    });
  };

  // Checked as you go: a field with a message is checked again while it is being corrected, and
  // the message goes (or changes) as soon as the value is right. New messages only come when a
  // step is done, never on leaving a field: a message appearing then would move the button that
  // was just pressed, and the press would be lost.
  const recheck = useRef<Record<string, number>>({});
  const onInput = (field: string) => {
    if (!enhanced || !errors[field]) return;
    const data = read();
    const local = localCheck([field], data);
    if (Object.keys(local).length > 0 || !SERVER_CHECKED.includes(field)) return show([field], local);
    window.clearTimeout(recheck.current[field]);
    recheck.current[field] = window.setTimeout(() => {
      void check([field]).then((found) =>
        setErrors((old) =>
          old[field] ? { ...Object.fromEntries(Object.entries(old).filter(([f]) => f !== field)), ...found } : old,
        ),
      );
    }, 350);
  };

  const next = async () => {
    if (busy) return;
    const fields = steps[step];
    setBusy(true);
    const found = await check(fields);
    setBusy(false);
    show(fields, found);
    if (Object.keys(found).length > 0) {
      setFocus({ kind: 'summary', target: 'dream-error-summary', n: Date.now() });
      return;
    }
    setStep(step + 1);
    setFocus({ kind: 'heading', target: `dream-step-${step + 1}`, n: Date.now() });
  };

  const back = () => {
    setStep(step - 1);
    setFocus({ kind: 'heading', target: `dream-step-${step - 1}`, n: Date.now() });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (!enhanced) return;
    event.preventDefault();
    if (busy) return;
    const all = steps.flat();
    setBusy(true);
    const found = await check(all);
    show(all, found);
    const first = all.find((f) => found[f]);
    if (first) {
      setBusy(false);
      const target = steps.findIndex((s) => s.includes(first));
      setStep(target);
      setFocus({ kind: 'summary', target: 'dream-error-summary', n: Date.now() });
      return;
    }
    // The plain post: the server checks again, stores and answers with the confirmation page.
    formRef.current!.submit();
  };

  const goTo = (event: MouseEvent<HTMLAnchorElement>, field: string) => {
    if (!enhanced) return;
    event.preventDefault();
    setStep(steps.findIndex((s) => s.includes(field)));
    setFocus({ kind: 'field', target: anchor(field, needPicks), n: Date.now() });
  };

  const visible = enhanced ? steps[step] : steps.flat();
  const listed = visible.filter((f) => errors[f]);
  const described = (field: string) =>
    [text.hints[field] ? `f-${field}-hint` : '', errors[field] ? `f-${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const invalid = (field: string) => (errors[field] ? true : undefined);
  const hint = (field: string) =>
    text.hints[field] && (
      <p className="hint" id={`f-${field}-hint`}>
        {text.hints[field]}
      </p>
    );
  const error = (field: string) =>
    errors[field] && (
      <p className="field-error" id={`f-${field}-error`}>
        <span className="visually-hidden">{text.errorPrefix} </span>
        {errors[field]}
      </p>
    );
  const label = (field: string, optional = false) => (
    <label htmlFor={`f-${field}`}>
      {text.labels[field]}
      {optional && <span className="optional"> {text.optional}</span>}
    </label>
  );
  const fieldClass = (field: string) => (errors[field] ? 'field field-invalid' : 'field');

  const renderField = (field: string) => {
    switch (field) {
      case 'dream':
      case 'need':
        return (
          <div className={fieldClass(field)} key={field}>
            {label(field, field === 'need')}
            {hint(field)}
            {error(field)}
            <textarea
              id={`f-${field}`}
              name={field}
              rows={4}
              maxLength={limits[field]}
              defaultValue={values[field]}
              required={field === 'dream'}
              aria-invalid={invalid(field)}
              aria-describedby={described(field)}
              onInput={() => onInput(field)}
            />
          </div>
        );
      case 'needPicks':
        return (
          <fieldset
            className={errors.needPicks ? 'picks field-invalid' : 'picks'}
            key={field}
            aria-describedby={errors.needPicks ? 'f-needPicks-error' : undefined}
          >
            <legend>{text.picksLegend}</legend>
            {error('needPicks')}
            <ul className="pick-list">
              {needPicks.map((pick) => {
                const Icon = PICK_ICONS[pick.slug];
                return (
                  <li key={pick.slug}>
                    <input
                      type="checkbox"
                      id={`f-needPicks-${pick.slug}`}
                      name="needPicks"
                      value={pick.slug}
                      defaultChecked={values.needPicks.includes(pick.slug)}
                    />
                    <label htmlFor={`f-needPicks-${pick.slug}`}>
                      {Icon && (
                        <span className="pick-icon">
                          <Icon aria-hidden="true" focusable="false" size={22} strokeWidth={2} />
                        </span>
                      )}
                      <span>{pick.label}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      case 'wijk':
        return (
          <div className={fieldClass(field)} key={field}>
            {label(field, true)}
            {hint(field)}
            {error(field)}
            <select
              id="f-wijk"
              name="wijk"
              defaultValue={values.wijk}
              aria-invalid={invalid(field)}
              aria-describedby={described(field)}
              onChange={() => onInput(field)}
            >
              <option value="">{text.wijkNone}</option>
              {props.wijkGroups.map((group) => (
                <optgroup label={group.label} key={group.label}>
                  {group.wijken.map((w) => (
                    <option value={w.slug} key={w.slug}>
                      {w.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        );
      case 'preferredLanguage':
        return (
          <div className={fieldClass(field)} key={field}>
            {label(field, true)}
            {hint(field)}
            {error(field)}
            <select
              id="f-preferredLanguage"
              name="preferredLanguage"
              defaultValue={values.preferredLanguage}
              aria-invalid={invalid(field)}
              aria-describedby={described(field)}
              onChange={() => onInput(field)}
            >
              <option value="">{text.languageNone}</option>
              {props.languages.map((l) => (
                <option value={l.value} lang={l.lang} key={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
        );
      default: {
        const input: Record<string, { type: string; autoComplete: string; inputMode?: 'numeric' | 'tel' | 'email' }> = {
          firstName: { type: 'text', autoComplete: 'given-name' },
          age: { type: 'text', autoComplete: 'off', inputMode: 'numeric' },
          phone: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
          parentName: { type: 'text', autoComplete: 'name' },
          email: { type: 'email', autoComplete: 'email', inputMode: 'email' },
        };
        const optional = !REQUIRED.includes(field);
        return (
          <div className={fieldClass(field)} key={field}>
            {label(field, optional)}
            {hint(field)}
            {error(field)}
            <input
              id={`f-${field}`}
              name={field}
              {...input[field]}
              className={field === 'age' ? 'input-short' : undefined}
              maxLength={field === 'age' ? 10 : limits[field]}
              defaultValue={values[field as keyof DreamFormValues]}
              required={!optional}
              aria-invalid={invalid(field)}
              aria-describedby={described(field)}
              onInput={() => onInput(field)}
              dir={field === 'phone' || field === 'email' ? 'ltr' : undefined}
            />
          </div>
        );
      }
    }
  };

  return (
    <form
      method="post"
      action={props.action}
      noValidate
      className="dream-form"
      ref={formRef}
      onSubmit={(event) => void onSubmit(event)}
      data-enhanced={enhanced ? 'true' : undefined}
    >
      {listed.length > 0 && (
        <div
          className="error-summary"
          id="dream-error-summary"
          role="alert"
          tabIndex={-1}
          aria-labelledby="dream-error-summary-title"
        >
          <h2 id="dream-error-summary-title">{text.summaryTitle}</h2>
          <ul>
            {listed.map((field) => (
              <li key={field}>
                <a href={`#${anchor(field, needPicks)}`} onClick={(e) => goTo(e, field)}>
                  {errors[field]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <input type="hidden" name="edition" value={props.edition} />
      <input type="hidden" name="t" value={props.token} />
      {/* The honeypot: hidden from people and assistive technology; scripts fill it in. */}
      <div className="dream-hp" aria-hidden="true">
        <label htmlFor="f-website">{text.honeypot}</label>
        <input type="text" id="f-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {steps.map((fields, i) => (
        <fieldset className="dream-step" key={i} hidden={enhanced && i !== step} aria-labelledby={`dream-step-${i}`}>
          <h2 id={`dream-step-${i}`} tabIndex={-1} className="dream-step-title">
            {enhanced && (
              <span className="dream-progress">
                {text.progress.replace('{{step}}', String(i + 1)).replace('{{total}}', String(total))}
              </span>
            )}
            {enhanced && ' '}
            <span>{text.stepTitles[i]}</span>
          </h2>
          {i === total - 1 && <p className="notice-soft dream-alone">{text.alone}</p>}
          {fields.map(renderField)}
          {i === total - 1 && (
            <p className="dream-privacy">
              <a href={props.privacyHref}>{text.privacy}</a>
            </p>
          )}
          {enhanced && (
            <div className="dream-nav">
              {i > 0 && (
                <button type="button" className="button secondary" onClick={back}>
                  {text.back}
                </button>
              )}
              {i < total - 1 ? (
                <button type="button" className="button" onClick={() => void next()} aria-disabled={busy || undefined}>
                  {text.next}
                </button>
              ) : (
                <button type="submit" className="button cta" aria-disabled={busy || undefined}>
                  {busy ? text.sending : text.submit}
                </button>
              )}
            </div>
          )}
        </fieldset>
      ))}
      {!enhanced && (
        <p className="dream-nav">
          <button type="submit" className="button cta">
            {text.submit}
          </button>
        </p>
      )}
    </form>
  );
}
