import type { Area } from '../../../src/domain/area.js';
import { useI18n } from '../i18n/I18n.js';
import type { AreaGroups } from '../lib/areas.js';

/** A labelled select of the own organisation: region, förvaltningar, enheter (and extra areas if given). */
export function AreaSelect({ id, groups, value, extra = [] }: { id: string; groups: AreaGroups; value: string; extra?: readonly Area[] }) {
  const { t } = useI18n();
  const option = (a: Area) => (
    <option key={a.id} value={a.id}>
      {a.name}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={id}>{t('picker.area')}</label>
      <select id={id} name="omrade" defaultValue={value} key={value}>
        <optgroup label={t('picker.region')}>{groups.regions.map(option)}</optgroup>
        {groups.administrations.length > 0 ? <optgroup label={t('picker.administrations')}>{groups.administrations.map(option)}</optgroup> : null}
        {groups.units.length > 0 ? <optgroup label={t('picker.units')}>{groups.units.map(option)}</optgroup> : null}
        {extra.length > 0 ? <optgroup label={t('picker.comparison')}>{extra.map(option)}</optgroup> : null}
      </select>
    </div>
  );
}
