// The console's chunk and its style sheet, fetched the first time an admin opens Sites (never for an
// auditor): the chunk is content-addressed by the build (`console.<hash>.js`), and so is its style
// sheet, whose name the build writes in here (__CONSOLE_CSS__; none under unit tests, which need no styles).
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { ConsoleProps } from './console';

declare const __CONSOLE_CSS__: string;

let loading: Promise<ComponentType<ConsoleProps>> | null = null;

/** Resolves once `href` is applied as a style sheet (a <link>: the page's CSP allows only its own files). */
function stylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.onload = () => resolve();
    link.onerror = () => {
      link.remove();
      reject(new Error(`${href} did not load`));
    };
    document.head.append(link);
  });
}

/** The console component, once its chunk and style sheet are in; a failure is forgotten, so opening again retries. */
export function loadConsole(): Promise<ComponentType<ConsoleProps>> {
  loading ??= Promise.all([
    import('./console'),
    typeof __CONSOLE_CSS__ === 'string' ? stylesheet(new URL(__CONSOLE_CSS__, import.meta.url).href) : null,
  ]).then(
    ([chunk]) => chunk.Console,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The console where Sites is open: its heading and a loading status until the chunk is in. */
export function LazyConsole(props: ConsoleProps) {
  const { t } = useI18n();
  const [state, setState] = useState<{ Console: ComponentType<ConsoleProps> | null; failed: boolean }>({
    Console: null,
    failed: false,
  });
  const [focusTitle, setFocusTitle] = useState(false);
  useEffect(() => {
    let live = true;
    loadConsole().then(
      (Console) => {
        if (!live) return;
        // The heading that had focus is replaced by the console's own: focus moves with it.
        setFocusTitle(document.activeElement?.id === 'view-title');
        setState({ Console, failed: false });
      },
      () => live && setState({ Console: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (focusTitle) document.getElementById('view-title')?.focus();
  }, [focusTitle]);
  const { Console, failed } = state;
  if (Console) return <Console {...props} />;
  return (
    <section>
      <h2 id="view-title" tabIndex={-1}>
        {t('sites.title')}
      </h2>
      {failed ? (
        <div class="alert" role="alert">
          <p>{t('sites.loadFailed')}</p>
          <button class="btn" type="button" onClick={() => location.reload()}>
            {t('sites.reload')}
          </button>
        </div>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </section>
  );
}
