import { useState, type FormEvent } from 'react';
import { BREAKDOWNS, DIRECTIONS, INDICATOR_KINDS } from '../../../../../src/domain/indicator.js';
import { PERIOD_TYPES } from '../../../../../src/domain/period.js';
import { slugify } from '../../../../../src/domain/text.js';
import { unitName, UNITS } from '../../../../../src/domain/units.js';
import { ApiError, send } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import type { IndicatorDetail } from '../../../lib/types.js';
import { ErrorSummary, Field, fieldError, sentence, summaryItems } from '../form/Field.js';
import { AreaOptions, IndicatorOptions } from '../form/Options.js';
import type { EditorChoices } from './useEditorData.js';

/**
 * An indicator's definition: name, unit, decimals, direction, period type, kind, breakdown,
 * derivation, source, Kolada KPI, owner and goals. The server validates; its Swedish message for
 * each field is shown next to the field, and focus goes to the first field in error.
 */
interface Draft {
  id: string;
  name: string;
  shortName: string;
  description: string;
  unit: string;
  decimals: string;
  direction: string;
  periodType: string;
  kind: string;
  breakdown: string;
  numerator: string;
  denominator: string;
  source: string;
  koladaKpi: string;
  ownerPersonId: string;
  ownerAreaId: string;
  goalLineIds: string[];
}

