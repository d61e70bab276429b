import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { ServerRefusal } from './form/ServerRefusal.js';
import { BatchHistory } from './imports/BatchHistory.js';
import { ImportWizard } from './imports/ImportWizard.js';

/**
 * /inlasning (permission `import`): the import wizard for CSV and Excel files and the history of
 * imports with undo. Someone without the permission sees the server's refusal.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [version, setVersion] = useState(0);
  const committed = useCallback(() => setVersion((v) => v + 1), []);
  if (!can('import')) {
    return (
      <>
        <PageHeading title={t('data.import.title')} />
        <ServerRefusal url="/api/import-batches?limit=1" what={t('data.what.imports')} />
      </>
    );
  }
  return (
    <div className="data-page">
      <PageHeading title={t('data.import.title')} />
      <p className="lead">{t('data.import.lead')}</p>
      <p>
        <Link to={paths.kolada()}>{t('data.kolada.link')}</Link>
      </p>
      <ImportWizard onCommitted={committed} />
      <BatchHistory version={version} />
    </div>
  );
}
