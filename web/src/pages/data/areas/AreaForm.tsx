import { useState, type FormEvent } from 'react';
import { AREA_KINDS, descendantsOf, type Area, type AreaKind } from '../../../../../src/domain/area.js';
import { ApiError, send } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field, fieldError, sentence, summaryItems } from '../form/Field.js';
import { AreaOptions } from '../form/Options.js';

/**
 * An area's fields (POST /api/areas, PATCH /api/areas/:id): kind, name, short name, Kolada id,
 * the area it lies under, other names, and for an aggregate (riket, a sjukvårdsregion) its
 * members. The server checks references, cycles and Kolada ids; its Swedish message for each
 * field is shown next to the field, with a summary that links to them.
 */
interface Draft {
  kind: AreaKind;
  name: string;
  shortName: string;
  koladaId: string;
  parentId: string;
  aliases: string;
  memberIds: string[];
}

const AGGREGATE_KINDS: readonly AreaKind[] = ['country', 'healthcare_region'];

function draftOf(area: Area | null): Draft {
  return {
    kind: area?.kind ?? 'unit',
    name: area?.name ?? '',
    shortName: area?.shortName ?? '',
    koladaId: area?.koladaId ?? '',
    parentId: area?.parentId ?? '',
    aliases: (area?.aliases ?? []).join('\n'),
    memberIds: [...(area?.memberIds ?? [])],
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function AreaForm({ area, areas, idPrefix, onSaved, onCancel }: { area: Area | null; areas: readonly Area[]; idPrefix: string; onSaved: (saved: Area) => Promise<void>; onCancel?: () => void }) {
  const { t } = useI18n();
  const creating = area === null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(area));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const id = (field: string) => `${idPrefix}-${field}`;

  const showMembers = AGGREGATE_KINDS.includes(draft.kind) || (area?.memberIds.length ?? 0) > 0;
  // an area is never under itself or under one of its own
  const excluded = new Set(area ? [area.id, ...descendantsOf(area.id, areas).map((a) => a.id)] : []);
  const parents = areas.filter((a) => !excluded.has(a.id));
  const memberChoices = areas.filter((a) => a.id !== area?.id && (a.kind === 'region' || draft.memberIds.includes(a.id))).sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const fields = [
    { name: 'kind', label: t('areas.form.kind') },
    { name: 'name', label: t('areas.form.name') },
    { name: 'shortName', label: t('areas.form.shortName') },
    { name: 'koladaId', label: t('areas.form.koladaId') },
    { name: 'parentId', label: t('areas.form.parentId') },
    { name: 'aliases', label: t('areas.form.aliases') },
    { name: 'memberIds', label: t('areas.form.members') },
  ].map((f) => ({ ...f, id: f.name === 'memberIds' ? id(`member-${memberChoices[0]?.id ?? ''}`) : id(f.name) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const body = {
      kind: draft.kind,
      name: draft.name,
      shortName: orNull(draft.shortName),
      koladaId: orNull(draft.koladaId),
      parentId: draft.parentId === '' ? null : draft.parentId,
      aliases: draft.aliases
        .split('\n')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      memberIds: showMembers ? draft.memberIds : [],
    };
    try {
      const saved = creating ? await send<Area>('POST', '/api/areas', body) : await send<Area>('PATCH', `/api/areas/${encodeURIComponent(area.id)}`, body);
      await onSaved(saved);
      if (creating) setDraft((d) => ({ ...draftOf(null), kind: d.kind, parentId: d.parentId }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const membersError = fieldError(error, 'memberIds');
  return (
    <form className="form form-wide area-form" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorSummary id={id('problem')} cause={error} title={creating ? t('areas.form.createFailed') : t('areas.form.saveFailed')} items={summaryItems(error, fields)} /> : null}
      <div className="field-row">
        <Field id={id('kind')} label={t('areas.form.kind')} error={fieldError(error, 'kind')}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => set('kind', e.target.value as AreaKind)}>
              {AREA_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`areas.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('name')} label={t('areas.form.name')} error={fieldError(error, 'name')}>
          {(p) => <input {...p} value={draft.name} maxLength={200} autoComplete="off" onChange={(e) => set('name', e.target.value)} />}
        </Field>
      </div>
      <Field id={id('parentId')} label={t('areas.form.parentId')} hint={t('areas.form.parentHint')} error={fieldError(error, 'parentId')}>
        {(p) => (
          <select {...p} value={draft.parentId} onChange={(e) => set('parentId', e.target.value)}>
            <option value="">{t('areas.form.noParent')}</option>
            <AreaOptions areas={parents} />
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field id={id('shortName')} label={t('areas.form.shortName')} hint={t('areas.form.shortNameHint')} error={fieldError(error, 'shortName')}>
          {(p) => <input {...p} value={draft.shortName} maxLength={100} autoComplete="off" onChange={(e) => set('shortName', e.target.value)} />}
        </Field>
        <Field id={id('koladaId')} label={t('areas.form.koladaId')} hint={t('areas.form.koladaIdHint')} error={fieldError(error, 'koladaId')}>
          {(p) => <input {...p} value={draft.koladaId} maxLength={4} inputMode="numeric" autoComplete="off" spellCheck={false} onChange={(e) => set('koladaId', e.target.value)} />}
        </Field>
      </div>
      <Field id={id('aliases')} label={t('areas.form.aliases')} hint={t('areas.form.aliasesHint')} error={fieldError(error, 'aliases')}>
        {(p) => <textarea {...p} rows={Math.max(2, draft.aliases.split('\n').length)} value={draft.aliases} onChange={(e) => set('aliases', e.target.value)} />}
      </Field>
      {showMembers ? (
        <fieldset className="area-members" aria-describedby={[id('members-hint'), membersError ? id('members-error') : null].filter(Boolean).join(' ')}>
          <legend>{t('areas.form.members')}</legend>
          <p id={id('members-hint')} className="hint">
            {t('areas.form.membersHint')} {t('areas.form.membersChosen', { count: String(draft.memberIds.length) })}
          </p>
          <ul className="plain check-columns">
            {memberChoices.map((a) => (
              <li key={a.id} className="field-check">
                <input
                  id={id(`member-${a.id}`)}
                  type="checkbox"
                  checked={draft.memberIds.includes(a.id)}
                  onChange={(e) => set('memberIds', e.target.checked ? [...draft.memberIds, a.id] : draft.memberIds.filter((m) => m !== a.id))}
                  {...(membersError ? { 'aria-invalid': true } : {})}
                />
                <label htmlFor={id(`member-${a.id}`)}>{a.name}</label>
              </li>
            ))}
          </ul>
          {membersError ? (
            <p id={id('members-error')} className="field-error">
              {sentence(membersError)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="actions">
        <button type="submit" aria-disabled={busy ? true : undefined}>
          {creating ? t('areas.form.create') : t('areas.form.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('areas.form.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
