import { formatValue } from '../../../src/domain/format.js';
import { keyLabel } from '../../../src/domain/period.js';
import type { SparkPoint } from '../../../src/domain/scorecard.js';
import type { Unit } from '../../../src/domain/units.js';
import { useI18n } from '../i18n/I18n.js';

/**
 * A small trend line of the latest values (inline SVG, no chart library on the start page).
 * Its text alternative names the first and the last value; hollow dots are preliminary values.
 */
const W = 120;
const H = 32;
const PAD = 3;

export function Sparkline({ points, unit, decimals }: { points: readonly SparkPoint[]; unit: Unit; decimals: number }) {
  const { t } = useI18n();
  if (points.length < 2) return <span className="muted sparkline-none">{t('spark.tooFew')}</span>;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / (points.length - 1);
  const y = (v: number) => (max === min ? H / 2 : H - PAD - ((v - min) * (H - 2 * PAD)) / (max - min));
  const text = (p: SparkPoint) => `${formatValue(p.value, unit, decimals)} (${keyLabel(p.period, { style: 'short' })})`;
  const label = t('spark.label', { count: String(points.length), first: text(points[0] as SparkPoint), last: text(points[points.length - 1] as SparkPoint) });
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline fill="none" stroke="currentColor" strokeWidth="1.5" points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} />
      {points.map((p, i) =>
        p.preliminary || i === points.length - 1 ? (
          <circle key={p.period} cx={x(i)} cy={y(p.value)} r="2.5" fill={p.preliminary ? 'white' : 'currentColor'} stroke="currentColor" strokeWidth="1.2" />
        ) : null,
      )}
    </svg>
  );
}
