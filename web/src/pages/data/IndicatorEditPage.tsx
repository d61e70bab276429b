import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import type { IndicatorDetail } from '../../lib/types.js';
import { useSession } from '../../session/Session.js';
import { NotAllowed } from './form/NotAllowed.js';
import { IndicatorForm } from './indicators/IndicatorForm.js';
import { TargetsSection } from './indicators/TargetsSection.js';
import { useEditorChoices, type EditorChoices } from './indicators/useEditorData.js';

/**
 * /indikatorer/ny and /indikator/:id/redigera (permission `edit_indicators`): an indicator's
 * definition and, once it exists, its targets. Every change is checked and recorded by the
 * server; its messages are shown next to the fields.
 */
export function IndicatorEditPage({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { id = '' } = useParams();
  const choices = useEditorChoices();
  const loaded = useApi<IndicatorDetail>(mode === 'edit' && can('edit_indicators') ? `/api/indicators/${encodeURIComponent(id)}` : null);
  const title = mode === 'create' ? t('data.indicator.newTitle') : loaded.state === 'ok' ? t('data.indicator.editTitle', { name: loaded.data.name }) : t('data.indicator.editTitleShort');

  if (!can('edit_indicators')) {
    return (
      <>
        <PageHeading title={title} />
        <NotAllowed text={t('data.indicator.notAllowed')} />
      </>
    );
  }
  return (
    <div className="data-page">
      <PageHeading title={title} />
      <p className="page-links">
        <Link to={paths.indicators()}>{t('data.indicators.all')}</Link>
        {mode === 'edit' ? (
          <>
            {' · '}
            <Link to={paths.indicator(id)}>{t('data.indicator.view')}</Link>
          </>
        ) : null}
      </p>
      <Async value={choices} what={t('data.what.choices')}>
        {(c) =>
          mode === 'create' ? (
            <Create choices={c} />
          ) : (
            <Async value={loaded} what={t('what.indicator')}>
              {(indicator) => <Edit key={indicator.id} initial={indicator} choices={c} />}
            </Async>
          )
        }
      </Async>
    </div>
  );
}

function Create({ choices }: { choices: EditorChoices }) {
  const navigate = useNavigate();
  return <IndicatorForm indicator={null} choices={choices} onSaved={(saved) => navigate(paths.editIndicator(saved.id), { state: { created: true } })} />;
}

function Edit({ initial, choices }: { initial: IndicatorDetail; choices: EditorChoices }) {
  const { t } = useI18n();
  const location = useLocation();
  const [indicator, setIndicator] = useState(initial);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? t('data.indicator.created') : null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message && version > 0) messageRef.current?.focus();
  }, [message, version]);
  return (
    <>
      <section aria-labelledby="definition-heading">
        <h2 id="definition-heading">{t('data.indicator.definition')}</h2>
        {message ? (
          <p ref={messageRef} tabIndex={-1} className="notice" role="status">
            {message}
          </p>
        ) : null}
        <IndicatorForm
          key={version}
          indicator={indicator}
          choices={choices}
          onSaved={(saved) => {
            setIndicator(saved);
            setMessage(t('data.indicator.saved'));
            setVersion((v) => v + 1);
          }}
        />
      </section>
      <TargetsSection indicator={indicator} choices={choices} onChanged={setIndicator} />
    </>
  );
}
