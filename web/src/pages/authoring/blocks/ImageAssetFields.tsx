import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_ASSET_BYTES, MAX_ASSET_PIXELS, type AssetInfo, type AssetSummary } from '../../../../../src/domain/assetUpload.js';
import { formatNumber } from '../../../../../src/domain/format.js';
import { ApiError, useApi } from '../../../api.js';
import { ErrorMessage, Loading } from '../../../components/LoadState.js';
import { useI18n } from '../../../i18n/I18n.js';
import { Field, focusFirstInvalid, FormError, sentence } from '../fields.js';
import { uploadAsset } from './assetUpload.js';
import { TextInput } from './pickers.js';

/**
 * An image block's picture: chosen among the stored pictures (GET /api/assets), or uploaded
 * here (POST /api/assets: PNG or JPEG with its alt text) and then chosen. The upload sits inside
 * the item's form, so it is a group of fields with its own button rather than a form: Enter in
 * its alt text uploads instead of saving the item. Progress and the server's Swedish refusal
 * (a GIF named .png, a picture too large) are shown beside the fields.
 */
export function ImageAssetFields({ asset, error, knownIds, onPick, onUploaded }: { asset: string; error: string | null; knownIds: readonly string[]; onPick: (id: string, alt: string | null) => void; onUploaded: (info: AssetInfo) => void }) {
  const { t } = useI18n();
  const loaded = useApi<{ assets: AssetSummary[] }>('/api/assets');
  const [added, setAdded] = useState<AssetSummary[]>([]);

  const stored = loaded.state === 'ok' ? loaded.data.assets : [];
  const assets = [...stored, ...added.filter((a) => !stored.some((s) => s.id === a.id))].sort((a, b) => a.fileName.localeCompare(b.fileName, 'sv'));

  return (
    <>
      {loaded.state === 'loading' ? <Loading what={t('assets.what')} /> : null}
      {loaded.state === 'error' ? (
        <>
          <ErrorMessage error={loaded.error} what={t('assets.what')} retry={loaded.retry} />
          <TextInput label={t('authoring.block.asset')} hint={t('authoring.block.knownIds')} list={knownIds} value={asset} onChange={(id) => onPick(id, null)} error={error} />
        </>
      ) : null}
      {loaded.state === 'ok' ? (
        <Field label={t('assets.picker.label')} hint={t('assets.picker.hint')} error={error}>
          {(p) => (
            <select {...p} value={asset} onChange={(e) => onPick(e.target.value, assets.find((a) => a.id === e.target.value)?.alt ?? null)}>
              {asset === '' ? <option value="">{t('assets.picker.choose')}</option> : null}
              {asset !== '' && !assets.some((a) => a.id === asset) ? <option value={asset}>{t('assets.picker.unknown', { id: asset })}</option> : null}
              {assets.map((a) => (
                <option key={a.id} value={a.id}>
                  {t('assets.picker.option', { file: a.fileName, alt: a.alt.length > 70 ? `${a.alt.slice(0, 69)}…` : a.alt })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <ImageUpload
        onUploaded={(info) => {
          setAdded((list) => [...list, { id: info.id, fileName: info.fileName, mediaType: info.mediaType, alt: info.alt, size: info.bytes }]);
          onUploaded(info);
        }}
      />
    </>
  );
}

interface Problem {
  error: ApiError;
  file: string | null;
  alt: string | null;
}

function ImageUpload({ onUploaded }: { onUploaded: (info: AssetInfo) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [progress, setProgress] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState('');
  const group = useRef<HTMLFieldSetElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // after a refusal, once the messages are drawn: the first field in error
  useEffect(() => {
    if (problem) focusFirstInvalid(group.current);
  }, [problem]);

  const upload = async () => {
    if (progress !== null) return;
    setDone('');
    const fileMessage = file ? null : sentence(t('assets.upload.noFile'));
    const altMessage = alt.trim() === '' ? sentence(t('assets.upload.noAlt')) : null;
    if (!file || fileMessage || altMessage) {
      const messages = [fileMessage, altMessage].filter((m): m is string => m !== null);
      setProblem({ error: new ApiError(0, messages.join(' ')), file: fileMessage, alt: altMessage });
      return;
    }
    setProblem(null);
    setProgress({ name: file.name, sent: 0, total: file.size });
    try {
      const info = await uploadAsset(file, alt.trim(), (sent, total) => setProgress({ name: file.name, sent, total }));
      onUploaded(info);
      setFile(null);
      setAlt('');
      if (fileInput.current) fileInput.current.value = '';
      setDone(t('assets.upload.done', { file: info.fileName }));
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, (e as Error).message);
      const about = (field: string) => {
        const found = error.details.filter((d) => d.where === field).map((d) => sentence(d.message));
        return found.length > 0 ? found.join(' ') : null;
      };
      setProblem({ error, file: about('file'), alt: about('alt') });
    } finally {
      setProgress(null);
    }
  };

  const uploadOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter would save the whole item (the form around the block): here it uploads the picture
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void upload();
  };

  const percent = progress && progress.total > 0 ? `${formatNumber(Math.min(100, Math.floor((progress.sent / progress.total) * 100)))}\u00a0%` : '';
  return (
    <fieldset ref={group} className="rows-editor image-upload">
      <legend>{t('assets.upload.legend')}</legend>
      {problem ? <FormError title={t('assets.upload.failed')} error={problem.error} /> : null}
      <Field label={t('assets.upload.file')} hint={t('assets.upload.fileHint', { mb: formatNumber(MAX_ASSET_BYTES / 1024 / 1024), megapixels: formatNumber(MAX_ASSET_PIXELS / 1_000_000) })} error={problem?.file ?? null}>
        {(p) => (
          <input
            {...p}
            ref={fileInput}
            type="file"
            accept="image/png,image/jpeg"
            disabled={progress !== null}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setProblem(null);
              setDone('');
            }}
          />
        )}
      </Field>
      <Field label={t('assets.upload.alt')} hint={t('assets.upload.altHint')} error={problem?.alt ?? null}>
        {(p) => <input {...p} value={alt} maxLength={500} autoComplete="off" onChange={(e) => setAlt(e.target.value)} onKeyDown={uploadOnEnter} />}
      </Field>
      <p>
        <button type="button" className="button-secondary" aria-disabled={progress !== null ? true : undefined} onClick={() => void upload()}>
          {t('assets.upload.submit')}
        </button>
      </p>
      {progress ? <progress aria-label={t('assets.upload.progress', { file: progress.name })} value={Math.min(progress.sent, progress.total)} max={Math.max(progress.total, 1)} /> : null}
      <p role="status" className="live-status">
        {progress ? t('assets.upload.progressText', { file: progress.name, percent }) : done}
      </p>
    </fieldset>
  );
}
