import type { ReactNode } from 'react';
import type { Block } from '../../../../../src/domain/blocks.js';
import { CHECKLIST_DATE_KINDS, CHECKLIST_DATE_LABELS, CHECKLIST_STATUS_LABELS, CHECKLIST_STATUSES, type RankingReference } from '../../../../../src/domain/blocks.js';
import { UNITS, unitName, type Unit } from '../../../../../src/domain/units.js';
import { useI18n } from '../../../i18n/I18n.js';
import { CheckField, Field, messageFor, rowLabel, type FieldErrors } from '../fields.js';
import { loadFacets, useFacets, type Catalog } from './catalog.js';
import type { BlockOf } from './defaults.js';
import { AreaChecklist, AreaField, IndicatorPicker, OptionalText, PeriodField, SelectField, TextInput } from './pickers.js';
import { RowsEditor } from './RowsEditor.js';
import { ImageAssetFields } from './ImageAssetFields.js';
import { StatementEditor } from './StatementEditor.js';

/**
 * The form for one block, by type. Every control edits the block as the server stores it (the
 * block schemas in domain/blocks.ts); the server validates and its messages appear next to the
 * field they name (`errors`: paths inside the block, "period", "items[2].due").
 */
export type Update = (change: (block: Block) => Block) => void;

interface FormProps<B extends Block> {
  block: B;
  update: (change: (block: B) => B) => void;
  errors: FieldErrors;
  catalog: Catalog;
}

export function BlockForm({ block, update, errors, catalog }: { block: Block; update: Update; errors: FieldErrors; catalog: Catalog }) {
  // each form edits its own type; the cast is safe because a block's type never changes
  const Form = FORMS[block.type] as (props: FormProps<Block>) => ReactNode;
  return <Form block={block} update={update} errors={errors} catalog={catalog} />;
}

/** One form per block type: the map's type makes a new block type without a form a type error. */
const FORMS: { [K in Block['type']]: (props: FormProps<BlockOf<K>>) => ReactNode } = {
  text: TextForm,
  key_figure: KeyFigureForm,
  indicator_chart: ChartForm,
  ranking_table: RankingForm,
  statement_table: StatementForm,
  timeline: TimelineForm,
  checklist: ChecklistForm,
  risk_list: RiskListForm,
  data_table: DataTableForm,
  image: ImageForm,
};

const err = (errors: FieldErrors, field: string) => messageFor(errors, field);

function TextForm({ block, update, errors }: FormProps<BlockOf<'text'>>) {
  const { t } = useI18n();
  return (
    <>
      <OptionalText label={t('authoring.block.heading')} value={block.heading} onChange={(heading) => update((b) => ({ ...b, heading }))} error={err(errors, 'heading')} hint={t('authoring.block.optional')} />
      <Field label={t('authoring.block.markdown')} hint={t('authoring.block.markdownHint')} error={err(errors, 'markdown')}>
        {(p) => <textarea {...p} rows={8} value={block.markdown} onChange={(e) => update((b) => ({ ...b, markdown: e.target.value }))} />}
      </Field>
    </>
  );
}

/** The breakdowns an indicator has values for (kön, åldersgrupp …), when it has more than the total. */
function BreakdownField({ indicatorId, value, onChange, error }: { indicatorId: string; value: string; onChange: (v: string) => void; error: string | null }) {
  const { t } = useI18n();
  const facets = useFacets(indicatorId);
  const options = facets?.breakdowns ?? [];
  if (options.length <= 1 && value === '') return null;
  const list = options.some((o) => o.value === value) ? options : [{ value, label: value === '' ? t('authoring.block.total') : value }, ...options];
  return <SelectField label={t('authoring.block.breakdown')} value={value} options={list} onChange={onChange} error={error} />;
}

/** After picking an indicator, a period that has values is filled in when none is chosen. */
function withLatestPeriod<B extends { period: string }>(indicatorId: string, update: (change: (b: B) => B) => void): void {
  loadFacets(indicatorId).then(
    (facets) => {
      const latest = facets.periods.at(-1)?.key;
      if (latest) update((b) => (b.period === '' ? { ...b, period: latest } : b));
    },
    () => undefined,
  );
}

