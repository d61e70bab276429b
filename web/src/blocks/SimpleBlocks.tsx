import { useI18n } from '../i18n/I18n.js';
import type { ViewOf } from './types.js';

export function ImageBlock({ view }: { view: ViewOf<'image'> }) {
  return (
    <figure className="block block-image">
      <img src={`/api/assets/${encodeURIComponent(view.asset.id)}`} alt={view.alt} />
      {view.caption ? <figcaption>{view.caption}</figcaption> : null}
    </figure>
  );
}

/** A block whose data could not be resolved: say so, and what the server said. */
export function ErrorBlock({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <div className="block notice notice-error">
      <p>
        <strong>{t('block.error')}</strong> <span lang="sv">{message}</span>
      </p>
    </div>
  );
}
