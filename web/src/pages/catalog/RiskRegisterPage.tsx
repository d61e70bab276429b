import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Area } from '../../../../src/domain/area.js';
import { send, useApi, type ApiError } from '../../api.js';
import { Async, Empty, ErrorMessage } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { useFocusRequest } from '../account/fields.js';
import { ConfirmButtons, Dialog } from '../authoring/Dialog.js';
import { RiskForm } from './risks/RiskForm.js';
import { riskButtonId, RiskTable } from './risks/RiskTable.js';
import { Permitted, toApiError, useAnnouncement } from './shared.js';
import type { RiskCategory, RiskRegisterView, RiskRow } from './types.js';

/**
 * /riskregister/:id (permission `edit_indicators`): a register's risks in order with the score and
 * band the server computed; a risk is added last, changed in a form under the table, moved up or
 * down, or removed after a question. Each risk links to its history in the change log.
 */
export function RiskRegisterPage() {
  const { t } = useI18n();
  return (
    <Permitted permission="edit_indicators" title={t('catalog.register.titleShort')} notAllowed={t('catalog.registers.notAllowed')}>
      <Register />
    </Permitted>
  );
}

function Register() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const loaded = useApi<RiskRegisterView>(`/api/risk-registers/${encodeURIComponent(id)}`);
  const categories = useApi<RiskCategory[]>('/api/risk-categories');
  const areas = useApi<Area[]>('/api/areas');
  // the answer to the last change is newer than the one loaded
  const [current, setCurrent] = useState<RiskRegisterView | null>(null);
  const register = loaded.state === 'ok' ? (current?.id === loaded.data.id ? current : loaded.data) : null;

  return (
    <>
      <PageHeading title={register?.title ?? t('catalog.register.titleShort')} />
      <p className="page-links">
        <Link to={paths.riskRegisters()}>{t('catalog.registers.all')}</Link>
      </p>
      {register ? (
        <Async value={areas} what={t('what.areas')}>
          {(areaList) => (
            <>
              <dl className="facts">
                <div>
                  <dt>{t('catalog.register.year')}</dt>
                  <dd>{register.year}</dd>
                </div>
                <div>
                  <dt>{t('catalog.register.area')}</dt>
                  <dd>{register.areaId === null ? t('catalog.register.noArea') : (areaList.find((a) => a.id === register.areaId)?.name ?? register.areaId)}</dd>
                </div>
              </dl>
              <Async value={categories} what={t('catalog.what.categories')}>
                {(list) => <Risks key={register.id} register={register} categories={list} onChanged={setCurrent} />}
              </Async>
            </>
          )}
        </Async>
      ) : (
        <Async value={loaded} what={t('catalog.what.register')}>
          {() => null}
        </Async>
      )}
    </>
  );
}

function Risks({ register, categories, onChanged }: { register: RiskRegisterView; categories: RiskCategory[]; onChanged: (next: RiskRegisterView) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<RiskRow | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [moved, setMoved] = useState('');
  const status = useAnnouncement();
  const focus = useFocusRequest();
  const editingRisk = register.risks.find((r) => r.id === editing) ?? null;
  const { announce } = status;

  useEffect(() => {
    // once, for the register just made (and not again after a reload)
    if ((location.state as { created?: boolean } | null)?.created) {
      announce(t('catalog.register.created'));
      void navigate(location.pathname, { replace: true, state: null });
    }
  }, []);
  useEffect(() => {
    // an opened form starts at its first field
    if (editing !== null) document.getElementById('risk-edit-categoryCode')?.focus();
  }, [editing]);

  const changed = (next: RiskRegisterView, text: string) => {
    setEditing(null);
    setMoved('');
    setError(null);
    onChanged(next);
    announce(text);
  };

  const move = async (risk: RiskRow, to: number) => {
    setError(null);
    try {
      const next = await send<RiskRegisterView>('PATCH', `/api/risks/${encodeURIComponent(risk.id)}`, { position: to });
      onChanged(next);
      status.clear();
      const after = next.risks.find((r) => r.id === risk.id) ?? risk;
      setMoved(t('catalog.risk.moved', { title: risk.title, n: String(after.position) }));
      // the keyboard stays with the risk that moved: the same button, or the other one at an end
      const up = to < risk.position;
      focus(riskButtonId(after, (up && after.position > 1) || (!up && after.position === next.risks.length) ? 'up' : 'down'));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const remove = async (risk: RiskRow) => {
    setError(null);
    try {
      const next = await send<RiskRegisterView>('DELETE', `/api/risks/${encodeURIComponent(risk.id)}`);
      setRemoving(null);
      changed(next, t('catalog.risk.removed', { title: risk.title }));
    } catch (e) {
      setRemoving(null);
      setError(toApiError(e));
    }
  };

  const caption = t('catalog.register.risksCaption', { title: register.title });
  return (
    <>
      <section aria-labelledby="risks-heading">
        <h2 id="risks-heading">{t('catalog.register.risks')}</h2>
        {status.element}
        {error ? <ErrorMessage error={error} what={t('catalog.what.risk')} /> : null}
        {/* a move is announced here: the focus stays on the moved risk's button */}
        <p className="visually-hidden" role="status">
          {moved}
        </p>
        {register.risks.length === 0 ? (
          <Empty>
            <p>{t('catalog.register.noRisks')}</p>
          </Empty>
        ) : (
          <TableWrap label={caption}>
            <RiskTable
              caption={caption}
              risks={register.risks}
              categories={categories}
              actions={{
                edit: (risk) => {
                  status.clear();
                  setEditing(risk.id);
                },
                move: (risk, to) => void move(risk, to),
                remove: setRemoving,
                historyOf: can('read_audit') ? (risk) => paths.audit({ tabell: 'risk', rad: risk.id }) : null,
              }}
            />
          </TableWrap>
        )}
      </section>
      {editingRisk ? (
        <section aria-labelledby="risk-edit-heading" className="catalog-panel">
          <h2 id="risk-edit-heading">{t('catalog.risk.editTitle', { n: String(editingRisk.position), title: editingRisk.title })}</h2>
          <RiskForm
            key={editingRisk.id}
            registerId={register.id}
            risk={editingRisk}
            categories={categories}
            idPrefix="risk-edit"
            onSaved={(next) => changed(next, t('catalog.risk.saved', { title: next.risks.find((r) => r.id === editingRisk.id)?.title ?? editingRisk.title }))}
            onCancel={() => {
              setEditing(null);
              focus(riskButtonId(editingRisk, 'edit'));
            }}
          />
        </section>
      ) : null}
      <Dialog open={removing !== null} title={t('catalog.risk.removeQuestion')} onClose={() => setRemoving(null)} describedBy="risk-remove-text">
        {removing ? (
          <>
            <p id="risk-remove-text">{t('catalog.risk.removeText', { n: String(removing.position), title: removing.title })}</p>
            <ConfirmButtons confirm={t('catalog.risk.removeYes')} onConfirm={() => void remove(removing)} onCancel={() => setRemoving(null)} cancel={t('data.cancel')} />
          </>
        ) : null}
      </Dialog>
      <section aria-labelledby="risk-new-heading" className="catalog-panel">
        <h2 id="risk-new-heading">{t('catalog.risk.newTitle')}</h2>
        <p className="hint">{t('catalog.risk.newHint')}</p>
        <RiskForm registerId={register.id} risk={null} categories={categories} idPrefix="risk-new" onSaved={(next) => changed(next, t('catalog.risk.added', { n: String(next.risks.length) }))} />
      </section>
    </>
  );
}
