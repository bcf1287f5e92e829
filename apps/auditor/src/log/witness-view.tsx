// The witnesses part of the log health view: the auditor's pinned witness keys, each one's
// cosignature of the current checkpoint (checked in this browser), the quorum, and a form to pin a key.
import { parseWitnessKey } from '@consent-ledger/protocol';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { rewriteReason } from './rewrite-reason';
import type { LogHealth } from './use-log-health';

/** Pinned witnesses and their cosignatures of the current checkpoint. */
export function WitnessPanel({ log }: { log: LogHealth }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { pinned } = log;
  const check = log.health?.ok ? log.health.witnesses : null;

  const pin = (event: Event) => {
    event.preventDefault();
    const vkey = draft.trim();
    const parsed = parseWitnessKey(vkey);
    if (!parsed.ok) {
      setProblem(t('witness.badKey', { message: parsed.error.message }));
      return;
    }
    setProblem(null);
    setDraft('');
    if (pinned.vkeys.includes(vkey)) return;
    // A newly pinned witness is required too unless the auditor lowers the quorum.
    log.pin({ vkeys: [...pinned.vkeys, vkey], quorum: pinned.quorum + (pinned.vkeys.length > 0 ? 1 : 0) });
  };
  const unpin = (vkey: string) => {
    const vkeys = pinned.vkeys.filter((k) => k !== vkey);
    log.pin({ vkeys, quorum: Math.min(pinned.quorum, Math.max(1, vkeys.length)) });
  };

  return (
    <section aria-labelledby="witness-title" data-witnesses>
      <h3 id="witness-title">{t('witness.title')}</h3>
      <p class="hint">{t('witness.intro')}</p>
      {pinned.vkeys.length === 0 && <p>{t('witness.none')}</p>}
      {check && check.rows.length > 0 && (
        <>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('witness.name')}</th>
                  <th scope="col">{t('witness.state')}</th>
                  <th scope="col">
                    <span class="sr">{t('witness.unpin')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {check.rows.map((row) => (
                  <tr key={row.vkey} data-witness={row.name} data-state={row.state}>
                    <td class="mono witness-name" title={row.vkey}>
                      {row.name.split('/').map((part, i) => (i === 0 ? part : [<wbr key={i} />, `/${part}`]))}
                    </td>
                    <td class={row.state === 'cosigned' ? 'good' : row.state === 'rewritten' ? 'alert' : 'alert-soft'}>
                      <span aria-hidden="true">{row.state === 'cosigned' ? '✓ ' : '✗ '}</span>
                      {row.state === 'cosigned' && row.at
                        ? t('witness.cosigned', { date: i18n.dateTime(row.at) })
                        : row.state === 'rewritten' && row.last
                          ? t('witness.rewritten', {
                              size: i18n.number(row.last.size),
                              date: i18n.dateTime(row.last.at),
                            })
                          : t(row.state === 'invalid' ? 'witness.invalid' : 'witness.missing')}
                      {row.state === 'rewritten' && row.reason && (
                        <span class="detail"> ({rewriteReason(row.reason, i18n)})</span>
                      )}
                      {row.state === 'missing' && row.last && (
                        <span class="detail" data-behind={row.last.behind}>
                          {' '}
                          {t('witness.behind', {
                            size: i18n.number(row.last.size),
                            date: i18n.dateTime(row.last.at),
                            count: i18n.number(row.last.behind),
                          })}
                        </span>
                      )}
                    </td>
                    <td>
                      <button class="btn" type="button" onClick={() => unpin(row.vkey)}>
                        {t('witness.unpin')}
                        <span class="sr"> {row.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <label>
              {t('witness.quorum')}
              {i18n.colon}
              <input
                type="number"
                min={1}
                max={check.rows.length}
                value={check.quorum}
                onChange={(e) => {
                  const quorum = Number((e.target as HTMLInputElement).value);
                  if (Number.isSafeInteger(quorum)) log.pin({ vkeys: pinned.vkeys, quorum });
                }}
              />
            </label>
          </p>
          <p class={check.met ? 'good' : 'alert'} role="status" data-quorum={check.met ? 'met' : 'not-met'}>
            <span aria-hidden="true">{check.met ? '✓ ' : '✗ '}</span>
            {t(check.met ? 'witness.met' : 'witness.notMet', { count: check.cosigned, quorum: check.quorum })}
          </p>
        </>
      )}
      {check && check.unpinned.length > 0 && (
        <p class="hint" data-unpinned>
          {t('witness.unpinned', { names: check.unpinned.join(', ') })}
        </p>
      )}
      <form onSubmit={pin} class="witness-pin">
        <label for="witness-key">{t('witness.key')}</label>
        <input
          id="witness-key"
          class="mono"
          value={draft}
          spellcheck={false}
          autocomplete="off"
          placeholder="witness.example/w1+1a2b3c4d+BAbc…"
          aria-describedby={problem ? 'witness-key-problem' : undefined}
          aria-invalid={problem ? true : undefined}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        />
        <button class="btn" type="submit">
          {t('witness.pin')}
        </button>
        {problem && (
          <p id="witness-key-problem" class="alert" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
