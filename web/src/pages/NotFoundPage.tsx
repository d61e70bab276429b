import { Link, useLocation } from 'react-router';
import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';
import { paths } from '../lib/paths.js';

export function NotFoundPage() {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text', { path: location.pathname })}</p>
      <p>
        <Link to={paths.overview()}>{t('notFound.home')}</Link>
      </p>
    </>
  );
}
