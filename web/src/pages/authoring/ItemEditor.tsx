import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { BLOCK_TYPE_LABELS, BLOCK_TYPES, type Block, type BlockType } from '../../../../src/domain/blocks.js';
import type { Meeting } from '../../../../src/domain/meeting.js';
import type { BlockViewOrError } from '../../../../src/domain/meetingView.js';
import { ApiError, getJson, send } from '../../api.js';
import { useI18n } from '../../i18n/I18n.js';
import { BlockForm } from './blocks/BlockForm.js';
import { BlockPreview } from './blocks/BlockPreview.js';
import type { Catalog } from './blocks/catalog.js';
import { newBlock } from './blocks/defaults.js';
import { SlideCaption, slideAnnouncement, slideClasses, SlideJoin } from './blocks/SlideJoin.js';
import { firstAlone, slidePlan, withPrevious } from './blocks/slidePlan.js';
import { Field, fieldErrors, FormError, messageFor, NO_ERRORS, useFocusOnError, type FieldErrors } from './fields.js';
import { ReadyBadge } from './status.js';
import type { AuthoringItem, AuthoringMeeting } from './types.js';

interface Draft {
  /** Stable across saves and moves, so a block's form and preview keep their state. */
  key: string;
  block: Block;
  initialView: BlockViewOrError | null;
}

let nextKey = 0;
const newKey = () => `nytt-${++nextKey}`;

/** A block in a line, for showing someone else's version beside one's own. */
function blockSummary(block: Block, typeLabel: string): string {
  const b = block as Record<string, unknown>;
  const text = [b.heading, b.title, b.label, b.markdown].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return text ? `${typeLabel}: ${text}` : typeLabel;
}

/** The server refused a save because someone else saved the item after it was opened. */
function isVersionConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'conflict' && error.details.some((d) => d.where === 'version');
}

/**
 * The editor of one item: its title and its blocks — each with a form and the live preview
 * beside it — added, moved, removed, saved together (PUT /api/items/:id/blocks), and the item
 * marked ready. Nothing is stored until "Spara"; the page says when there are unsaved changes.
 */