function KeyFigureForm({ block, update, errors, catalog }: FormProps<BlockOf<'key_figure'>>) {
  const { t } = useI18n();
  return (
    <>
      <IndicatorPicker
        indicators={catalog.indicators}
        value={block.indicator}
        error={err(errors, 'indicator')}
        onChange={(indicator) => {
          update((b) => ({ ...b, indicator }));
          withLatestPeriod(indicator, update);
        }}
      />
      <AreaField label={t('picker.area')} areas={catalog.areas} value={block.area} onChange={(area) => update((b) => ({ ...b, area }))} error={err(errors, 'area')} />
      <PeriodField label={t('picker.period')} indicatorId={block.indicator} value={block.period} onChange={(period) => update((b) => ({ ...b, period: period ?? '' }))} error={err(errors, 'period')} />
      <BreakdownField indicatorId={block.indicator} value={block.breakdown} onChange={(breakdown) => update((b) => ({ ...b, breakdown }))} error={err(errors, 'breakdown')} />
      <SelectField
        label={t('authoring.block.scenario')}
        value={block.scenario}
        options={[
          { value: 'utfall', label: t('authoring.block.scenario.utfall') },
          { value: 'budget', label: t('authoring.block.scenario.budget') },
          { value: 'prognos', label: t('authoring.block.scenario.prognos') },
        ]}
        onChange={(scenario) => update((b) => ({ ...b, scenario, asOf: scenario === 'prognos' ? b.asOf : '' }))}
        error={err(errors, 'scenario')}
      />
      {block.scenario === 'prognos' ? <TextInput label={t('authoring.block.asOf')} hint={t('authoring.block.asOfHint')} value={block.asOf} onChange={(asOf) => update((b) => ({ ...b, asOf }))} error={err(errors, 'asOf')} /> : null}
      <PeriodField label={t('authoring.block.compareWith')} optional indicatorId={block.indicator} value={block.compareWith} onChange={(compareWith) => update((b) => ({ ...b, compareWith }))} error={err(errors, 'compareWith')} />
      <CheckField label={t('authoring.block.compareWithBudget')} checked={block.compareWithBudget} onChange={(compareWithBudget) => update((b) => ({ ...b, compareWithBudget }))} />
      <CheckField label={t('authoring.block.showTarget')} checked={block.showTarget} onChange={(showTarget) => update((b) => ({ ...b, showTarget }))} />
      <OptionalText label={t('authoring.block.label')} hint={t('authoring.block.labelHint')} value={block.label} onChange={(label) => update((b) => ({ ...b, label }))} error={err(errors, 'label')} />
    </>
  );
}

function ChartForm({ block, update, errors, catalog }: FormProps<BlockOf<'indicator_chart'>>) {
  const { t } = useI18n();
  const facets = useFacets(block.indicator);
  const own = block.areas[0] ?? catalog.ownRegionId;
  const others = block.areas.slice(1);
  return (
    <>
      <IndicatorPicker indicators={catalog.indicators} value={block.indicator} error={err(errors, 'indicator')} onChange={(indicator) => update((b) => ({ ...b, indicator }))} />
      <AreaField label={t('authoring.block.ownArea')} hint={t('authoring.block.ownAreaHint')} areas={catalog.areas} value={own} onChange={(area) => update((b) => ({ ...b, areas: [area, ...b.areas.slice(1).filter((a) => a !== area)] }))} error={messageFor(errors, 'areas[0]')} />
      <details className="field-details">
        <summary>{t('authoring.block.compareAreas', { count: String(others.length) })}</summary>
        <AreaChecklist
          legend={t('authoring.block.compareAreasLegend')}
          areas={catalog.areas}
          value={others}
          exclude={[own]}
          onlyWithValues={facets?.areaIds ?? null}
          onChange={(ids) => update((b) => ({ ...b, areas: [b.areas[0] ?? own, ...ids] }))}
          error={messageFor(new Map([...errors].filter(([p]) => p !== 'areas[0]')), 'areas', rowLabel(t('authoring.block.areaRow')))}
        />
      </details>
      <PeriodField label={t('authoring.block.from')} optional indicatorId={block.indicator} value={block.from} onChange={(from) => update((b) => ({ ...b, from }))} error={err(errors, 'from')} />
      <PeriodField label={t('authoring.block.to')} optional indicatorId={block.indicator} value={block.to} onChange={(to) => update((b) => ({ ...b, to }))} error={err(errors, 'to')} />
      <SelectField
        label={t('authoring.block.chart')}
        value={block.chart}
        options={[
          { value: 'line', label: t('authoring.block.chart.line') },
          { value: 'bar', label: t('authoring.block.chart.bar') },
        ]}
        onChange={(chart) => update((b) => ({ ...b, chart }))}
        error={err(errors, 'chart')}
      />
      <BreakdownField indicatorId={block.indicator} value={block.breakdown} onChange={(breakdown) => update((b) => ({ ...b, breakdown }))} error={err(errors, 'breakdown')} />
      <CheckField label={t('authoring.block.showTarget')} checked={block.showTarget} onChange={(showTarget) => update((b) => ({ ...b, showTarget }))} />
      <OptionalText label={t('authoring.block.title')} hint={t('authoring.block.titleHint')} value={block.title} onChange={(title) => update((b) => ({ ...b, title }))} error={err(errors, 'title')} />
    </>
  );
}

