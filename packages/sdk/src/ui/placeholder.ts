import { embedHost } from '../gate/embeds';
import { translator } from '../i18n/texts';
import type { BlockedEmbed, ConfigDocument, ConsentRuntime } from '../types';
import { actions, privacyLink } from './controls';
import { h } from './dom';
import { embedBox, isTiny } from './embed-box';
import { styledHost } from './styles';

/** What stands in a blocked embed's box: who provides it, for which purpose, and the two ways to load it. */
export function placeholder(
  rt: ConsentRuntime,
  { notice, language }: ConfigDocument,
  { element, purpose, service }: BlockedEmbed,
): HTMLElement {
  const t = translator(notice);
  const title = notice.purposes.find((p) => p.id === purpose)?.title ?? purpose;
  const provider = service?.provider ?? embedHost(element);
  const name = service?.name ?? provider;
  // After loading, the embed takes the placeholder's place: focus goes there instead of being lost.
  const then = () => element.focus();
  return h(
    'div',
    { class: 'w ph', lang: language, role: 'group', 'aria-label': service?.name ?? title },
    h('p', null, t('placeholder.text', { provider, service: name, purpose: title })),
    privacyLink(service?.privacyUrl, t('service.privacy')),
    actions(
      [t('placeholder.loadOnce'), () => void rt.loadEmbedOnce(element).then(then)],
      [
        t('placeholder.alwaysAllow', { purpose: title }),
        () => void rt.decide({ [purpose]: 'granted' }, 'embed').then(then),
      ],
    ),
  );
}

/** Keeps a placeholder in the box of every blocked embed until it loads; returns the function that removes them all. */
export function drawPlaceholders(rt: ConsentRuntime, nonce?: string): () => void {
  // Per embed: the placeholder's host, the box it is drawn in, the embed's own inline `display`
  // (restored when it goes) and the document it was drawn from (redrawn only when that changes, so
  // focus inside a placeholder survives unrelated changes).
  const drawn = new Map<HTMLElement, [HTMLElement, HTMLElement, string, ConfigDocument?]>();
  const sync = (embeds: BlockedEmbed[]) => {
    const doc = rt.get().document;
    const wanted = doc ? embeds : [];
    for (const [element, [host, , display]] of drawn)
      if (!wanted.some((e) => e.element === element)) {
        host.remove();
        element.style.display = display;
        drawn.delete(element);
      }
    for (const embed of wanted) {
      const { element } = embed;
      let entry = drawn.get(element);
      if (!entry) {
        const size = embedBox(element);
        if (isTiny(size)) continue;
        const [host, box] = styledHost(nonce);
        host.dataset.consentPlaceholder = embed.purpose;
        Object.assign(host.style, size, { maxWidth: '100%', boxSizing: 'border-box' });
        box.style.height = '100%';
        entry = [host, box, element.style.display];
        drawn.set(element, entry);
        element.before(host);
        element.style.display = 'none';
      }
      if (entry[3] !== doc) {
        entry[1].replaceChildren(placeholder(rt, doc!, embed));
        entry[3] = doc!;
      }
    }
  };
  const offs = [rt.on('embeds', sync), rt.on('change', () => sync(rt.blockedEmbeds()))];
  sync(rt.blockedEmbeds());
  return () => {
    for (const off of offs) off();
    sync([]);
  };
}
