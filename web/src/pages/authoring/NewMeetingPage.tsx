import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../../../src/domain/format.js';
import type { Meeting } from '../../../../src/domain/meeting.js';
import type { FocusAreaSet } from '../../../../src/domain/plan.js';
import { send, useApi } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { authoringPaths } from '../../lib/authoringPaths.js';
import type { PlanPeriodView } from '../../lib/types.js';
import { useSession } from '../../session/Session.js';
import { Field, fieldErrors, FormError, messageFor, NO_ERRORS, useFocusOnError, type FieldErrors } from './fields.js';
import type { AuthoringMeeting } from './types.js';

/**
 * /sammantraden/nytt: the secretary creates a meeting as a draft — body, date, plan period, focus
 * year, title — by default with the previous meeting's structure (items under goals, presenters,
 * blocks). The server checks everything; its messages are shown next to each field.
 */
export function NewMeetingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const planPeriods = useApi<PlanPeriodView[]>('/api/plan-periods');
  const focusAreas = useApi<FocusAreaSet[]>('/api/focus-areas');
  const meetings = useApi<Meeting[]>('/api/meetings');
  return (
    <>
      <PageHeading title={t('authoring.new.title')} />
      {!can('edit_meetings') ? (
        <div className="notice">
          <p>{t('authoring.new.notAllowed')}</p>
        </div>
      ) : (
        <Async value={planPeriods} what={t('what.planPeriods')}>
          {(periods) => (
            <Async value={focusAreas} what={t('authoring.what.focusAreas')}>
              {(focus) => (
                <Async value={meetings} what={t('what.meetings')}>
                  {(list) => <NewMeetingForm periods={periods} focusYears={focus.map((f) => f.year)} meetings={list} />}
                </Async>
              )}
            </Async>
          )}
        </Async>
      )}
    </>
  );
}

function periodFor(periods: readonly PlanPeriodView[], year: number): string {
  const covering = periods.filter((p) => p.startYear <= year && year <= p.endYear).sort((a, b) => b.startYear - a.startYear);
  return (covering[0] ?? [...periods].sort((a, b) => b.startYear - a.startYear)[0])?.id ?? '';
}

function NewMeetingForm({ periods, focusYears, meetings }: { periods: PlanPeriodView[]; focusYears: number[]; meetings: Meeting[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const bodies = useMemo(() => [...new Set(meetings.map((m) => m.body))], [meetings]);
  const [body, setBody] = useState(bodies[0] ?? 'Regionstyrelsen');
  const [date, setDate] = useState('');
  const [planPeriodId, setPlanPeriodId] = useState<string | null>(null);
  const [focusYear, setFocusYear] = useState<string | null>(null);
  const [title, setTitle] = useState('Informationspunkter');
  const [copyFrom, setCopyFrom] = useState('previous');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);

  // plan period and focus year follow the date until the user picks them
  const year = /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : new Date().getFullYear();
  const plan = planPeriodId ?? periodFor(periods, year);
  const years = [...focusYears].sort((a, b) => b - a);
  const focus = focusYear ?? String(years.includes(year) ? year : (years[0] ?? year));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors(NO_ERRORS);
    try {
      const created = await send<AuthoringMeeting>('POST', '/api/meetings', {
        body: body.trim(),
        date,
        planPeriodId: plan,
        focusYear: Number(focus),
        title: title.trim(),
        copyFrom: copyFrom === '' ? null : copyFrom,
      });
      navigate(authoringPaths.agenda(created.meeting.id), { state: { created: true } });
    } catch (e) {
      const found = fieldErrors(e);
      setError(e);
      setErrors(found);
      setBusy(false);
    }
  };

  // the first field in error gets focus; otherwise the message itself
  useFocusOnError(form, error);
  const err = (field: string) => messageFor(errors, field);
  return (
    <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)}>
      <p>{t('authoring.new.intro')}</p>
      <FormError title={t('authoring.new.failed')} error={error} />
      <Field label={t('authoring.new.body')} error={err('body')}>
        {(p) => (
          <>
            <input {...p} name="body" list={`${p.id}-list`} value={body} onChange={(e) => setBody(e.target.value)} autoComplete="off" />
            <datalist id={`${p.id}-list`}>
              {bodies.map((b) => (
                <option key={b} value={b} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('authoring.new.date')} hint={t('authoring.new.dateHint')} error={err('date')}>
        {(p) => <input {...p} name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field label={t('picker.planPeriod')} error={err('planPeriodId')}>
        {(p) => (
          <select {...p} name="planPeriodId" value={plan} onChange={(e) => setPlanPeriodId(e.target.value)}>
            {periods.map((pp) => (
              <option key={pp.id} value={pp.id}>
                {pp.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('authoring.new.focusYear')} error={err('focusYear')}>
        {(p) => (
          <select {...p} name="focusYear" value={focus} onChange={(e) => setFocusYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {t('meeting.focus', { year: String(y) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('authoring.new.heading')} error={err('title')}>
        {(p) => <input {...p} name="title" value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('authoring.new.copyFrom')} hint={t('authoring.new.copyHint')} error={err('copyFrom')}>
        {(p) => (
          <select {...p} name="copyFrom" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
            <option value="previous">{t('authoring.new.copyPrevious')}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {`${m.body} ${formatDate(m.date)}`}
              </option>
            ))}
            <option value="">{t('authoring.new.copyNone')}</option>
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {busy ? t('authoring.new.busy') : t('authoring.new.submit')}
        </button>
      </div>
    </form>
  );
}
