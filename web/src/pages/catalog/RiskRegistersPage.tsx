import { Link, useNavigate } from 'react-router';
import type { Area } from '../../../../src/domain/area.js';
import { useApi } from '../../api.js';
import { Async, Empty } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { NewRegisterForm } from './risks/NewRegisterForm.js';
import { Permitted } from './shared.js';
import type { RiskRegisterView } from './types.js';

/**
 * /riskregister (permission `edit_indicators`): the internal-control risk registers, newest year
 * first, to open; and a form for a new register, which opens it to add its risks.
 */
export function RiskRegistersPage() {
  const { t } = useI18n();
  return (
    <Permitted permission="edit_indicators" title={t('catalog.registers.title')} notAllowed={t('catalog.registers.notAllowed')}>
      <Registers />
    </Permitted>
  );
}

function Registers() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const registers = useApi<RiskRegisterView[]>('/api/risk-registers');
  const areas = useApi<Area[]>('/api/areas');
  return (
    <>
      <PageHeading title={t('catalog.registers.title')} />
      <p className="lead">{t('catalog.registers.lead')}</p>
      <section aria-labelledby="registers-list">
        <h2 id="registers-list">{t('catalog.registers.listTitle')}</h2>
        <Async value={areas} what={t('what.areas')}>
          {(areaList) => (
            <Async value={registers} what={t('catalog.what.registers')}>
              {(list) => <RegisterTable registers={list} areas={areaList} />}
            </Async>
          )}
        </Async>
      </section>
      <section aria-labelledby="register-new-heading">
        <h2 id="register-new-heading">{t('catalog.registers.newTitle')}</h2>
        <Async value={areas} what={t('what.areas')}>
          {(list) => <NewRegisterForm areas={[...list].sort((a, b) => a.name.localeCompare(b.name, 'sv'))} onCreated={(created) => navigate(paths.riskRegister(created.id), { state: { created: true } })} />}
        </Async>
      </section>
    </>
  );
}

function RegisterTable({ registers, areas }: { registers: readonly RiskRegisterView[]; areas: readonly Area[] }) {
  const { t } = useI18n();
  if (registers.length === 0) {
    return (
      <Empty>
        <p>{t('catalog.registers.none')}</p>
      </Empty>
    );
  }
  return (
    <TableWrap label={t('catalog.registers.caption')}>
      <table className="catalog-registers">
        <caption>{t('catalog.registers.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalog.register.title')}</th>
            <th scope="col" className="num">
              {t('catalog.register.year')}
            </th>
            <th scope="col">{t('catalog.register.area')}</th>
            <th scope="col" className="num">
              {t('catalog.registers.risks')}
            </th>
          </tr>
        </thead>
        <tbody>
          {registers.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={paths.riskRegister(r.id)}>{r.title}</Link>
              </th>
              <td className="num">{r.year}</td>
              <td>{r.areaId === null ? <span className="muted">{t('catalog.register.noArea')}</span> : (areas.find((a) => a.id === r.areaId)?.name ?? r.areaId)}</td>
              <td className="num">{r.risks.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