const referenceId = (r: RankingReference) => (typeof r === 'string' ? r : r.area);

function RankingForm({ block, update, errors, catalog }: FormProps<BlockOf<'ranking_table'>>) {
  const { t } = useI18n();
  const facets = useFacets(block.indicator);
  const aggregates = catalog.areas.filter((a) => a.kind === 'country' || a.kind === 'healthcare_region');
  return (
    <>
      <IndicatorPicker
        indicators={catalog.indicators}
        value={block.indicator}
        error={err(errors, 'indicator')}
        onChange={(indicator) => {
          update((b) => ({ ...b, indicator }));
          withLatestPeriod(indicator, update);
        }}
      />
      <PeriodField label={t('picker.period')} indicatorId={block.indicator} value={block.period} onChange={(period) => update((b) => ({ ...b, period: period ?? '' }))} error={err(errors, 'period')} />
      <SelectField
        label={t('authoring.block.rankAreas')}
        value={block.areas === 'regions' ? 'regions' : 'chosen'}
        options={[
          { value: 'regions', label: t('authoring.block.rankAreas.regions') },
          { value: 'chosen', label: t('authoring.block.rankAreas.chosen') },
        ]}
        onChange={(choice) => update((b) => ({ ...b, areas: choice === 'regions' ? 'regions' : b.areas === 'regions' ? [b.highlight] : b.areas }))}
        error={block.areas === 'regions' ? err(errors, 'areas') : null}
      />
      {block.areas !== 'regions' ? (
        <AreaChecklist
          legend={t('authoring.block.rankAreasLegend')}
          areas={catalog.areas.filter((a) => a.kind === 'region')}
          value={block.areas}
          onlyWithValues={facets?.areaIds ?? null}
          onChange={(ids) => update((b) => ({ ...b, areas: ids }))}
          error={messageFor(errors, 'areas', rowLabel(t('authoring.block.areaRow')))}
        />
      ) : null}
      <AreaChecklist
        legend={t('authoring.block.references')}
        areas={aggregates}
        value={block.references.map(referenceId)}
        onChange={(ids) => update((b) => ({ ...b, references: ids.map((id) => b.references.find((r) => referenceId(r) === id) ?? id) }))}
        error={messageFor(errors, 'references', rowLabel(t('authoring.block.areaRow')))}
      />
      <AreaField label={t('authoring.block.highlight')} areas={catalog.areas} value={block.highlight} onChange={(highlight) => update((b) => ({ ...b, highlight }))} error={err(errors, 'highlight')} />
      <CheckField label={t('authoring.block.showParts')} checked={block.showParts} onChange={(showParts) => update((b) => ({ ...b, showParts }))} />
      <Field label={t('authoring.block.limit')} hint={t('authoring.block.limitHint')} error={err(errors, 'limit')}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={block.limit === null ? '' : String(block.limit)}
            onChange={(e) => update((b) => ({ ...b, limit: e.target.value === '' ? null : Number(e.target.value) }))}
          />
        )}
      </Field>
      <OptionalText label={t('authoring.block.title')} hint={t('authoring.block.titleHint')} value={block.title} onChange={(title) => update((b) => ({ ...b, title }))} error={err(errors, 'title')} />
    </>
  );
}

