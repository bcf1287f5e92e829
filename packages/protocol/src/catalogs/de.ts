import type { Catalog } from '../texts';

// Formal "Sie"; "Einwilligung" is the GDPR's own word for consent in German.
export const de: Catalog = {
  texts: {
    'banner.label': 'Cookies und Datenschutz',
    'banner.title': 'Ihre Daten, Ihre Wahl',
    'banner.text':
      'Mit Ihrer Einwilligung verwenden {site} und ausgewählte Partner Cookies und ähnliche Technologien für die unter „Anpassen“ beschriebenen Zwecke. Für Cookies, die für den Betrieb der Website nötig sind, ist keine Einwilligung erforderlich. Sie können Ihre Entscheidung jederzeit ändern oder widerrufen.',
    'banner.policy': 'Datenschutzerklärung',
    'banner.acceptAll': 'Alle akzeptieren',
    'banner.rejectAll': 'Alle ablehnen',
    'banner.customize': 'Anpassen',
    'banner.close': 'Ohne Einwilligung fortfahren',
    'dialog.title': 'Cookie-Einstellungen',
    'dialog.intro':
      'Schalten Sie jeden Zweck ein oder aus und speichern Sie Ihre Auswahl. Sie können Ihre Meinung jederzeit ändern: Der Widerruf ist so einfach wie die Einwilligung.',
    'dialog.save': 'Auswahl speichern',
    'dialog.acceptAll': 'Alle akzeptieren',
    'dialog.rejectAll': 'Alle ablehnen',
    'dialog.close': 'Schließen',
    'dialog.alwaysOn': 'Immer aktiv',
    'dialog.services': 'Eingesetzte Dienste',
    'dialog.gpc':
      'Ihr Browser sendet das Signal „Global Privacy Control“, deshalb ist Marketing deaktiviert. Wenn Sie möchten, können Sie es hier trotzdem erlauben.',
    'dialog.history': 'Verlauf meiner Einwilligungen',
    'service.provider': 'Anbieter',
    'service.transfer': 'Ort der Verarbeitung',
    'service.transferEu': 'Europäische Union',
    'service.transferOutside': '{country} (außerhalb der EU)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'Keine Cookies',
    'service.retention': 'Speicherdauer',
    'service.privacy': 'Datenschutzerklärung des Anbieters',
    'service.hosts': 'Aufgerufene Domains',
    'placeholder.text':
      'Dieser Inhalt wird von {service} bereitgestellt. Beim Laden erhält {provider} Ihre Verbindungsdaten und setzt möglicherweise Cookies (Zweck: „{purpose}“).',
    'placeholder.loadOnce': 'Einmalig anzeigen',
    'placeholder.alwaysAllow': '„{purpose}“ immer erlauben',
    'history.title': 'Verlauf Ihrer Einwilligungen',
    'history.empty': 'Noch keine Entscheidung gespeichert.',
    'history.date': 'Datum',
    'history.method': 'Aktion',
    'history.choices': 'Auswahl',
    'history.status': 'Status',
    'history.acknowledged': 'Bestätigt',
    'history.pending': 'Noch nicht gesendet',
    'history.refused': 'Vom Server abgelehnt',
    'history.download': 'Meine Einwilligungsnachweise herunterladen',
    'history.subject': 'Pseudonyme Kennung dieses Geräts',
    'history.back': 'Zurück',
    'method.accept-all': 'Alle akzeptiert',
    'method.reject-all': 'Alle abgelehnt',
    'method.save': 'Individuelle Auswahl',
    'method.embed': 'Über eingebetteten Inhalt dauerhaft erlaubt',
    'method.embed-once': 'Eingebetteter Inhalt einmal angezeigt',
    'method.withdraw': 'Einwilligung widerrufen',
    'method.gpc': 'GPC-Signal des Browsers',
    'method.in-context': 'Im Moment der Nutzung gefragt',
    'state.granted': 'Erlaubt',
    'state.denied': 'Abgelehnt',
    'withdraw.button': 'Meine Einwilligung widerrufen',
    'withdraw.confirm': 'Ihre Einwilligung für „{purpose}“ wurde widerrufen.',
    'erase.button': 'Meine Daten löschen',
    'erase.confirm':
      'Die Einwilligungsnachweise dieses Geräts aus dem Protokoll löschen? Nur ihre Fingerabdrücke bleiben, damit das Protokoll prüfbar bleibt. Sie werden erneut gefragt.',
    'erase.cancel': 'Abbrechen',
    'erase.failed': 'Das Löschen ist fehlgeschlagen. Bitte versuchen Sie es später erneut.',
    'history.erased': 'Gelöscht',
    'ask.text':
      'Diese Funktion nutzt die unten genannten Dienste, die Ihre Einwilligung benötigen. Ohne Ihre Erlaubnis wird nichts geladen, und Sie können Ihre Einwilligung jederzeit widerrufen.',
    'ask.allow': 'Erlauben',
    'ask.decline': 'Jetzt nicht',
    'reopen.label': 'Cookie-Einstellungen',
    'announce.saved': 'Ihre Auswahl wurde gespeichert.',
  },
  purposes: {
    necessary: {
      title: 'Unbedingt erforderlich',
      description:
        'Cookies und ähnliche Technologien, die für den Betrieb der Website nötig sind: Sicherheit, Anmeldung in Ihrem Konto, Speichern Ihrer Auswahl. Dafür ist keine Einwilligung erforderlich.',
    },
    analytics: {
      title: 'Statistik',
      description: 'Besuchsstatistiken, die uns zeigen, wie die Website genutzt wird, damit wir sie verbessern können.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Um zu messen, wie unsere E-Mails und Kampagnen ankommen, und um Ihnen Inhalte und Angebote passend zu Ihren Interessen zu zeigen, auch auf anderen Websites.',
    },
    maps: {
      title: 'Interaktive Karten',
      description:
        'Karten eines externen Dienstes, etwa um eine Praxis zu finden. Der Anbieter erhält Ihre IP-Adresse und kann Cookies setzen.',
    },
    audiovideo: {
      title: 'Audio und Video',
      description:
        'Videosprechstunde und eingebettete Videoplayer. Der Anbieter erhält Ihre IP-Adresse und kann Cookies setzen. Ihr Browser fragt Sie immer, bevor Kamera oder Mikrofon genutzt werden.',
    },
  },
};
