import { useEffect, useState } from 'react';
import { formatDate } from '../../../../../src/domain/format.js';
import { send, type ApiError } from '../../../api.js';
import { ErrorMessage } from '../../../components/LoadState.js';
import { TableWrap } from '../../../components/TableWrap.js';
import { useI18n } from '../../../i18n/I18n.js';
import { useFocusRequest } from '../../account/fields.js';
import { ConfirmButtons, Dialog } from '../../authoring/Dialog.js';
import { toApiError, useAnnouncement } from '../shared.js';
import type { PersonDetail, PersonTitleRow } from '../types.js';
import { TitleForm } from './TitleForm.js';

/**
 * A person's titles over time, oldest first: each to end or correct (a form under the table) or,
 * when entered by mistake, to remove after a question; and a new title from a date.
 */
export function TitlesSection({ person, onChanged }: { person: PersonDetail; onChanged: (next: PersonDetail) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<PersonTitleRow | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const status = useAnnouncement();
  const focus = useFocusRequest();
  const editingRow = person.titles.find((r) => r.id === editing) ?? null;

  useEffect(() => {
    // an opened form starts at its first field
    if (editing !== null) document.getElementById(`title-${editing}-title`)?.focus();
  }, [editing]);

  const changed = (next: PersonDetail, text: string) => {
    setEditing(null);
    setError(null);
    onChanged(next);
    status.announce(text);
  };

  const remove = async (row: PersonTitleRow) => {
    setError(null);
    try {
      const next = await send<PersonDetail>('DELETE', `/api/person-titles/${row.id}`);
      setRemoving(null);
      changed(next, t('catalog.title.removed', { title: row.title }));
    } catch (e) {
      setRemoving(null);
      setError(toApiError(e));
    }
  };

  const period = (row: PersonTitleRow) => (row.validTo === null ? t('catalog.title.fromOnly', { from: formatDate(row.validFrom) }) : `${formatDate(row.validFrom)}–${formatDate(row.validTo)}`);

  return (
    <section aria-labelledby="titles-heading">
      <h2 id="titles-heading">{t('catalog.person.titles')}</h2>
      {status.element}
      {error ? <ErrorMessage error={error} what={t('catalog.what.title')} /> : null}
      {person.titles.length === 0 ? (
        <p>{t('catalog.person.noTitles')}</p>
      ) : (
        <TableWrap label={t('catalog.person.titlesCaption', { name: person.name })}>
          <table className="catalog-titles">
            <caption>{t('catalog.person.titlesCaption', { name: person.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.title.title')}</th>
                <th scope="col">{t('catalog.title.roleColumn')}</th>
                <th scope="col">{t('catalog.title.from')}</th>
                <th scope="col">{t('catalog.title.to')}</th>
                <th scope="col">{t('data.table.action')}</th>
              </tr>
            </thead>
            <tbody>
              {person.titles.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.title}</th>
                  <td>{row.roleId ? <code>{row.roleId}</code> : <span className="muted">{t('catalog.title.noRole')}</span>}</td>
                  <td>{formatDate(row.validFrom)}</td>
                  <td>{row.validTo === null ? t('catalog.title.ongoing') : formatDate(row.validTo)}</td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        id={`title-${row.id}-edit`}
                        className="button-secondary button-small"
                        aria-label={`${t('catalog.title.edit')}: ${row.title}, ${period(row)}`}
                        onClick={() => {
                          status.clear();
                          setEditing(row.id);
                        }}
                      >
                        {t('catalog.title.edit')}
                      </button>
                      <button type="button" className="button-secondary button-small" aria-label={`${t('catalog.title.remove')}: ${row.title}, ${period(row)}`} onClick={() => setRemoving(row)}>
                        {t('catalog.title.remove')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editingRow ? (
        <section aria-labelledby="title-edit-heading" className="catalog-panel">
          <h3 id="title-edit-heading">{t('catalog.title.editTitle', { title: editingRow.title })}</h3>
          <p className="hint">{t('catalog.title.editHint')}</p>
          <TitleForm
            key={editingRow.id}
            personId={person.id}
            row={editingRow}
            idPrefix={`title-${editingRow.id}`}
            onSaved={(next) => changed(next, t('catalog.title.saved', { title: editingRow.title }))}
            onCancel={() => {
              setEditing(null);
              // back to the button that opened the form
              focus(`title-${editingRow.id}-edit`);
            }}
          />
        </section>
      ) : null}
      <Dialog open={removing !== null} title={t('catalog.title.removeQuestion', { title: removing?.title ?? '' })} onClose={() => setRemoving(null)} describedBy="title-remove-text">
        {removing ? (
          <>
            <p id="title-remove-text">{t('catalog.title.removeText', { title: removing.title, period: period(removing) })}</p>
            <ConfirmButtons confirm={t('catalog.title.removeYes')} onConfirm={() => void remove(removing)} onCancel={() => setRemoving(null)} cancel={t('data.cancel')} />
          </>
        ) : null}
      </Dialog>
      <section aria-labelledby="title-new-heading" className="catalog-panel">
        <h3 id="title-new-heading">{t('catalog.title.newTitle')}</h3>
        <p className="hint">{t('catalog.title.newHint')}</p>
        <TitleForm personId={person.id} row={null} idPrefix="title-new" onSaved={(next) => changed(next, t('catalog.title.added'))} />
      </section>
    </section>
  );
}
