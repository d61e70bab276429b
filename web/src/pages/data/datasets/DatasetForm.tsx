import { useMemo, useState, type FormEvent } from 'react';
import type { DatasetView } from '../../../../../src/domain/datasetAuthoring.js';
import type { ErrorDetail } from '../../../../../src/domain/errors.js';
import { ApiError, send } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field, sentence, type SummaryItem } from '../form/Field.js';
import { ColumnsEditor } from './ColumnsEditor.js';
import { draftOf, emptyDraft, fieldOf, gridWhere, prepare, resolvedColumns, type DatasetDraft } from './draft.js';
import { GridEditor } from './GridEditor.js';
import { PastePanel, type PasteOutcome } from './PastePanel.js';
import './datasetEditor.css';

/**
 * A dataset's editor: title and source, its columns, the paste box and the grid of rows with the
 * computed total row. On save everything is checked here with the domain's rules first (nothing
 * is sent while anything is wrong); what the server still refuses is shown the same way: a
 * summary (role=alert) linking to each field or cell, and the message next to it.
 */
interface Problems {
  /** The failed save these belong to (the summary moves focus once per save). */
  cause: object;
  title: string;
  items: SummaryItem[];
  /** The message for each input in error, by its id (placed when the save failed). */
  fields: ReadonlyMap<string, string>;
}

const NO_ERRORS: ReadonlyMap<string, string> = new Map();

export function DatasetForm({ dataset, onSaved }: { dataset: DatasetView | null; onSaved: (saved: DatasetView) => void }) {
  const { t } = useI18n();
  const creating = dataset === null;
  const [draft, setDraft] = useState<DatasetDraft>(() => (dataset ? draftOf(dataset) : emptyDraft()));
  const [problems, setProblems] = useState<Problems | null>(null);
  const [paste, setPaste] = useState<PasteOutcome | null>(null);
  const [working, setWorking] = useState(false);
  const columns = useMemo(() => resolvedColumns(draft.columns), [draft.columns]);
  const fieldErrors = problems?.fields ?? NO_ERRORS;

  function whereLabel(where: string): string {
    if (where === 'title') return t('datasets.edit.title');
    if (where === 'source') return t('datasets.edit.source');
    const column = /^columns\[(\d+)\]\.?(\w*)/.exec(where);
    if (column) {
      const n = Number(column[1]) + 1;
      const field = column[2] === 'key' || column[2] === '' ? 'label' : column[2];
      const name = field === 'type' || field === 'unit' || field === 'decimals' || field === 'total' ? t(`datasets.columns.${field}`) : t('datasets.columns.label');
      return `${t('datasets.columns.legend', { n: String(n), label: draft.columns[n - 1]?.label || t('datasets.columns.unnamed') })}, ${name.toLocaleLowerCase('sv-SE')}`;
    }
    if (where === 'columns') return t('datasets.columns.heading');
    if (where === 'rows') return t('datasets.grid.heading');
    return sentence(where);
  }

  /** Each problem with the input it is about (in the draft as it was saved) and a label for the summary. */
  function placed(details: readonly ErrorDetail[], cause: object, title: string): Problems {
    const fields = new Map<string, string>();
    const items = details.map((d): SummaryItem => {
      const fieldId = fieldOf(d.where, draft, columns);
      if (fieldId !== null && !fields.has(fieldId)) fields.set(fieldId, d.message);
      return { fieldId, label: d.where === null ? '' : whereLabel(d.where), message: sentence(d.message) };
    });
    return { cause, title, items, fields };
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const prepared = prepare(draft);
    const failedTitle = creating ? t('datasets.edit.createFailed') : t('datasets.edit.saveFailed');
    if (prepared.details.length > 0) {
      setProblems(placed(prepared.details, {}, failedTitle));
      return;
    }
    setProblems(null);
    setWorking(true);
    try {
      const saved = creating
        ? await send<DatasetView>('POST', '/api/datasets', prepared.body)
        : await send<DatasetView>('PUT', `/api/datasets/${encodeURIComponent(dataset.id)}`, prepared.body);
      onSaved(saved);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, (e as Error).message);
      const details = error.details.length > 0 ? error.details.map((d) => ({ where: gridWhere(d.where, prepared.rowNumbers), message: d.message })) : [{ where: null, message: error.message }];
      setProblems(placed(details, error, failedTitle));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="dataset-form" noValidate onSubmit={(e) => void submit(e)}>
      {problems ? <ErrorSummary id="dataset-problem" cause={problems.cause} title={problems.title} items={problems.items} /> : null}
      <fieldset className="form form-wide">
        <legend>{t('datasets.edit.about')}</legend>
        <Field id="dataset-title" label={t('datasets.edit.title')} error={fieldErrors.get('dataset-title') ?? null}>
          {(p) => <input {...p} value={draft.title} maxLength={300} onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))} />}
        </Field>
        <Field id="dataset-source" label={t('datasets.edit.source')} hint={t('datasets.edit.sourceHint')} error={fieldErrors.get('dataset-source') ?? null}>
          {(p) => <input {...p} value={draft.source} maxLength={300} onChange={(e) => setDraft((d) => ({ ...d, source: e.target.value }))} />}
        </Field>
      </fieldset>
      <ColumnsEditor draft={draft} setDraft={setDraft} errors={fieldErrors} />
      <PastePanel draft={draft} setDraft={setDraft} outcome={paste} setOutcome={setPaste} />
      <GridEditor draft={draft} setDraft={setDraft} columns={columns} errors={fieldErrors} onPasted={setPaste} />
      <p>
        <button type="submit" disabled={working}>
          {creating ? t('datasets.edit.create') : t('datasets.edit.save')}
        </button>
      </p>
    </form>
  );
}
