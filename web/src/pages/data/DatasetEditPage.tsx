import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { DatasetView } from '../../../../src/domain/datasetAuthoring.js';
import { useApi } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { DatasetForm } from './datasets/DatasetForm.js';
import { NotAllowed } from './form/NotAllowed.js';

/**
 * /tabeller/ny and /tabeller/:id/redigera (permission `edit_indicators`): a dataset's title,
 * source, columns and rows in a grid, filled by typing or by pasting from Excel. The total row is
 * computed as you type; nothing is saved while a cell or a field is wrong.
 */
export function DatasetEditPage({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { id = '' } = useParams();
  const allowed = can('edit_indicators');
  const loaded = useApi<DatasetView>(mode === 'edit' && allowed ? `/api/datasets/${encodeURIComponent(id)}` : null);
  const title = mode === 'create' ? t('datasets.edit.newTitle') : loaded.state === 'ok' ? t('datasets.edit.editTitle', { title: loaded.data.title }) : t('datasets.edit.editTitleShort');

  if (!allowed) {
    return (
      <>
        <PageHeading title={title} />
        <NotAllowed text={t('datasets.notAllowed')} />
      </>
    );
  }
  return (
    <div className="data-page dataset-page">
      <PageHeading title={title} />
      <p className="page-links">
        <Link to={paths.datasets()}>{t('datasets.edit.all')}</Link>
      </p>
      {mode === 'create' ? (
        <Create />
      ) : (
        <Async value={loaded} what={t('datasets.what.one')}>
          {(dataset) => <Edit key={dataset.id} initial={dataset} />}
        </Async>
      )}
    </div>
  );
}

function Create() {
  const navigate = useNavigate();
  return <DatasetForm dataset={null} onSaved={(saved) => navigate(paths.editDataset(saved.id), { state: { created: true } })} />;
}

function Edit({ initial }: { initial: DatasetView }) {
  const { t } = useI18n();
  const location = useLocation();
  const [dataset, setDataset] = useState(initial);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? t('datasets.edit.created') : null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message && version > 0) messageRef.current?.focus();
  }, [message, version]);
  return (
    <>
      <p className="hint">{t('datasets.edit.id', { id: dataset.id })}</p>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className="notice" role="status">
          {message}
        </p>
      ) : null}
      <DatasetForm
        key={version}
        dataset={dataset}
        onSaved={(saved) => {
          setDataset(saved);
          setMessage(t('datasets.edit.saved'));
          setVersion((v) => v + 1);
        }}
      />
    </>
  );
}
