import { render } from 'preact';
import { translator } from '../i18n/texts';
import type { BlockedEmbed, ConfigDocument, ConsentRuntime } from '../types';
import { embedBox, isTiny } from './embed-box';
import { adoptStyles } from './styles';

interface PlaceholderProps {
  rt: ConsentRuntime;
  doc: ConfigDocument;
  embed: BlockedEmbed;
}

/** What stands in a blocked embed's box: who provides it, for which purpose, and the two ways to load it. */
export function Placeholder({ rt, doc, embed }: PlaceholderProps) {
  const t = translator(doc.notice);
  const { element, purpose, service } = embed;
  const title = doc.notice.purposes.find((p) => p.id === purpose)?.title ?? purpose;
  const provider = service?.provider ?? hostOf(element);
  // After loading, the embed takes the placeholder's place: focus goes there instead of being lost.
  const then = () => element.focus();
  return (
    <div class="w ph" lang={doc.language} role="group" aria-label={service?.name ?? title}>
      <p>{t('placeholder.text', { provider, service: service?.name ?? provider, purpose: title })}</p>
      {service?.privacyUrl && (
        <a href={service.privacyUrl} target="_blank" rel="noopener">
          {t('service.privacy')}
        </a>
      )}
      <div class="acts">
        <button class="b" onClick={() => rt.loadEmbedOnce(element).then(then)}>
          {t('placeholder.loadOnce')}
        </button>
        <button class="b" onClick={() => rt.decide({ [purpose]: 'granted' }, 'embed').then(then)}>
          {t('placeholder.alwaysAllow', { purpose: title })}
        </button>
      </div>
    </div>
  );
}

function hostOf(element: HTMLElement): string {
  try {
    return new URL(element.dataset.src ?? '', location.href).hostname;
  } catch {
    return '';
  }
}

interface Drawn {
  host: HTMLElement;
  box: HTMLElement;
  /** The embed's own inline `display`, restored when the placeholder goes. */
  display: string;
}

/** Keeps a placeholder in the box of every blocked embed until it loads; returns the function that removes them all. */
export function drawPlaceholders(rt: ConsentRuntime, nonce?: string): () => void {
  const drawn = new Map<HTMLElement, Drawn>();
  const sync = (embeds: BlockedEmbed[]) => {
    const doc = rt.get().document;
    const wanted = doc ? embeds : [];
    for (const [element, d] of drawn) {
      if (wanted.some((e) => e.element === element)) continue;
      render(null, d.box);
      d.host.remove();
      element.style.display = d.display;
      drawn.delete(element);
    }
    for (const embed of wanted) {
      const { element } = embed;
      let d = drawn.get(element);
      if (!d) {
        const size = embedBox(element);
        if (isTiny(size)) continue;
        const host = document.createElement('div');
        host.dataset.consentPlaceholder = embed.purpose;
        Object.assign(host.style, { ...size, maxWidth: '100%', boxSizing: 'border-box' });
        const root = host.attachShadow({ mode: 'open' });
        adoptStyles(root, nonce);
        d = { host, box: root.appendChild(document.createElement('div')), display: element.style.display };
        d.box.style.height = '100%';
        element.before(host);
        element.style.display = 'none';
        drawn.set(element, d);
      }
      render(<Placeholder rt={rt} doc={doc!} embed={embed} />, d.box);
    }
  };
  const offs = [rt.on('embeds', sync), rt.on('change', () => sync(rt.blockedEmbeds()))];
  sync(rt.blockedEmbeds());
  return () => {
    for (const off of offs) off();
    sync([]);
  };
}
