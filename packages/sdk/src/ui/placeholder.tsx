import { render } from 'preact';
import { embedHost, embedOf, standing } from '../gate/embeds';
import { translator } from '../i18n/texts';
import type { BlockedEmbed, ConfigDocument, ConsentRuntime } from '../types';
import { Actions, PrivacyLink } from './controls';
import { embedBox, isTiny } from './embed-box';
import { styledHost } from './styles';

/** What stands in a blocked embed's box: who provides it, for which purpose, and the two ways to load it. */
export function Placeholder({
  rt,
  doc: { notice, language },
  embed: { element, purpose, service },
}: {
  rt: ConsentRuntime;
  doc: ConfigDocument;
  embed: BlockedEmbed;
}) {
  const t = translator(notice);
  const title = notice.purposes.find((p) => p.id === purpose)?.title ?? purpose;
  const provider = service?.provider ?? embedHost(element);
  const name = service?.name ?? provider;
  // After loading, the embed takes the placeholder's place: focus goes there instead of being lost.
  const then = () => (standing(element) as HTMLElement).focus();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset's own box (min-inline-size, legend) would fight the embed's exact box
    <div class="w ph" lang={language} role="group" aria-label={service?.name ?? title}>
      <p>{t('placeholder.text', { provider, service: name, purpose: title })}</p>
      <PrivacyLink href={service?.privacyUrl} label={t('service.privacy')} />
      <Actions
        quiet
        list={[
          [t('placeholder.loadOnce'), () => void rt.loadEmbedOnce(element).then(then)],
          [
            t('placeholder.alwaysAllow', { purpose: title }),
            () => void rt.decide({ [purpose]: 'granted' }, 'embed').then(then),
          ],
        ]}
      />
    </div>
  );
}

/** Keeps a placeholder in the box of every blocked embed until it loads; returns the function that removes them all. */
export function drawPlaceholders(rt: ConsentRuntime, nonce?: string): () => void {
  // Per embed: the placeholder's host, the box Preact draws in, and the embed's own inline `display`, restored when it goes.
  const drawn = new Map<HTMLElement, [HTMLElement, HTMLElement, string]>();
  const sync = (embeds: BlockedEmbed[]) => {
    const doc = rt.get().document;
    const wanted = doc ? embeds : [];
    for (const [element, [host, box, display]] of drawn)
      if (!wanted.some((e) => e.element === element)) {
        render(null, box);
        host.remove();
        element.style.display = display;
        drawn.delete(element);
      }
    for (const embed of wanted) {
      const { element } = embed;
      let box = drawn.get(element)?.[1];
      if (!box) {
        const size = embedBox((embedOf(element) ?? element) as HTMLElement);
        if (isTiny(size)) continue;
        const [host, inner] = styledHost(nonce);
        host.dataset.consentPlaceholder = embed.purpose;
        // The embed's box, grown when its text needs more (a narrow phone): never an answer cut off.
        Object.assign(host.style, size, {
          height: '',
          minHeight: size.height,
          maxWidth: '100%',
          boxSizing: 'border-box',
          display: `${size.display.replace('block', '')}flex`,
        });
        box = inner;
        box.style.flex = '1';
        drawn.set(element, [host, box, element.style.display]);
        element.before(host);
        element.style.display = 'none';
      }
      render(<Placeholder rt={rt} doc={doc!} embed={embed} />, box);
    }
  };
  const offs = [rt.on('embeds', sync), rt.on('change', () => sync(rt.blockedEmbeds()))];
  sync(rt.blockedEmbeds());
  return () => {
    for (const off of offs) off();
    sync([]);
  };
}
