import type { Catalog } from '../texts';

// Formal "Jūs", capitalised in every form (Jūsu, Jums), as Latvian sites write to their users;
// "sīkdatnes" and "piekrišana" are the words of the Data State Inspectorate. Buttons are
// infinitives, as Latvian interfaces write them. Quotes „…”.
export const lv: Catalog = {
  texts: {
    'banner.label': 'Sīkdatnes un privātums',
    'banner.title': 'Jūsu dati, Jūsu izvēle',
    'banner.text':
      'Ar Jūsu piekrišanu vietne {site} un tās partneri izmanto sīkdatnes un līdzīgas tehnoloģijas sadaļā „Pielāgot” aprakstītajiem nolūkiem. Sīkdatnēm, kas nepieciešamas vietnes darbībai, Jūsu piekrišana nav vajadzīga. Savu izvēli varat mainīt jebkurā laikā.',
    'banner.policy': 'Privātuma politika',
    'banner.acceptAll': 'Pieņemt visas',
    'banner.rejectAll': 'Noraidīt visas',
    'banner.customize': 'Pielāgot',
    'banner.close': 'Turpināt bez piekrišanas',
    'dialog.title': 'Sīkdatņu iestatījumi',
    'dialog.intro':
      'Ieslēdziet vai izslēdziet katru nolūku un saglabājiet savu izvēli. Savu lēmumu varat mainīt jebkurā laikā: atsaukt piekrišanu ir tikpat vienkārši kā to dot.',
    'dialog.save': 'Saglabāt izvēli',
    'dialog.acceptAll': 'Pieņemt visas',
    'dialog.rejectAll': 'Noraidīt visas',
    'dialog.close': 'Aizvērt',
    'dialog.alwaysOn': 'Vienmēr aktīvas',
    'dialog.services': 'Izmantotie pakalpojumi',
    'dialog.gpc':
      'Jūsu pārlūkprogramma sūta signālu „Global Privacy Control”, tāpēc mārketings ir izslēgts. Ja vēlaties, šeit to tomēr varat atļaut.',
    'dialog.history': 'Manu piekrišanu vēsture',
    'service.provider': 'Pakalpojuma sniedzējs',
    'service.transfer': 'Apstrādes vieta',
    'service.transferEu': 'Eiropas Savienība',
    'service.transferOutside': '{country} (ārpus ES)',
    'service.cookies': 'Sīkdatnes',
    'service.noCookies': 'Bez sīkdatnēm',
    'service.retention': 'Glabāšanas laiks',
    'service.privacy': 'Pakalpojuma sniedzēja privātuma politika',
    'service.hosts': 'Izmantotie domēni',
    'placeholder.text':
      'Šo saturu nodrošina {service}. Ja to parādīsiet, {provider} saņems Jūsu savienojuma datus un varēs saglabāt sīkdatnes (nolūks: „{purpose}”).',
    'placeholder.loadOnce': 'Rādīt tikai šoreiz',
    'placeholder.alwaysAllow': 'Vienmēr atļaut: „{purpose}”',
    'history.title': 'Jūsu izvēļu vēsture',
    'history.empty': 'Vēl nav saglabāta neviena izvēle.',
    'history.date': 'Datums',
    'history.method': 'Darbība',
    'history.choices': 'Izvēle',
    'history.status': 'Statuss',
    'history.acknowledged': 'Apstiprināts',
    'history.pending': 'Gaida nosūtīšanu',
    'history.refused': 'Serveris noraidīja',
    'history.download': 'Lejupielādēt piekrišanas pierādījumus',
    'history.subject': 'Šīs ierīces pseidonīmais identifikators',
    'history.back': 'Atpakaļ',
    'method.accept-all': 'Pieņemtas visas',
    'method.reject-all': 'Noraidītas visas',
    'method.save': 'Pielāgota izvēle',
    'method.embed': 'Pastāvīgi atļauts no iegultā satura',
    'method.embed-once': 'Iegultais saturs parādīts vienreiz',
    'method.withdraw': 'Piekrišana atsaukta',
    'method.gpc': 'Pārlūkprogrammas GPC signāls',
    'method.in-context': 'Jautāts lietošanas brīdī',
    'state.granted': 'Atļauts',
    'state.denied': 'Noraidīts',
    'withdraw.button': 'Atsaukt piekrišanu',
    'withdraw.confirm': 'Jūsu piekrišana nolūkam „{purpose}” ir atsaukta.',
    'erase.button': 'Dzēst manus datus',
    'erase.confirm':
      'Vai dzēst šīs ierīces piekrišanas pierādījumus no žurnāla? Paliks tikai to nospiedumi, lai žurnālu joprojām varētu pārbaudīt. Jums jautās vēlreiz.',
    'erase.cancel': 'Atcelt',
    'erase.failed': 'Dzēšana neizdevās. Lūdzu, mēģiniet vēlāk vēlreiz.',
    'history.erased': 'Dzēsts',
    'ask.text':
      'Šī funkcija izmanto tālāk norādītos pakalpojumus, kuriem nepieciešama Jūsu piekrišana. Nekas netiek ielādēts, kamēr Jūs to neatļaujat, un savu piekrišanu varat atsaukt jebkurā laikā.',
    'ask.allow': 'Atļaut',
    'ask.decline': 'Ne tagad',
    'reopen.label': 'Sīkdatņu iestatījumi',
    'announce.saved': 'Jūsu izvēle ir saglabāta.',
  },
  purposes: {
    necessary: {
      title: 'Obligāti nepieciešamās',
      description:
        'Sīkdatnes un līdzīgas tehnoloģijas, bez kurām vietne nevar darboties: drošība, pieteikšanās Jūsu kontā, Jūsu izvēles atcerēšanās. Tām Jūsu piekrišana nav vajadzīga.',
    },
    analytics: {
      title: 'Statistika',
      description:
        'Apmeklējumu statistika, kas palīdz mums saprast, kā vietne tiek izmantota, lai mēs to varētu uzlabot.',
    },
    marketing: {
      title: 'Mārketings',
      description:
        'Lai novērtētu mūsu e-pasta vēstuļu un kampaņu efektivitāti un rādītu Jums saturu un piedāvājumus atbilstoši Jūsu interesēm, arī citās vietnēs.',
    },
    maps: {
      title: 'Interaktīvās kartes',
      description:
        'Ārēja pakalpojuma kartes, piemēram, lai atrastu ārsta praksi. Pakalpojuma sniedzējs saņem Jūsu IP adresi un var saglabāt sīkdatnes.',
    },
    audiovideo: {
      title: 'Audio un video',
      description:
        'Attālinātās konsultācijas un iegultie video atskaņotāji. Pakalpojuma sniedzējs saņem Jūsu IP adresi un var saglabāt sīkdatnes. Pārlūkprogramma vienmēr lūdz Jūsu atļauju, pirms tiek izmantota kamera vai mikrofons.',
    },
  },
};
