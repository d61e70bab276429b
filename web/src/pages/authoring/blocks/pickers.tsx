import { useId, useState } from 'react';
import type { Area } from '../../../../../src/domain/area.js';
import { searchKey } from '../../../../../src/domain/text.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ownOrganisation } from '../../../lib/areas.js';
import { Field } from '../fields.js';
import { useFacets, type IndicatorBrief } from './catalog.js';

/**
 * The block forms' pickers: an indicator found by search, an area from the own organisation or
 * the comparison areas, a period with the indicator's own periods as suggestions, and plain text
 * fields where empty means "not set" (null).
 */
export function IndicatorPicker({ indicators, value, onChange, error, label }: { indicators: readonly IndicatorBrief[]; value: string; onChange: (id: string) => void; error: string | null; label?: string }) {
  const { t, tn } = useI18n();
  const searchId = useId();
  const countId = useId();
  const [search, setSearch] = useState('');
  const key = searchKey(search);
  const words = key.split(' ').filter(Boolean);
  const matches = indicators.filter((i) => {
    const haystack = searchKey(`${i.name} ${i.shortName ?? ''} ${i.id} ${i.source}`);
    return words.every((w) => haystack.includes(w));
  });
  const current = indicators.find((i) => i.id === value) ?? null;
  const shown = current && !matches.includes(current) ? [current, ...matches] : matches;
  return (
    <div className="indicator-picker">
      <div className="field">
        <label htmlFor={searchId}>{t('authoring.block.indicatorSearch')}</label>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} aria-describedby={countId} autoComplete="off" />
        <p id={countId} className="field-hint" aria-live="polite">
          {tn('authoring.block.indicatorMatches', matches.length)}
        </p>
      </div>
      <Field label={label ?? t('authoring.block.indicator')} error={error}>
        {(p) => (
          <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
            {value === '' ? <option value="">{t('authoring.block.choose')}</option> : null}
            {shown.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** Option groups of areas: the own organisation first, then the comparison areas. */
export function AreaOptions({ areas }: { areas: readonly Area[] }) {
  const { t } = useI18n();
  const own = ownOrganisation(areas);
  const ownIds = new Set([...own.regions, ...own.administrations, ...own.units].map((a) => a.id));
  const comparison = areas.filter((a) => !ownIds.has(a.id)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const option = (a: Area) => (
    <option key={a.id} value={a.id}>
      {a.name}
    </option>
  );
  return (
    <>
      <optgroup label={t('picker.region')}>{own.regions.map(option)}</optgroup>
      {own.administrations.length > 0 ? <optgroup label={t('picker.administrations')}>{own.administrations.map(option)}</optgroup> : null}
      {own.units.length > 0 ? <optgroup label={t('picker.units')}>{own.units.map(option)}</optgroup> : null}
      {comparison.length > 0 ? <optgroup label={t('picker.comparison')}>{comparison.map(option)}</optgroup> : null}
    </>
  );
}

export function AreaField({ areas, value, onChange, error, label, hint }: { areas: readonly Area[]; value: string; onChange: (id: string) => void; error: string | null; label: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint ?? null}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {areas.some((a) => a.id === value) ? null : <option value={value}>{value === '' ? '–' : value}</option>}
          <AreaOptions areas={areas} />
        </select>
      )}
    </Field>
  );
}

/** Areas to compare with, as checkboxes (regions and aggregates), in a group that can be folded away. */
export function AreaChecklist({ areas, value, onChange, legend, exclude = [], error, onlyWithValues }: { areas: readonly Area[]; value: readonly string[]; onChange: (ids: string[]) => void; legend: string; exclude?: readonly string[]; error: string | null; onlyWithValues?: readonly string[] | null }) {
  const { t } = useI18n();
  const id = useId();
  const candidates = areas
    .filter((a) => !exclude.includes(a.id))
    .filter((a) => a.kind === 'region' || a.kind === 'country' || a.kind === 'healthcare_region' || value.includes(a.id))
    .filter((a) => !onlyWithValues || onlyWithValues.includes(a.id) || value.includes(a.id) || a.kind !== 'region')
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'sv') : a.kind === 'region' ? 1 : -1));
  const toggle = (areaId: string, on: boolean) => onChange(on ? [...value, areaId] : value.filter((v) => v !== areaId));
  return (
    <fieldset className="area-checklist" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <p className="field-hint">{t('authoring.block.chosenCount', { count: String(value.length) })}</p>
      <ul className="plain check-columns">
        {candidates.map((a) => (
          <li key={a.id}>
            <input id={`${id}-${a.id}`} type="checkbox" checked={value.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
            <label htmlFor={`${id}-${a.id}`}>{a.name}</label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span lang="sv">{error}</span>
        </p>
      ) : null}
    </fieldset>
  );
}

/** A period key, with the periods the indicator has values for offered as suggestions. */
export function PeriodField({ indicatorId, value, onChange, error, label, optional = false }: { indicatorId: string; value: string | null; onChange: (key: string | null) => void; error: string | null; label: string; optional?: boolean }) {
  const { t } = useI18n();
  const facets = useFacets(indicatorId);
  const periods = [...(facets?.periods ?? [])].reverse();
  const hint = periods.length > 0 ? t('authoring.block.periodHint', { latest: periods[0]?.key ?? '', label: periods[0]?.label ?? '' }) : t('authoring.block.periodHintNone');
  return (
    <Field label={label} error={error} hint={optional ? `${hint} ${t('authoring.block.optional')}` : hint}>
      {(p) => (
        <>
          <input {...p} list={`${p.id}-list`} value={value ?? ''} onChange={(e) => onChange(e.target.value.trim() === '' ? (optional ? null : '') : e.target.value.trim())} autoComplete="off" inputMode="text" />
          <datalist id={`${p.id}-list`}>
            {periods.map((pp) => (
              <option key={pp.key} value={pp.key}>
                {pp.label}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

/** Text where empty means "not set": null goes to the server, the block then uses its default. */
export function OptionalText({ label, value, onChange, error, hint }: { label: string; value: string | null; onChange: (value: string | null) => void; error: string | null; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint ?? null}>
      {(p) => <input {...p} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} autoComplete="off" />}
    </Field>
  );
}

export function TextInput({ label, value, onChange, error, hint, list }: { label: string; value: string; onChange: (value: string) => void; error: string | null; hint?: string; list?: readonly string[] }) {
  return (
    <Field label={label} error={error} hint={hint ?? null}>
      {(p) => (
        <>
          <input {...p} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" list={list && list.length > 0 ? `${p.id}-list` : undefined} />
          {list && list.length > 0 ? (
            <datalist id={`${p.id}-list`}>
              {list.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
    </Field>
  );
}

export function SelectField<V extends string>({ label, value, options, onChange, error }: { label: string; value: V; options: ReadonlyArray<{ value: V; label: string }>; onChange: (value: V) => void; error: string | null }) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
