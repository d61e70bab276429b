import { AREA_KINDS, type Area } from '../../../../../src/domain/area.js';
import { useI18n } from '../../../i18n/I18n.js';

/** <option>s for an area picker, grouped by kind (regions, förvaltningar, enheter, comparison areas). */
export function AreaOptions({ areas }: { areas: readonly Area[] }) {
  const { t } = useI18n();
  return (
    <>
      {AREA_KINDS.map((kind) => {
        const members = areas.filter((a) => a.kind === kind);
        if (members.length === 0) return null;
        return (
          <optgroup key={kind} label={t(`data.areaKind.${kind}`)}>
            {members.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}

export function IndicatorOptions({ indicators }: { indicators: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <>
      {indicators.map((i) => (
        <option key={i.id} value={i.id}>
          {i.name}
        </option>
      ))}
    </>
  );
}
