// The live preview of a draft: the real consent.js in a sandboxed frame (an opaque origin: it cannot
// reach the console's session, token or storage), in preview mode (nothing kept, nothing sent), in
// any of the draft's languages, on its first layer or with the preferences open, at desktop or phone
// width. It follows the draft once the draft has been still for a moment and validates.
import { LANGUAGE_NAMES, type Language, type SiteConfig, validateSiteConfig } from '@consent-ledger/protocol';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n';
import { Toggle } from '../toggle';
import { type PreviewSources, type PreviewView, previewPage } from './preview-page';

/** How long the draft must stay unchanged before the frame reloads with it: typing never reloads it. */
export const PREVIEW_DELAY_MS = 400;

type Width = 'desktop' | 'phone';
/** `started` and `failed` are what the frame helper says (frame.ts). */
type FrameState = 'loading' | 'started' | 'failed';

/** The draft as a config the collector would accept, or null. */
function validConfig(draft: unknown): SiteConfig | null {
  const checked = validateSiteConfig(draft);
  return checked.ok ? checked.value : null;
}

/** Where the frame's scripts are: consent.js from the collector (`base`), the helper beside this console. */
export function previewSources(base: string, page: string): PreviewSources {
  return {
    consentJs: new URL(`${base}/consent.js`, page).href,
    helper: new URL('preview-frame', page).href,
  };
}

/** The preview of `draft` (any value: only a valid config is shown) with its switches. */
export function SitePreview({ draft, sources }: { draft: unknown; sources: PreviewSources }) {
  const { t, lang: uiLang } = useI18n();
  // The last valid config (kept while the draft is invalid), and whether the draft now is valid.
  const [shown, setShown] = useState(() => {
    const config = validConfig(draft);
    return { config, valid: config !== null };
  });
  useEffect(() => {
    const timer = setTimeout(
      () =>
        setShown((before) => {
          const config = validConfig(draft);
          return { config: config ?? before.config, valid: config !== null };
        }),
      PREVIEW_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [draft]);
  const { config } = shown;

  const [chosen, setChosen] = useState<Language | null>(null);
  const [view, setView] = useState<PreviewView>('banner');
  const [width, setWidth] = useState<Width>('desktop');
  const [run, setRun] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);

  const languages = config?.languages ?? [];
  const language =
    chosen && languages.includes(chosen)
      ? chosen
      : (languages.find((l) => l === uiLang) ?? (languages[0] as Language | undefined));
  const page = useMemo(
    () => (config && language ? previewPage(config, language, view, sources) : null),
    [config, language, view, sources.consentJs, sources.helper],
  );

  // What the frame said, about which page: a new page (or a restart) is loading until it says otherwise.
  const loaded = `${run}:${page}`;
  const current = useRef(loaded);
  current.current = loaded;
  const [said, setSaid] = useState<{ of: string; state: FrameState } | null>(null);
  const state: FrameState = said?.of === loaded ? said.state : 'loading';
  // Listening from the first render on (not after the next frame, as useEffect would): a frame's page
  // may start before that.
  useLayoutEffect(() => {
    const heard = (event: MessageEvent) => {
      // Only the frame's own helper, whose one message says whether consent.js started.
      if (event.source !== frame.current?.contentWindow) return;
      const word = (event.data as { consentLedgerPreview?: unknown } | null)?.consentLedgerPreview;
      if (word === 'started' || word === 'failed') setSaid({ of: current.current, state: word });
    };
    addEventListener('message', heard);
    return () => removeEventListener('message', heard);
  }, []);

  return (
    <section class="preview" aria-labelledby="preview-title" data-preview={page ? state : 'none'}>
      <h3 id="preview-title">{t('preview.title')}</h3>
      <p class="hint">{t('preview.hint')}</p>
      {!config && (
        <p class="hint" role="status">
          {t('preview.none')}
        </p>
      )}
      {config && !shown.valid && (
        <p class="alert" role="status">
          {t('preview.stale')}
        </p>
      )}
      {state === 'failed' && (
        <p class="alert" role="alert">
          {t('preview.failed')}
        </p>
      )}
      {page && language && (
        <>
          <div class="preview-bar">
            <label class="inline">
              {t('preview.language')}
              <select value={language} onChange={(e) => setChosen(e.currentTarget.value as Language)}>
                {languages.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
            <Toggle<PreviewView>
              legend={t('preview.view')}
              value={view}
              options={[
                ['banner', t('preview.banner')],
                ['dialog', t('preview.dialog')],
              ]}
              onValue={setView}
            />
            <Toggle<Width>
              legend={t('preview.width')}
              value={width}
              options={[
                ['desktop', t('preview.desktop')],
                ['phone', t('preview.phone')],
              ]}
              onValue={setWidth}
            />
            <button class="btn" type="button" onClick={() => setRun(run + 1)}>
              {t('preview.restart')}
            </button>
          </div>
          <div class={`preview-stage ${width}`}>
            <iframe
              key={run}
              ref={frame}
              class="preview-frame"
              title={t('preview.frame', { language: LANGUAGE_NAMES[language], width: t(`preview.${width}`) })}
              sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"
              referrerpolicy="no-referrer"
              srcdoc={page}
            />
          </div>
        </>
      )}
    </section>
  );
}
