// Export: NDJSON (the log, verifiable offline) or CSV, for a date range, streamed with progress;
// and how to verify an NDJSON export with `consent-ledger verify`.
import { useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import { errorText } from '../error-message';
import { useI18n } from '../i18n/i18n';
import { attachmentName, type DownloadProgress, readWithProgress } from './download';

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; progress: DownloadProgress; total: number | null }
  | { kind: 'done'; file: string; progress: DownloadProgress }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

/** The export view of one site. */
export function ExportView({ api }: { api: Api }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [format, setFormat] = useState<'ndjson' | 'csv'>('ndjson');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = async (e: Event) => {
    e.preventDefault();
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running', progress: { bytes: 0, lines: 0 }, total: null });
    const res = await api.exportResponse({ format, from: from || undefined, to: to || undefined }, controller.signal);
    if (!res.ok) {
      setStatus(
        controller.signal.aborted ? { kind: 'cancelled' } : { kind: 'error', message: errorText(res, api.site, i18n) },
      );
      return;
    }
    // A full NDJSON export is a header line and then exactly tree-size lines.
    const size = Number(res.value.headers.get('x-tree-size'));
    const total = format === 'ndjson' && !from && !to && Number.isSafeInteger(size) ? size + 1 : null;
    try {
      const read = await readWithProgress(res.value.body!, (progress) =>
        setStatus({ kind: 'running', progress, total }),
      );
      const file = attachmentName(res.value.headers.get('content-disposition'), `${api.site}.${format}`);
      const url = URL.createObjectURL(
        new Blob(read.chunks as BlobPart[], { type: format === 'ndjson' ? 'application/x-ndjson' : 'text/csv' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = file;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({ kind: 'done', file, progress: read });
    } catch (error) {
      setStatus(
        controller.signal.aborted
          ? { kind: 'cancelled' }
          : { kind: 'error', message: t('error.other', { status: res.value.status, message: String(error) }) },
      );
    }
  };

  const progressText = (p: DownloadProgress) =>
    t('export.progress', { lines: i18n.number(p.lines), bytes: i18n.bytes(p.bytes) });
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title" tabIndex={-1}>
        {t('export.title')}
      </h2>
      <form class="export" onSubmit={run}>
        <fieldset>
          <legend>{t('export.format')}</legend>
          {(['ndjson', 'csv'] as const).map((f) => (
            <label key={f} class="radio">
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              {t(`export.${f}`)}
            </label>
          ))}
        </fieldset>
        <div class="filters">
          <label>
            {t('export.from')}
            <input
              type="date"
              value={from}
              onInput={(e) => setFrom(e.currentTarget.value)}
              aria-describedby="range-hint"
            />
          </label>
          <label>
            {t('export.to')}
            <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} aria-describedby="range-hint" />
          </label>
        </div>
        <p id="range-hint" class="hint">
          {t('export.rangeHint')}
        </p>
        <div class="row">
          <button class="btn primary" type="submit" disabled={status.kind === 'running'}>
            {t('export.download')}
          </button>
          {status.kind === 'running' && (
            <button class="btn" type="button" onClick={() => abort.current?.abort()}>
              {t('export.cancel')}
            </button>
          )}
        </div>
      </form>
      <div class="export-status">
        {status.kind === 'running' && (
          <>
            <progress
              max={status.total ?? undefined}
              value={status.total ? status.progress.lines : undefined}
              aria-label={t('export.title')}
            />
            <p role="status">{progressText(status.progress)}</p>
          </>
        )}
        {status.kind === 'done' && (
          <p role="status" class="good" data-lines={status.progress.lines}>
            {t('export.done', {
              file: status.file,
              lines: i18n.number(status.progress.lines),
              bytes: i18n.bytes(status.progress.bytes),
            })}
          </p>
        )}
        {status.kind === 'cancelled' && <p role="status">{t('export.cancelled')}</p>}
        {status.kind === 'error' && (
          <p role="alert" class="alert">
            {status.message}
          </p>
        )}
      </div>
      <section class="howto" aria-labelledby="verify-offline">
        <h3 id="verify-offline">{t('export.verifyTitle')}</h3>
        <p>{t('export.verifyText')}</p>
        <pre class="mono">
          <code>{`consent-ledger verify ${api.site}.ndjson --keys keys.json\necho $?   # 0: everything verifies, 1: a failure (listed by index)`}</code>
        </pre>
        <p>{t('export.verifyKeys')}</p>
        <p>
          <a href="/v1/keys" download="keys.json">
            {t('export.keys')}
          </a>
        </p>
      </section>
    </section>
  );
}
