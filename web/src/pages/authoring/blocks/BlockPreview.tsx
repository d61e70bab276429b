import { useEffect, useId, useRef, useState } from 'react';
import type { Block } from '../../../../../src/domain/blocks.js';
import type { BlockViewOrError } from '../../../../../src/domain/meetingView.js';
import { ApiError, send } from '../../../api.js';
import { BlockView } from '../../../blocks/BlockView.js';
import { useI18n } from '../../../i18n/I18n.js';
import { fieldErrors, NO_ERRORS, type FieldErrors } from '../fields.js';
import { previewWaitsFor } from './defaults.js';
import { withPrevious } from './slidePlan.js';

/** How long typing must pause before the preview is asked for. */
const DEBOUNCE_MS = 400;

type State =
  | { state: 'idle' }
  | { state: 'waiting'; reason: ReturnType<typeof previewWaitsFor> }
  | { state: 'loading' }
  | { state: 'ok' }
  | { state: 'error'; message: string };

/**
 * The live preview of a block as the board will see it: the unsaved block is resolved by the
 * server against stored data at the meeting's date (POST /api/blocks/preview, a moment after
 * the last change) and drawn with the same components as the meeting page. Problems the server
 * finds are handed to the form, to be shown next to their fields. The block is previewed on
 * its own: whether it shares a slide (`withPrevious`) changes nothing here and asks for nothing.
 */
export function BlockPreview({ meetingId, block, initialView, onErrors, label }: { meetingId: string; block: Block; initialView: BlockViewOrError | null; onErrors: (errors: FieldErrors) => void; label: string }) {
  const { t } = useI18n();
  const labelId = useId();
  const json = JSON.stringify(withPrevious(block, false));
  const initialJson = useRef(initialView ? json : null);
  const [view, setView] = useState<BlockViewOrError | null>(initialView);
  const [state, setState] = useState<State>({ state: 'idle' });
  const reportErrors = useRef(onErrors);
  reportErrors.current = onErrors;

  useEffect(() => {
    if (json === initialJson.current) return;
    initialJson.current = null;
    const current = JSON.parse(json) as Block;
    const waits = previewWaitsFor(current);
    if (waits !== null) {
      setState({ state: 'waiting', reason: waits });
      setView(null);
      reportErrors.current(NO_ERRORS);
      return;
    }
    // a later change wins: answers to earlier ones are dropped
    let live = true;
    const timer = setTimeout(() => {
      setState({ state: 'loading' });
      send<BlockViewOrError>('POST', '/api/blocks/preview', { meetingId, block: current }).then(
        (answer) => {
          if (!live) return;
          setView(answer);
          setState({ state: 'ok' });
          reportErrors.current(NO_ERRORS);
        },
        (error: unknown) => {
          if (!live) return;
          setView(null);
          setState({ state: 'error', message: error instanceof ApiError ? error.message : String(error) });
          reportErrors.current(fieldErrors(error, 'block'));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [json, meetingId]);

  let status = '';
  if (state.state === 'loading') status = t('authoring.preview.loading');
  else if (state.state === 'ok') status = t('authoring.preview.updated');
  else if (state.state === 'waiting' && state.reason !== null) status = t(state.reason);
  else if (state.state === 'error') status = t('authoring.preview.failed');

  return (
    <section className="block-preview" aria-labelledby={labelId}>
      <p id={labelId} className="preview-label">
        {label}
      </p>
      <p role="status" className="preview-status">
        {status}
        {state.state === 'error' ? (
          <>
            {' '}
            <span lang="sv">{state.message}</span>
          </>
        ) : null}
      </p>
      {view && state.state !== 'error' && state.state !== 'waiting' ? (
        <div className={state.state === 'loading' ? 'preview-body preview-stale' : 'preview-body'}>
          <BlockView view={view} />
        </div>
      ) : null}
    </section>
  );
}
