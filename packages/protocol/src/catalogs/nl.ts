import type { Catalog } from '../texts';

// Formal "u", as Belgian and Dutch health sites address patients; wording understood on both sides.
export const nl: Catalog = {
  texts: {
    'banner.label': 'Cookies en privacy',
    'banner.title': 'Uw gegevens, uw keuze',
    'banner.text':
      'Met uw toestemming gebruiken {site} en derde partijen cookies en vergelijkbare technieken voor de doeleinden die u onder ‘Aanpassen’ vindt. Voor cookies die de site nodig heeft om te werken, is geen toestemming vereist. U kunt uw keuze op elk moment wijzigen of uw toestemming intrekken.',
    'banner.policy': 'Privacyverklaring',
    'banner.acceptAll': 'Alles accepteren',
    'banner.rejectAll': 'Alles weigeren',
    'banner.customize': 'Aanpassen',
    'banner.close': 'Doorgaan zonder te accepteren',
    'dialog.title': 'Cookievoorkeuren',
    'dialog.intro':
      'Zet elk doel aan of uit en sla uw keuze op. U kunt op elk moment van gedachten veranderen: uw toestemming intrekken is even eenvoudig als ze geven.',
    'dialog.save': 'Mijn keuze opslaan',
    'dialog.acceptAll': 'Alles accepteren',
    'dialog.rejectAll': 'Alles weigeren',
    'dialog.close': 'Sluiten',
    'dialog.alwaysOn': 'Altijd actief',
    'dialog.services': 'Gebruikte diensten',
    'dialog.gpc':
      'Uw browser verstuurt een Global Privacy Control-signaal, daarom staat marketing uit. Wilt u het toch toestaan, dan kan dat hier.',
    'dialog.history': 'Mijn toestemmingsgeschiedenis',
    'service.provider': 'Aanbieder',
    'service.transfer': 'Plaats van verwerking',
    'service.transferEu': 'Europese Unie',
    'service.transferOutside': '{country} (buiten de EU)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'Geen cookies',
    'service.retention': 'Bewaartermijn',
    'service.privacy': 'Privacyverklaring van de aanbieder',
    'service.hosts': 'Gebruikte domeinen',
    'placeholder.text':
      'Deze inhoud komt van {service}. Bij het laden ontvangt {provider} uw verbindingsgegevens en worden er mogelijk cookies geplaatst (doel: ‘{purpose}’).',
    'placeholder.loadOnce': 'Eenmalig tonen',
    'placeholder.alwaysAllow': '‘{purpose}’ altijd toestaan',
    'history.title': 'Geschiedenis van uw keuzes',
    'history.empty': 'Nog geen keuzes opgeslagen.',
    'history.date': 'Datum',
    'history.method': 'Actie',
    'history.choices': 'Keuzes',
    'history.status': 'Status',
    'history.acknowledged': 'Bevestigd',
    'history.pending': 'Wacht op verzending',
    'history.refused': 'Geweigerd door de server',
    'history.download': 'Mijn toestemmingsbewijzen downloaden',
    'history.subject': 'Pseudonieme ID van dit apparaat',
    'history.back': 'Terug',
    'method.accept-all': 'Alles geaccepteerd',
    'method.reject-all': 'Alles geweigerd',
    'method.save': 'Eigen keuze',
    'method.embed': 'Altijd toegestaan via ingesloten inhoud',
    'method.embed-once': 'Ingesloten inhoud één keer getoond',
    'method.withdraw': 'Toestemming ingetrokken',
    'method.gpc': 'GPC-signaal van de browser',
    'method.in-context': 'Gevraagd op het moment van gebruik',
    'state.granted': 'Toegestaan',
    'state.denied': 'Geweigerd',
    'withdraw.button': 'Mijn toestemming intrekken',
    'withdraw.confirm': 'Uw toestemming voor ‘{purpose}’ is ingetrokken.',
    'erase.button': 'Mijn gegevens wissen',
    'erase.confirm':
      'De toestemmingsbewijzen van dit apparaat uit het register wissen? Alleen hun vingerafdrukken blijven bewaard, zodat het register controleerbaar blijft. U wordt opnieuw om uw keuze gevraagd.',
    'erase.cancel': 'Annuleren',
    'erase.failed': 'Het wissen is niet gelukt. Probeer het later opnieuw.',
    'history.erased': 'Gewist',
    'ask.text':
      'Deze functie gebruikt de diensten hieronder, waarvoor uw toestemming nodig is. Er wordt niets geladen zolang u dat niet toestaat, en u kunt uw toestemming altijd intrekken.',
    'ask.allow': 'Toestaan',
    'ask.decline': 'Niet nu',
    'reopen.label': 'Cookie-instellingen',
    'announce.saved': 'Uw keuze is opgeslagen.',
  },
  purposes: {
    necessary: {
      title: 'Strikt noodzakelijk',
      description:
        'Cookies en technieken die de site nodig heeft om te werken: beveiliging, inloggen op uw account, uw keuzes onthouden. Hiervoor is geen toestemming nodig.',
    },
    analytics: {
      title: 'Statistieken',
      description: 'Bezoekstatistieken die ons tonen hoe de site gebruikt wordt, zodat we die kunnen verbeteren.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Om te meten hoe onze e-mails en campagnes presteren, en om u inhoud en aanbiedingen te tonen die bij uw interesses passen, ook op andere sites.',
    },
    maps: {
      title: 'Interactieve kaarten',
      description:
        'Kaarten van een externe dienst, bijvoorbeeld om een praktijk te vinden. De aanbieder ontvangt uw IP-adres en kan cookies plaatsen.',
    },
    audiovideo: {
      title: 'Audio en video',
      description:
        'Teleconsultatie en ingesloten videospelers. De aanbieder ontvangt uw IP-adres en kan cookies plaatsen. Uw browser vraagt altijd om uw toestemming voordat uw camera of microfoon wordt gebruikt.',
    },
  },
};