function draftOf(i: IndicatorDetail | null): Draft {
  return {
    id: i?.id ?? '',
    name: i?.name ?? '',
    shortName: i?.shortName ?? '',
    description: i?.description ?? '',
    unit: i?.unit ?? 'procent',
    decimals: String(i?.decimals ?? 0),
    direction: i?.direction ?? 'higher_is_better',
    periodType: i?.periodType ?? 'year',
    kind: i?.kind ?? 'value',
    breakdown: i?.breakdown ?? '',
    numerator: i?.derivation?.numerator ?? '',
    denominator: i?.derivation?.denominator ?? '',
    source: i?.source ?? '',
    koladaKpi: i?.koladaKpi ?? '',
    ownerPersonId: i?.ownerPersonId ?? '',
    ownerAreaId: i?.ownerAreaId ?? '',
    goalLineIds: [...(i?.goalLineIds ?? [])],
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The body the API takes (domain/authoring.ts: indicatorCreateInput / indicatorUpdateInput). */
function bodyOf(d: Draft, creating: boolean): Record<string, unknown> {
  const derivation = d.numerator === '' && d.denominator === '' ? null : { numerator: d.numerator, denominator: d.denominator };
  return {
    ...(creating ? { id: d.id.trim() } : {}),
    name: d.name,
    shortName: orNull(d.shortName),
    description: orNull(d.description),
    unit: d.unit,
    decimals: Number(d.decimals),
    direction: d.direction,
    periodType: d.periodType,
    kind: d.kind,
    breakdown: d.breakdown === '' ? null : d.breakdown,
    derivation,
    source: d.source,
    koladaKpi: orNull(d.koladaKpi),
    ownerPersonId: d.ownerPersonId === '' ? null : d.ownerPersonId,
    ownerAreaId: d.ownerAreaId === '' ? null : d.ownerAreaId,
    goalLineIds: d.goalLineIds,
  };
}

const ID = (field: string) => `indicator-${field}`;

export function IndicatorForm({ indicator, choices, onSaved }: { indicator: IndicatorDetail | null; choices: EditorChoices; onSaved: (saved: IndicatorDetail, created: boolean) => void }) {
  const { t } = useI18n();
  const creating = indicator === null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(indicator));
  const [idTouched, setIdTouched] = useState(!creating);
  const [error, setError] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const fields = [
    ...(creating ? [{ name: 'id', label: t('data.indicator.id') }] : []),
    { name: 'name', label: t('data.indicator.name') },
    { name: 'shortName', label: t('data.indicator.shortName') },
    { name: 'description', label: t('data.indicator.description') },
    { name: 'unit', label: t('indicator.unit') },
    { name: 'decimals', label: t('data.indicator.decimals') },
    { name: 'direction', label: t('indicator.direction') },
    { name: 'periodType', label: t('indicator.periodType') },
    { name: 'kind', label: t('data.indicator.kind') },
    { name: 'breakdown', label: t('indicator.breakdown') },
    { name: 'numerator', label: t('data.indicator.numerator') },
    { name: 'denominator', label: t('data.indicator.denominator') },
    { name: 'source', label: t('indicator.source') },
    { name: 'koladaKpi', label: t('data.indicator.koladaKpi') },
    { name: 'ownerPersonId', label: t('data.indicator.ownerPerson') },
    { name: 'ownerAreaId', label: t('data.indicator.ownerArea') },
    { name: 'goalLineIds', label: t('indicator.goals') },
  ].map((f) => ({ ...f, id: f.name === 'goalLineIds' ? `${ID('goal')}-0` : ID(f.name) }));
  const err = (name: string) => fieldError(error, name === 'numerator' || name === 'denominator' ? `derivation.${name}` : name) ?? (name === 'numerator' ? fieldError(error, 'derivation') : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    // one part of a derivation without the other cannot be sent: say so at the empty one
    if ((draft.numerator === '') !== (draft.denominator === '')) {
      const where = draft.numerator === '' ? 'derivation.numerator' : 'derivation.denominator';
      setError(new ApiError(0, t('data.indicator.derivationBoth'), null, 'invalid_input', [{ where, message: t('data.indicator.derivationBoth') }]));
      return;
    }
    setWorking(true);
    try {
      const saved = creating
        ? await send<IndicatorDetail>('POST', '/api/indicators', bodyOf(draft, true))
        : await send<IndicatorDetail>('PATCH', `/api/indicators/${encodeURIComponent(indicator.id)}`, bodyOf(draft, false));
      onSaved(saved, creating);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, (e as Error).message));
    } finally {
      setWorking(false);
    }
  };

  const select = (name: keyof Draft, options: ReadonlyArray<{ value: string; label: string }>, extra: { hint?: string; empty?: string } = {}) => (
    <Field id={ID(name)} label={fields.find((f) => f.name === name)?.label ?? name} hint={extra.hint ?? null} error={err(name)}>
      {(p) => (
        <select {...p} value={draft[name] as string} onChange={(e) => set(name, e.target.value)}>
          {extra.empty !== undefined ? <option value="">{extra.empty}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="form form-wide indicator-form" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorSummary id="indicator-problem" cause={error} title={creating ? t('data.indicator.createFailed') : t('data.indicator.saveFailed')} items={summaryItems(error, fields.map((f) => ({ ...f, name: f.name === 'numerator' || f.name === 'denominator' ? `derivation.${f.name}` : f.name })))} /> : null}
      <fieldset>
        <legend>{t('data.indicator.what')}</legend>
        <Field id={ID('name')} label={t('data.indicator.name')} error={err('name')}>
          {(p) => (
            <input
              {...p}
              value={draft.name}
              maxLength={300}
              onChange={(e) => {
                const name = e.target.value;
                setDraft((d) => ({ ...d, name, ...(creating && !idTouched ? { id: slugify(name).slice(0, 100) } : {}) }));
              }}
            />
          )}
        </Field>
        {creating ? (
          <Field id={ID('id')} label={t('data.indicator.id')} hint={t('data.indicator.idHint')} error={err('id')}>
            {(p) => (
              <input
                {...p}
                value={draft.id}
                maxLength={100}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => {
                  setIdTouched(true);
                  set('id', e.target.value);
                }}
              />
            )}
          </Field>
        ) : null}
        <Field id={ID('shortName')} label={t('data.indicator.shortName')} hint={t('data.indicator.shortNameHint')} error={err('shortName')}>
          {(p) => <input {...p} value={draft.shortName} maxLength={100} onChange={(e) => set('shortName', e.target.value)} />}
        </Field>
        <Field id={ID('description')} label={t('data.indicator.description')} error={err('description')}>
          {(p) => <textarea {...p} rows={3} value={draft.description} maxLength={4000} onChange={(e) => set('description', e.target.value)} />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t('data.indicator.measure')}</legend>
        {select('unit', UNITS.map((u) => ({ value: u, label: unitName(u) })))}
        {select('decimals', ['0', '1', '2', '3', '4'].map((d) => ({ value: d, label: d })))}
        {select('direction', DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) })))}
        {select('periodType', PERIOD_TYPES.map((p) => ({ value: p, label: t(`periodType.${p}`) })), creating ? {} : { hint: t('data.indicator.fixedWithValues') })}
        {select('kind', INDICATOR_KINDS.map((k) => ({ value: k, label: t(`data.kind.${k}`) })), creating ? { hint: t('data.indicator.kindHint') } : { hint: `${t('data.indicator.kindHint')} ${t('data.indicator.fixedWithValues')}` })}
        {select('breakdown', BREAKDOWNS.map((b) => ({ value: b, label: t(`data.breakdown.${b}`) })), { empty: t('data.indicator.noBreakdown') })}
      </fieldset>

      <fieldset>
        <legend>{t('data.indicator.derivation')}</legend>
        <p className="hint">{t('data.indicator.derivationHint')}</p>
        {(['numerator', 'denominator'] as const).map((part) => (
          <Field key={part} id={ID(part)} label={t(`data.indicator.${part}`)} error={err(part)}>
            {(p) => (
              <select {...p} value={draft[part]} onChange={(e) => set(part, e.target.value)}>
                <option value="">{t('data.indicator.noDerivation')}</option>
                <IndicatorOptions indicators={choices.indicators.filter((i) => i.id !== indicator?.id)} />
              </select>
            )}
          </Field>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('data.indicator.origin')}</legend>
        <Field id={ID('source')} label={t('indicator.source')} hint={t('data.indicator.sourceHint')} error={err('source')}>
          {(p) => <input {...p} value={draft.source} maxLength={300} onChange={(e) => set('source', e.target.value)} />}
        </Field>
        <Field id={ID('koladaKpi')} label={t('data.indicator.koladaKpi')} hint={t('data.indicator.koladaKpiHint')} error={err('koladaKpi')}>
          {(p) => <input {...p} value={draft.koladaKpi} maxLength={16} autoComplete="off" spellCheck={false} onChange={(e) => set('koladaKpi', e.target.value)} />}
        </Field>
        {select('ownerPersonId', choices.people.map((p) => ({ value: p.id, label: p.name })), { empty: t('data.indicator.noOwner') })}
        <Field id={ID('ownerAreaId')} label={t('data.indicator.ownerArea')} error={err('ownerAreaId')}>
          {(p) => (
            <select {...p} value={draft.ownerAreaId} onChange={(e) => set('ownerAreaId', e.target.value)}>
              <option value="">{t('data.indicator.noOwner')}</option>
              <AreaOptions areas={choices.areas} />
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset aria-describedby={err('goalLineIds') ? `${ID('goal')}-error` : undefined}>
        <legend>{t('indicator.goals')}</legend>
        {choices.goalLines.map((line, n) => (
          <div className="field-check" key={line.id}>
            <input
              id={`${ID('goal')}-${n}`}
              type="checkbox"
              checked={draft.goalLineIds.includes(line.id)}
              onChange={(e) => set('goalLineIds', e.target.checked ? [...draft.goalLineIds, line.id] : draft.goalLineIds.filter((g) => g !== line.id))}
              {...(err('goalLineIds') ? { 'aria-invalid': true } : {})}
            />
            <label htmlFor={`${ID('goal')}-${n}`}>{line.name}</label>
          </div>
        ))}
        {err('goalLineIds') ? (
          <p id={`${ID('goal')}-error`} className="field-error">
            {sentence(err('goalLineIds') ?? '')}
          </p>
        ) : null}
      </fieldset>

      <p>
        <button type="submit" disabled={working}>
          {creating ? t('data.indicator.create') : t('data.indicator.save')}
        </button>
      </p>
    </form>
  );
}

