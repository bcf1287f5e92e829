// <ConsentGate>: content of a purpose rendered only once the visitor granted it (or chose to see it
// this once); until then a fallback, by default the placeholder the SDK draws for a blocked embed.
import { translator } from '@consent-ledger/sdk/headless';
import { Fragment, createElement as h, type ReactNode, useEffect, useRef, useState } from 'react';
import { useConsent, useGranted } from './hooks';

export interface ConsentGateProps {
  /** The purpose the content needs (`maps`, `audio-video`…). */
  purpose: string;
  /** The service providing it (its id in the site config), named by the placeholder; default: the purpose's first service. */
  service?: string;
  /** Rendered while the purpose is not granted; default: <ConsentPlaceholder>. `null` renders nothing. */
  fallback?: ReactNode;
  children?: ReactNode;
}

/** Renders `children` only while `purpose` is granted, the fallback (the placeholder by default) otherwise. */
export function ConsentGate({ purpose, service, fallback, children }: ConsentGateProps): ReactNode {
  const granted = useGranted(purpose);
  const [once, setOnce] = useState(false);
  const [chosen, setChosen] = useState(false);
  const marker = useRef<HTMLSpanElement>(null);
  const shown = granted || once;
  useEffect(() => {
    if (!chosen || !shown) return;
    // The placeholder's button is gone: focus goes to the content that took its place, not to <body>.
    (marker.current?.nextElementSibling as HTMLElement | null)?.focus();
    setChosen(false);
  }, [chosen, shown]);
  // The same shape with or without the marker, so the content is never remounted when it goes.
  if (shown) return h(Fragment, null, chosen && h('span', { ref: marker, hidden: true }), children);
  if (fallback !== undefined) return fallback;
  return h(ConsentPlaceholder, {
    purpose,
    service,
    onChoose: () => setChosen(true),
    onLoadOnce: () => setOnce(true),
  });
}

export interface ConsentPlaceholderProps {
  purpose: string;
  service?: string;
  /** Shows the content this time only; without it, there is no "just this once" button. */
  onLoadOnce?: () => void;
  /** Called when the visitor clicks either button (the gate then moves focus to the content). */
  onChoose?: () => void;
}

// Enough to read as a box in any page; `.cl-placeholder` is there to restyle it.
const BOX = { border: '1px solid #8886', borderRadius: 8, padding: 16, display: 'grid', gap: 12 } as const;

/**
 * What stands in for gated content: who provides it, for which purpose, a link to their privacy
 * policy, and the two ways to see it, in the notice's words. Empty until the notice is known.
 */
export function ConsentPlaceholder({
  purpose,
  service: serviceId,
  onLoadOnce,
  onChoose,
}: ConsentPlaceholderProps): ReactNode {
  const { state, decide, loadOnce } = useConsent();
  const base = { className: 'cl-placeholder', 'data-consent-placeholder': purpose, style: BOX };
  if (!state.document) return h('div', { ...base, 'aria-busy': true });
  const { notice, language } = state.document;
  const t = translator(notice);
  const title = notice.purposes.find((p) => p.id === purpose)?.title ?? purpose;
  const offered = notice.services.filter((s) => s.purpose === purpose);
  const service = offered.find((s) => s.id === serviceId) ?? offered[0];
  const name = service?.name ?? title;
  return h(
    'div',
    { ...base, role: 'group', 'aria-label': name, lang: language },
    h(
      'p',
      { style: { margin: 0 } },
      t('placeholder.text', { provider: service?.provider ?? name, service: name, purpose: title }),
    ),
    service?.privacyUrl &&
      h('a', { href: service.privacyUrl, target: '_blank', rel: 'noopener' }, t('service.privacy')),
    h(
      'div',
      { style: { display: 'flex', flexWrap: 'wrap', gap: 8 } },
      onLoadOnce &&
        h(
          'button',
          {
            type: 'button',
            onClick: () => {
              onChoose?.();
              onLoadOnce();
              void loadOnce();
            },
          },
          t('placeholder.loadOnce'),
        ),
      h(
        'button',
        {
          type: 'button',
          onClick: () => {
            onChoose?.();
            void decide({ [purpose]: 'granted' }, 'embed');
          },
        },
        t('placeholder.alwaysAllow', { purpose: title }),
      ),
    ),
  );
}
