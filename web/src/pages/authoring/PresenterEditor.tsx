import { useRef, useState } from 'react';
import { send } from '../../api.js';
import { Loading } from '../../components/LoadState.js';
import { useI18n } from '../../i18n/I18n.js';
import { fieldErrors, FormError, messageFor, NO_ERRORS, rowLabel, useFocusOnError, type FieldErrors } from './fields.js';
import { PresenterPicker, type PresenterChoice } from './PresenterPicker.js';
import type { AuthoringItem, PersonView } from './types.js';

/** Reassigns an item's presenters (PUT /api/items/:id/presenters), in order. */
export function PresenterEditor({
  item,
  people,
  date,
  onSaved,
  onCancel,
}: {
  item: AuthoringItem;
  people: readonly PersonView[] | null;
  date: string;
  onSaved: (item: AuthoringItem) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState<PresenterChoice[]>(item.presenters.map((p) => ({ personId: p.personId, titleOverride: p.titleOverride })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const root = useRef<HTMLDivElement>(null);
  useFocusOnError(root, error);
  if (people === null) return <Loading what={t('authoring.what.people')} />;

  const save = async () => {
    setBusy(true);
    setError(null);
    setErrors(NO_ERRORS);
    try {
      onSaved(await send<AuthoringItem>('PUT', `/api/items/${encodeURIComponent(item.id)}/presenters`, { presenters: value }));
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e));
      setBusy(false);
    }
  };

  return (
    <div className="inline-panel" ref={root}>
      <FormError title={t('authoring.presenters.failed')} error={error} />
      <PresenterPicker
        people={people}
        date={date}
        value={value}
        onChange={setValue}
        legend={t('authoring.presenters.legend', { title: item.title })}
        error={messageFor(errors, 'presenters', rowLabel(t('authoring.presenters.row')))}
      />
      <div className="button-row">
        <button type="button" onClick={() => void save()} disabled={busy}>
          {t('authoring.presenters.save')}
          <span className="visually-hidden"> {item.title}</span>
        </button>
        <button type="button" className="button-secondary" onClick={onCancel} disabled={busy}>
          {t('authoring.cancel')}
        </button>
      </div>
    </div>
  );
}