function StatementForm({ block, update, errors, catalog }: FormProps<BlockOf<'statement_table'>>) {
  const { t } = useI18n();
  const units: Array<{ value: Unit | ''; label: string }> = [{ value: '', label: t('authoring.block.unitPerRow') }, ...UNITS.map((u) => ({ value: u, label: unitName(u) }))];
  return (
    <>
      <TextInput label={t('authoring.block.title')} value={block.title} onChange={(title) => update((b) => ({ ...b, title }))} error={err(errors, 'title')} />
      <AreaField label={t('picker.area')} areas={catalog.areas} value={block.area} onChange={(area) => update((b) => ({ ...b, area }))} error={err(errors, 'area')} />
      <SelectField label={t('authoring.block.unit')} value={block.unit ?? ''} options={units} onChange={(unit) => update((b) => ({ ...b, unit: unit === '' ? null : unit }))} error={err(errors, 'unit')} />
      <StatementEditor block={block} update={update} errors={errors} catalog={catalog} />
    </>
  );
}

function TimelineForm({ block, update, errors }: FormProps<BlockOf<'timeline'>>) {
  const { t } = useI18n();
  const dateHint = t('authoring.block.timelineDateHint');
  // a phase's parent is one of the other phases, chosen by its name
  const parents = (index: number) => block.phases.filter((_, i) => i !== index).map((p) => ({ value: p.id, label: p.label.trim() === '' ? p.id : p.label }));
  return (
    <>
      <TextInput label={t('authoring.block.title')} value={block.title} onChange={(title) => update((b) => ({ ...b, title }))} error={err(errors, 'title')} />
      <RowsEditor
        legend={t('authoring.block.phases')}
        field="phases"
        rows={block.phases}
        errors={errors}
        blank={() => ({ id: `fas-${block.phases.length + 1}`, label: '', start: '', end: '', parent: null })}
        onChange={(phases) => update((b) => ({ ...b, phases }))}
        columns={[
          { key: 'id', label: t('authoring.block.rowId'), kind: 'text' },
          { key: 'label', label: t('authoring.block.rowLabel'), kind: 'text' },
          { key: 'start', label: t('authoring.block.start'), kind: 'text', hint: dateHint },
          { key: 'end', label: t('authoring.block.end'), kind: 'text', hint: dateHint },
          { key: 'parent', label: t('authoring.block.parent'), kind: 'optionalSelect', options: parents, emptyLabel: t('authoring.block.noParent') },
        ]}
      />
      <RowsEditor
        legend={t('authoring.block.milestones')}
        field="milestones"
        rows={block.milestones}
        errors={errors}
        blank={() => ({ id: `milstolpe-${block.milestones.length + 1}`, label: '', date: '' })}
        onChange={(milestones) => update((b) => ({ ...b, milestones }))}
        columns={[
          { key: 'id', label: t('authoring.block.rowId'), kind: 'text' },
          { key: 'label', label: t('authoring.block.rowLabel'), kind: 'text' },
          { key: 'date', label: t('authoring.block.date'), kind: 'text', hint: dateHint },
        ]}
      />
      <CheckField label={t('authoring.block.todayMarker')} checked={block.todayMarker} onChange={(todayMarker) => update((b) => ({ ...b, todayMarker }))} />
    </>
  );
}

