import { useEffect, useRef, useState } from 'react';
import type { Area } from '../../../../src/domain/area.js';
import { getJson, useApi } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { ownOrganisation } from '../../lib/areas.js';
import { useSession } from '../../session/Session.js';
import { AreaForm } from './areas/AreaForm.js';
import { NotAllowed } from './form/NotAllowed.js';
import './areas/areas.css';

/**
 * /omraden (permission `edit_indicators`): the areas values are measured for. The own
 * organisation as a tree (region → förvaltning → enhet), the comparison regions and the
 * aggregates listed apart; each area changed in place, and a new one added under its parent.
 */
export function AreasPage() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <div className="data-page areas-page">
      <PageHeading title={t('areas.title')} />
      {can('edit_indicators') ? <Areas /> : <NotAllowed text={t('areas.notAllowed')} />}
    </div>
  );
}

/** Which area's form is open, and the message after the last save (shown by that area, or above the new-area form). */
interface PageState {
  editing: string | null;
  notice: { areaId: string | null; text: string; n: number } | null;
}

function Areas() {
  const { t } = useI18n();
  const loaded = useApi<Area[]>('/api/areas');
  // after a save: the list as stored now, read without a loading state
  const [fresh, setFresh] = useState<Area[] | null>(null);
  const [state, setState] = useState<PageState>({ editing: null, notice: null });

  const reload = async () => {
    try {
      setFresh(await getJson<Area[]>('/api/areas'));
    } catch {
      // the save succeeded and says so; the list is read again on the next visit
    }
  };
  const say = (areaId: string | null, text: string) => setState((s) => ({ editing: null, notice: { areaId, text, n: (s.notice?.n ?? 0) + 1 } }));

  return (
    <>
      <p className="lead">{t('areas.lead')}</p>
      <Async value={fresh ? { state: 'ok', data: fresh } : loaded} what={t('areas.what')}>
        {(areas) => {
          const own = ownOrganisation(areas);
          const ownIds = new Set([...own.regions, ...own.administrations, ...own.units].map((a) => a.id));
          const rest = areas.filter((a) => !ownIds.has(a.id)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
          const aggregates = rest.filter((a) => a.memberIds.length > 0 || a.kind === 'country' || a.kind === 'healthcare_region');
          const comparison = rest.filter((a) => !aggregates.includes(a));
          const node = { areas, state, setState, say, reload };
          return (
            <>
              <section aria-labelledby="own-heading" className="area-section">
                <h2 id="own-heading">{t('areas.own.heading')}</h2>
                {own.regions.length === 0 ? <p>{t('areas.own.none')}</p> : null}
                <ul className="area-tree">
                  {own.regions.map((a) => (
                    <AreaNode key={a.id} area={a} tree {...node} />
                  ))}
                </ul>
              </section>
              <section aria-labelledby="aggregates-heading" className="area-section">
                <h2 id="aggregates-heading">{t('areas.aggregates.heading')}</h2>
                {aggregates.length === 0 ? <p>{t('areas.none')}</p> : null}
                <ul className="area-list">
                  {aggregates.map((a) => (
                    <AreaNode key={a.id} area={a} tree={false} {...node} />
                  ))}
                </ul>
              </section>
              <section aria-labelledby="comparison-heading" className="area-section">
                <h2 id="comparison-heading">{t('areas.comparison.heading')}</h2>
                {comparison.length === 0 ? <p>{t('areas.none')}</p> : null}
                <ul className="area-list">
                  {comparison.map((a) => (
                    <AreaNode key={a.id} area={a} tree={false} {...node} />
                  ))}
                </ul>
              </section>
              <section aria-labelledby="new-area-heading" className="area-section">
                <h2 id="new-area-heading">{t('areas.form.newHeading')}</h2>
                <Notice notice={state.notice?.areaId === null ? state.notice : null} />
                <AreaForm
                  area={null}
                  areas={areas}
                  idPrefix="new-area"
                  onSaved={async (saved) => {
                    await reload();
                    const parent = areas.find((a) => a.id === saved.parentId);
                    say(null, parent ? t('areas.createdUnder', { name: saved.name, parent: parent.name }) : t('areas.created', { name: saved.name }));
                  }}
                />
              </section>
            </>
          );
        }}
      </Async>
    </>
  );
}

function Notice({ notice }: { notice: PageState['notice'] }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice?.n]);
  if (!notice) return null;
  return (
    <p ref={ref} tabIndex={-1} className="notice" role="status">
      {notice.text}
    </p>
  );
}

/** The heading of a form that has just opened: focused once, so a screen reader hears where it is. */
function FocusedHeading({ id, text }: { id: string; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h3 id={id} ref={ref} tabIndex={-1}>
      {text}
    </h3>
  );
}

interface NodeProps {
  area: Area;
  /** In the own organisation's tree: its children are listed under it. */
  tree: boolean;
  areas: readonly Area[];
  state: PageState;
  setState: (change: (s: PageState) => PageState) => void;
  say: (areaId: string | null, text: string) => void;
  reload: () => Promise<void>;
}

function AreaNode(props: NodeProps) {
  const { area, tree, areas, state, setState, say, reload } = props;
  const { t, tn } = useI18n();
  const editRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(0);
  useEffect(() => {
    if (returnFocus > 0) editRef.current?.focus();
  }, [returnFocus]);
  const children = tree ? areas.filter((a) => a.parentId === area.id).sort((a, b) => a.name.localeCompare(b.name, 'sv')) : [];
  const editing = state.editing === area.id;
  const headingId = `area-${area.id}-form`;

  const facts = [t(`areas.kind.${area.kind}`)];
  if (area.shortName) facts.push(t('areas.node.shortName', { name: area.shortName }));
  if (area.koladaId) facts.push(t('areas.node.kolada', { id: area.koladaId }));
  if (area.memberIds.length > 0) {
    const names = area.memberIds.map((m) => areas.find((a) => a.id === m)?.name ?? m);
    facts.push(names.length > 5 ? t('areas.node.manyMembers', { count: String(names.length) }) : tn('areas.node.members', names.length, { names: names.join(', ') }));
  }

  return (
    <li>
      <div className="area-node">
        <span className="area-name">{area.name}</span> <span className="muted">({facts.join(' · ')})</span>{' '}
        {editing ? null : (
          <button type="button" ref={editRef} className="button-secondary button-small" aria-label={t('areas.node.editNamed', { name: area.name })} onClick={() => setState(() => ({ editing: area.id, notice: null }))}>
            {t('areas.node.edit')}
          </button>
        )}
      </div>
      <Notice notice={state.notice?.areaId === area.id ? state.notice : null} />
      {editing ? (
        <section className="inline-panel" aria-labelledby={headingId}>
          <FocusedHeading id={headingId} text={t('areas.form.editHeading', { name: area.name })} />
          <AreaForm
            area={area}
            areas={areas}
            idPrefix={`area-${area.id}`}
            onSaved={async (saved) => {
              await reload();
              say(saved.id, t('areas.saved', { name: saved.name }));
            }}
            onCancel={() => {
              setState((s) => ({ ...s, editing: null }));
              setReturnFocus((n) => n + 1);
            }}
          />
        </section>
      ) : null}
      {children.length > 0 ? (
        <ul>
          {children.map((c) => (
            <AreaNode key={c.id} {...props} area={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
