import type { ReactNode } from 'react';
import type { Permission } from '../../../src/domain/access.js';
import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';
import { useSession } from './Session.js';

/**
 * A page for holders of one permission. Others are told the page needs it, instead of a request
 * the server would refuse anyway (it checks every route itself; this is only the interface).
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (can(permission)) return <>{children}</>;
  return (
    <>
      <PageHeading title={t('account.denied.title')} />
      <p className="notice">{t('account.denied.text', { permission: t(`account.permission.${permission}`) })}</p>
    </>
  );
}