function ChecklistForm({ block, update, errors }: FormProps<BlockOf<'checklist'>>) {
  const { t } = useI18n();
  return (
    <>
      <TextInput label={t('authoring.block.title')} value={block.title} onChange={(title) => update((b) => ({ ...b, title }))} error={err(errors, 'title')} />
      <RowsEditor
        legend={t('authoring.block.deliverables')}
        field="items"
        rows={block.items}
        errors={errors}
        blank={() => ({ label: '', party: '', status: 'ej_paborjad' as const, group: null, due: null, dateKind: 'deadline' as const })}
        onChange={(items) => update((b) => ({ ...b, items }))}
        columns={[
          { key: 'label', label: t('checklist.item'), kind: 'text' },
          { key: 'party', label: t('checklist.party'), kind: 'text' },
          { key: 'status', label: t('checklist.status'), kind: 'select', options: CHECKLIST_STATUSES.map((s) => ({ value: s, label: CHECKLIST_STATUS_LABELS[s] })) },
          { key: 'group', label: t('checklist.group'), kind: 'optionalText' },
          { key: 'due', label: t('checklist.date'), kind: 'optionalText', hint: t('authoring.block.dateHint') },
          { key: 'dateKind', label: t('checklist.dateKind'), kind: 'select', options: CHECKLIST_DATE_KINDS.map((k) => ({ value: k, label: CHECKLIST_DATE_LABELS[k] })) },
        ]}
      />
    </>
  );
}

function RiskListForm({ block, update, errors, catalog }: FormProps<BlockOf<'risk_list'>>) {
  const { t } = useI18n();
  return (
    <>
      <TextInput label={t('authoring.block.register')} hint={t('authoring.block.knownIds')} list={catalog.registers} value={block.register} onChange={(register) => update((b) => ({ ...b, register }))} error={err(errors, 'register')} />
      <OptionalText label={t('authoring.block.category')} hint={t('authoring.block.categoryHint')} value={block.category} onChange={(category) => update((b) => ({ ...b, category }))} error={err(errors, 'category')} />
      <CheckField label={t('authoring.block.showMatrix')} checked={block.showMatrix} onChange={(showMatrix) => update((b) => ({ ...b, showMatrix }))} />
      <OptionalText label={t('authoring.block.title')} hint={t('authoring.block.titleHint')} value={block.title} onChange={(title) => update((b) => ({ ...b, title }))} error={err(errors, 'title')} />
    </>
  );
}

function DataTableForm({ block, update, errors, catalog }: FormProps<BlockOf<'data_table'>>) {
  const { t } = useI18n();
  return (
    <>
      <TextInput label={t('authoring.block.dataset')} hint={t('authoring.block.knownIds')} list={catalog.datasets} value={block.dataset} onChange={(dataset) => update((b) => ({ ...b, dataset }))} error={err(errors, 'dataset')} />
      <OptionalText
        label={t('authoring.block.columns')}
        hint={t('authoring.block.columnsHint')}
        value={block.columns === null ? null : block.columns.join(', ')}
        onChange={(text) => update((b) => ({ ...b, columns: text === null ? null : text.split(',').map((c) => c.trim()).filter(Boolean) }))}
        error={messageFor(errors, 'columns', rowLabel(t('authoring.block.columnRow')))}
      />
      <CheckField label={t('authoring.block.totals')} checked={block.totals} onChange={(totals) => update((b) => ({ ...b, totals }))} />
      <OptionalText label={t('authoring.block.title')} hint={t('authoring.block.titleHint')} value={block.title} onChange={(title) => update((b) => ({ ...b, title }))} error={err(errors, 'title')} />
    </>
  );
}

function ImageForm({ block, update, errors, catalog }: FormProps<BlockOf<'image'>>) {
  const { t } = useI18n();
  return (
    <>
      <ImageAssetFields
        asset={block.asset}
        error={err(errors, 'asset')}
        knownIds={catalog.assets}
        // a chosen picture brings its alt text when the block has none; an uploaded one always does
        onPick={(asset, alt) => update((b) => ({ ...b, asset, alt: b.alt.trim() === '' && alt !== null ? alt : b.alt }))}
        onUploaded={(info) => update((b) => ({ ...b, asset: info.id, alt: info.alt }))}
      />
      <TextInput label={t('authoring.block.alt')} hint={t('authoring.block.altHint')} value={block.alt} onChange={(alt) => update((b) => ({ ...b, alt }))} error={err(errors, 'alt')} />
      <OptionalText label={t('authoring.block.caption')} value={block.caption} onChange={(caption) => update((b) => ({ ...b, caption }))} error={err(errors, 'caption')} hint={t('authoring.block.optional')} />
    </>
  );
}
