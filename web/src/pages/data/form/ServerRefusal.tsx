import { useEffect } from 'react';
import { useApi } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/LoadState.js';
import { useSession } from '../../../session/Session.js';

/**
 * What someone without the permission sees at a page's address: the server's own refusal of the
 * page's first request, in its words. Should the server answer after all (the permission was
 * granted since the session was read), the session is read again and the page appears.
 */
export function ServerRefusal({ url, what }: { url: string; what: string }) {
  const result = useApi<unknown>(url);
  const { refresh } = useSession();
  const allowed = result.state === 'ok';
  useEffect(() => {
    if (allowed) void refresh();
  }, [allowed, refresh]);
  if (result.state === 'error') return <ErrorMessage error={result.error} what={what} />;
  return <Loading what={what} />;
}