export function ItemEditor({ meeting, item, catalog, initialViews }: { meeting: Meeting; item: AuthoringItem; catalog: Catalog; initialViews: ReadonlyMap<number, BlockViewOrError> }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState(item.title);
  const [savedTitle, setSavedTitle] = useState(item.title);
  const [drafts, setDrafts] = useState<Draft[]>(() => item.blocks.map((b) => ({ key: `block-${b.id}`, block: b.block, initialView: initialViews.get(b.id) ?? null })));
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(item.blocks.map((b) => b.block)));
  const [ready, setReady] = useState(item.ready);
  const [busy, setBusy] = useState<'save' | 'ready' | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [previewErrors, setPreviewErrors] = useState<Record<string, FieldErrors>>({});
  const [status, setStatus] = useState('');
  const [announcement, setAnnouncement] = useState('');
  // said, not shown: a visible line appearing above the blocks would move the box just ticked
  const [slideNews, setSlideNews] = useState('');
  const [addType, setAddType] = useState<BlockType>('text');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  // the version the edit started from; a save from an older one is refused and both are shown
  const [version, setVersion] = useState(item.version);
  const [conflict, setConflict] = useState<{ message: string; theirs: AuthoringItem } | null>(null);

  useFocusOnError(form, saveError);

  const dirty = title !== savedTitle || JSON.stringify(drafts.map((d) => d.block)) !== savedJson;
  // which slide each block lands on, by the domain's rules: said before saving
  const slides = slidePlan(drafts.map((d) => d.block));

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, drafts]);

  // leaving the page (reload, closing the tab) with unsaved changes asks first
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const updateBlock = useCallback((key: string, change: (b: Block) => Block) => {
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, block: change(d.block) } : d)));
  }, []);

  const typeLabel = (b: Block) => BLOCK_TYPE_LABELS[b.type];

  const move = (index: number, delta: -1 | 1) => {
    const draft = drafts[index];
    if (!draft) return;
    const target = index + delta;
    const buttonId = `${delta < 0 ? 'block-upp' : 'block-ned'}-${draft.key}`;
    if (target < 0 || target >= drafts.length) {
      setAnnouncement(delta < 0 ? t('authoring.blocks.alreadyFirst') : t('authoring.blocks.alreadyLast'));
      return;
    }
    const next = [...drafts];
    [next[index], next[target]] = [next[target] as Draft, draft];
    setDrafts(firstAlone(next));
    setAnnouncement(t('authoring.blocks.moved', { type: typeLabel(draft.block), position: String(target + 1), count: String(next.length) }));
    setFocusTarget(buttonId);
  };

  const remove = (index: number) => {
    const draft = drafts[index];
    if (!draft) return;
    setDrafts(firstAlone(drafts.filter((d) => d.key !== draft.key)));
    setAnnouncement(t('authoring.blocks.removed', { type: typeLabel(draft.block), position: String(index + 1) }));
    setFocusTarget('innehall');
  };

  /** Puts block `index` on the slide of the block above it, or on its own; the slide it is on now is announced. */
  const joinPrevious = (index: number, join: boolean) => {
    const next = drafts.map((d, i) => (i === index ? { ...d, block: withPrevious(d.block, join) } : d));
    setDrafts(next);
    const place = slidePlan(next.map((d) => d.block))[index];
    if (place) setSlideNews(slideAnnouncement(place, index, t));
  };

  const add = () => {
    const draft: Draft = { key: newKey(), block: newBlock(addType, catalog.ownRegionId), initialView: null };
    setDrafts([...drafts, draft]);
    setAnnouncement(t('authoring.blocks.added', { type: BLOCK_TYPE_LABELS[addType], position: String(drafts.length + 1) }));
    setFocusTarget(`${draft.key}-rubrik`);
  };

  /** Saves title and blocks; true when stored. `from`: the version to save over (default: the one the edit started from). */
  const save = async (from: string = version): Promise<boolean> => {
    if (busy !== null) return false;
    setBusy('save');
    setSaveError(null);
    setStatus(t('authoring.item.saving'));
    try {
      let saved: AuthoringItem | null = null;
      let base = from;
      if (title !== savedTitle) {
        saved = await send<AuthoringItem>('PATCH', `/api/items/${encodeURIComponent(item.id)}`, { title: title.trim(), version: base });
        base = saved.version;
      }
      saved = await send<AuthoringItem>('PUT', `/api/items/${encodeURIComponent(item.id)}/blocks`, { blocks: drafts.map((d) => d.block), version: base });
      setVersion(saved.version);
      setConflict(null);
      // the server's copy (text sanitised) is what was stored; keys stay, so nothing remounts
      const stored = saved.blocks;
      setDrafts((list) => list.map((d, i) => ({ ...d, block: stored[i]?.block ?? d.block })));
      setSavedJson(JSON.stringify(stored.map((b) => b.block)));
      setTitle(saved.title);
      setSavedTitle(saved.title);
      setReady(saved.ready);
      setStatus(t('authoring.item.saved', { count: String(stored.length) }));
      return true;
    } catch (e) {
      setStatus(t('authoring.item.notSaved'));
      if (isVersionConflict(e)) {
        // someone else saved: show their version beside this one, and let the author choose
        try {
          const current = await getJson<AuthoringMeeting>(`/api/meetings/${encodeURIComponent(meeting.id)}/authoring`);
          const theirs = current.items.find((i) => i.id === item.id);
          if (theirs) {
            setConflict({ message: e.message, theirs });
            setFocusTarget('konflikt-rubrik');
            return false;
          }
        } catch {
          // shown as an ordinary save error below
        }
      }
      setSaveError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  /** Keeps this version (perhaps with parts of theirs copied in): saved over theirs. */
  const keepMine = () => {
    if (!conflict) return;
    const theirs = conflict.theirs.version;
    setConflict(null);
    void save(theirs);
  };

  /** Takes the stored version: the form shows it, nothing of this edit is kept. */
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = conflict.theirs;
    setDrafts(theirs.blocks.map((b) => ({ key: `block-${b.id}`, block: b.block, initialView: null })));
    setSavedJson(JSON.stringify(theirs.blocks.map((b) => b.block)));
    setTitle(theirs.title);
    setSavedTitle(theirs.title);
    setVersion(theirs.version);
    setConflict(null);
    setStatus(t('authoring.conflict.took'));
    setFocusTarget('innehall');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const markReady = async (value: boolean) => {
    if (busy !== null) return;
    if (value && dirty && !(await save())) return;
    setBusy('ready');
    setSaveError(null);
    try {
      const saved = await send<AuthoringItem>('PATCH', `/api/items/${encodeURIComponent(item.id)}`, { ready: value });
      setReady(saved.ready);
      setStatus(saved.ready ? t('authoring.item.markedReady') : t('authoring.item.markedNotReady'));
      setFocusTarget('klar-knapp');
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(null);
    }
  };

  const titleError = messageFor(fieldErrors(saveError), 'title');
  return (
    <form ref={form} className="item-editor" noValidate onSubmit={submit}>
      <p className="lead">
        <ReadyBadge ready={ready} /> · {t('authoring.agenda.presenters', { names: item.presenters.map((p) => p.name).join('; ') || t('authoring.presenters.none') })}
      </p>
      <div className="item-save-error">
        <FormError title={t('authoring.item.saveFailed')} error={saveError} />
      </div>
      {conflict ? (
        <section className="conflict" aria-labelledby="konflikt-rubrik" role="alert">
          <h2 id="konflikt-rubrik" tabIndex={-1}>
            {t('authoring.conflict.title')}
          </h2>
          <p lang="sv">{conflict.message}</p>
          <h3>{t('authoring.conflict.theirs')}</h3>
          <p>
            <strong>{conflict.theirs.title}</strong>
          </p>
          <ol className="conflict-theirs">
            {conflict.theirs.blocks.map((b) => (
              <li key={b.id}>{blockSummary(b.block, typeLabel(b.block))}</li>
            ))}
          </ol>
          <p>{t('authoring.conflict.choose')}</p>
          <div className="button-row">
            <button type="button" onClick={keepMine}>
              {t('authoring.conflict.keepMine')}
            </button>
            <button type="button" className="button-secondary" onClick={takeTheirs}>
              {t('authoring.conflict.takeTheirs')}
            </button>
          </div>
        </section>
      ) : null}
      <Field label={t('authoring.item.itemTitle')} error={titleError}>
        {(p) => <input {...p} className="wide" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />}
      </Field>

      <h2 id="innehall" tabIndex={-1}>
        {t('authoring.blocks.title')}
      </h2>
      <p className="muted">{t('authoring.blocks.intro')}</p>
      <p className="muted">{t('slides.intro')}</p>
      <p role="status" className="live-status">
        {announcement}
      </p>
      <p role="status" className="visually-hidden">
        {slideNews}
      </p>
      {drafts.length === 0 ? <p className="notice">{t('authoring.blocks.none')}</p> : null}
      {drafts.map((draft, index) => {
        const errors = new Map([...(previewErrors[draft.key] ?? NO_ERRORS), ...fieldErrors(saveError, `blocks[${index}]`)]);
        const label = t('authoring.blocks.heading', { n: String(index + 1), type: typeLabel(draft.block) });
        const place = slides[index];
        return (
          <section key={draft.key} className={`block-editor ${slideClasses(place)}`.trim()} aria-labelledby={`${draft.key}-rubrik`}>
            <div className="block-editor-head">
              <h3 id={`${draft.key}-rubrik`} tabIndex={-1}>
                {label}
              </h3>
              <div className="item-actions">
                <button type="button" id={`block-upp-${draft.key}`} className="button-secondary button-small" aria-disabled={index === 0 ? true : undefined} onClick={() => move(index, -1)}>
                  <span aria-hidden="true">↑ </span>
                  {t('authoring.move.up')}
                  <span className="visually-hidden"> {label}</span>
                </button>
                <button type="button" id={`block-ned-${draft.key}`} className="button-secondary button-small" aria-disabled={index === drafts.length - 1 ? true : undefined} onClick={() => move(index, 1)}>
                  <span aria-hidden="true">↓ </span>
                  {t('authoring.move.down')}
                  <span className="visually-hidden"> {label}</span>
                </button>
                <button type="button" className="button-danger button-small" onClick={() => remove(index)}>
                  {t('authoring.blocks.remove')}
                  <span className="visually-hidden"> {label}</span>
                </button>
              </div>
            </div>
            {place ? <SlideCaption id={`${draft.key}-bild`} place={place} /> : null}
            {place?.canJoin ? (
              <SlideJoin id={`${draft.key}-samma-bild`} captionId={`${draft.key}-bild`} place={place} serverError={messageFor(errors, 'withPrevious')} onChange={(join) => joinPrevious(index, join)} />
            ) : null}
            {errors.has('') ? (
              <p className="field-error">
                <span lang="sv">{errors.get('')}</span>
              </p>
            ) : null}
            <div className="block-editor-body">
              <fieldset className="block-form">
                <legend className="visually-hidden">{label}</legend>
                <BlockForm block={draft.block} update={(change) => updateBlock(draft.key, change)} errors={errors} catalog={catalog} />
              </fieldset>
              <BlockPreview
                meetingId={meeting.id}
                block={draft.block}
                initialView={draft.initialView}
                label={t('authoring.preview.label', { n: String(index + 1) })}
                onErrors={(found) => setPreviewErrors((all) => (found.size === 0 && !all[draft.key] ? all : { ...all, [draft.key]: found }))}
              />
            </div>
          </section>
        );
      })}

      <div className="inline-fields add-block">
        <div className="field">
          <label htmlFor="ny-blocktyp">{t('authoring.blocks.addType')}</label>
          <select id="ny-blocktyp" value={addType} onChange={(e) => setAddType(e.target.value as BlockType)}>
            {BLOCK_TYPES.map((type) => (
              <option key={type} value={type}>
                {BLOCK_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button-secondary" onClick={add}>
          {t('authoring.blocks.add')}
        </button>
      </div>

      <div className="save-bar">
        <p role="status" className="save-status">
          {dirty && busy === null ? t('authoring.item.unsaved') : status}
        </p>
        <div className="button-row">
          <button type="submit" aria-disabled={busy !== null ? true : undefined}>
            {busy === 'save' ? t('authoring.item.saving') : t('authoring.item.save')}
          </button>
          <button type="button" id="klar-knapp" className="button-secondary" aria-disabled={busy !== null ? true : undefined} onClick={() => void markReady(!ready)}>
            {ready ? t('authoring.item.markNotReady') : dirty ? t('authoring.item.saveAndMarkReady') : t('authoring.item.markReady')}
          </button>
        </div>
      </div>
    </form>
  );
}
