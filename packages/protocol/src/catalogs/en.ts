import type { Catalog } from '../texts';

export const en: Catalog = {
  texts: {
    'banner.label': 'Cookies and privacy',
    'banner.title': 'Your data, your choice',
    'banner.text':
      'With your consent, {site} and its partners use cookies and similar technologies for the purposes described under “Customize”. Cookies the site needs in order to work do not require your consent. You can change your mind at any time.',
    'banner.policy': 'Privacy policy',
    'banner.acceptAll': 'Accept all',
    'banner.rejectAll': 'Reject all',
    'banner.customize': 'Customize',
    'banner.close': 'Continue without accepting',
    'dialog.title': 'Cookie preferences',
    'dialog.intro':
      'Turn each purpose on or off, then save your choices. You can change your mind at any time: withdrawing consent is as easy as giving it.',
    'dialog.save': 'Save my choices',
    'dialog.acceptAll': 'Accept all',
    'dialog.rejectAll': 'Reject all',
    'dialog.close': 'Close',
    'dialog.alwaysOn': 'Always on',
    'dialog.services': 'Services used',
    'dialog.gpc':
      'Your browser sends a Global Privacy Control signal, so marketing is turned off. You can still allow it here if you wish.',
    'dialog.history': 'My consent history',
    'service.provider': 'Provider',
    'service.transfer': 'Where data is processed',
    'service.transferEu': 'European Union',
    'service.transferOutside': '{country} (outside the EU)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'No cookies',
    'service.retention': 'Retention period',
    'service.privacy': 'Provider’s privacy policy',
    'service.hosts': 'Domains contacted',
    'placeholder.text':
      'This content is provided by {service}. If you show it, {provider} will receive your connection data and may set cookies (“{purpose}” purpose).',
    'placeholder.loadOnce': 'Show just this once',
    'placeholder.alwaysAllow': 'Always allow “{purpose}”',
    'history.title': 'Your consent history',
    'history.empty': 'No choices recorded yet.',
    'history.date': 'Date',
    'history.method': 'Action',
    'history.choices': 'Choices',
    'history.status': 'Status',
    'history.acknowledged': 'Confirmed',
    'history.pending': 'Waiting to be sent',
    'history.refused': 'Refused by the server',
    'history.download': 'Download my proof of consent',
    'history.subject': 'Pseudonymous ID of this device',
    'history.back': 'Back',
    'method.accept-all': 'Accepted all',
    'method.reject-all': 'Rejected all',
    'method.save': 'Custom choices',
    'method.embed': 'Always allowed from embedded content',
    'method.embed-once': 'Embedded content shown once',
    'method.withdraw': 'Consent withdrawn',
    'method.gpc': 'Browser’s GPC signal',
    'method.in-context': 'Asked at the moment of use',
    'state.granted': 'Accepted',
    'state.denied': 'Refused',
    'withdraw.button': 'Withdraw my consent',
    'withdraw.confirm': 'Your consent to “{purpose}” has been withdrawn.',
    'erase.button': 'Erase my data',
    'erase.confirm':
      'Erase the proofs of consent of this device from the log? Only their fingerprints stay, so the log can still be checked. You will be asked again.',
    'erase.cancel': 'Cancel',
    'erase.failed': 'The erasure could not be done. Please try again later.',
    'history.erased': 'Erased',
    'ask.text':
      'This feature uses the services below, which need your consent. Nothing is loaded unless you allow it, and you can withdraw your consent at any time.',
    'ask.allow': 'Allow',
    'ask.decline': 'Not now',
    'reopen.label': 'Cookie settings',
    'announce.saved': 'Your choices have been saved.',
  },
  purposes: {
    necessary: {
      title: 'Strictly necessary',
      description:
        'Cookies and trackers the site needs to work: security, signing in to your account, remembering your choices. They do not require your consent.',
    },
    analytics: {
      title: 'Analytics',
      description: 'Visitor statistics that help us understand how the site is used, so we can improve it.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'To measure how our e-mails and campaigns perform, and to show you content and offers suited to your interests, including on other sites.',
    },
    maps: {
      title: 'Interactive maps',
      description:
        'Maps from a third-party service, for instance to find a practice. The provider receives your IP address and may set cookies.',
    },
    audiovideo: {
      title: 'Audio and video',
      description:
        'Teleconsultation and embedded video players. The provider receives your IP address and may set cookies. Your browser always asks you before using your camera or microphone.',
    },
  },
};
