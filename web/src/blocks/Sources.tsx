import { useI18n } from '../i18n/I18n.js';
import { Tag } from '../components/Tag.js';

/** "Källa: TeleQ" and, when any figure is preliminary, that it is. */
export function Sources({ sources, preliminary = false }: { sources: readonly string[]; preliminary?: boolean }) {
  const { t } = useI18n();
  if (sources.length === 0 && !preliminary) return null;
  return (
    <p className="sources">
      {sources.length > 0 ? t('block.sources', { sources: sources.join(', ') }) : null}
      {preliminary ? <Tag>{t('block.preliminary')}</Tag> : null}
    </p>
  );
}
