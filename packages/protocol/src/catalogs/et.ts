import type { Catalog } from '../texts';

// Polite plural "teie", lower case as Estonian sites address the public; "küpsised" and
// "nõusolek" are the Data Protection Inspectorate's words. Buttons in the imperative. Quotes „…“.
export const et: Catalog = {
  texts: {
    'banner.label': 'Küpsised ja privaatsus',
    'banner.title': 'Teie andmed, teie valik',
    'banner.text':
      'Teie nõusolekul kasutavad {site} ja selle partnerid küpsiseid ja sarnaseid tehnoloogiaid eesmärkidel, mida on kirjeldatud jaotises „Kohanda“. Küpsised, mida veebileht vajab toimimiseks, teie nõusolekut ei nõua. Saate oma otsust igal ajal muuta.',
    'banner.policy': 'Privaatsuspoliitika',
    'banner.acceptAll': 'Nõustu kõigiga',
    'banner.rejectAll': 'Keeldu kõigist',
    'banner.customize': 'Kohanda',
    'banner.close': 'Jätka nõustumata',
    'dialog.title': 'Küpsiste seaded',
    'dialog.intro':
      'Lülitage iga eesmärk sisse või välja ja salvestage oma valik. Võite igal ajal ümber mõelda: nõusoleku tagasivõtmine on sama lihtne kui selle andmine.',
    'dialog.save': 'Salvesta valik',
    'dialog.acceptAll': 'Nõustu kõigiga',
    'dialog.rejectAll': 'Keeldu kõigist',
    'dialog.close': 'Sulge',
    'dialog.alwaysOn': 'Alati aktiivsed',
    'dialog.services': 'Kasutatavad teenused',
    'dialog.gpc':
      'Teie brauser saadab signaali Global Privacy Control, seetõttu on turundus välja lülitatud. Soovi korral saate selle siin siiski lubada.',
    'dialog.history': 'Minu nõusolekute ajalugu',
    'service.provider': 'Teenusepakkuja',
    'service.transfer': 'Töötlemise koht',
    'service.transferEu': 'Euroopa Liit',
    'service.transferOutside': '{country} (väljaspool ELi)',
    'service.cookies': 'Küpsised',
    'service.noCookies': 'Küpsiseid ei kasutata',
    'service.retention': 'Säilitamise aeg',
    'service.privacy': 'Teenusepakkuja privaatsuspoliitika',
    'service.hosts': 'Ühendatavad domeenid',
    'placeholder.text':
      'Selle sisu pakub {service}. Kui selle kuvate, saab {provider} teie ühenduse andmed ja võib salvestada küpsiseid (eesmärk: „{purpose}“).',
    'placeholder.loadOnce': 'Kuva ainult seekord',
    'placeholder.alwaysAllow': 'Luba alati: „{purpose}“',
    'history.title': 'Teie valikute ajalugu',
    'history.empty': 'Ühtegi valikut pole veel salvestatud.',
    'history.date': 'Kuupäev',
    'history.method': 'Toiming',
    'history.choices': 'Valikud',
    'history.status': 'Olek',
    'history.acknowledged': 'Kinnitatud',
    'history.pending': 'Ootab saatmist',
    'history.refused': 'Server lükkas tagasi',
    'history.download': 'Laadi alla nõusoleku tõendid',
    'history.subject': 'Selle seadme pseudonüümne tunnus',
    'history.back': 'Tagasi',
    'method.accept-all': 'Kõigiga nõustutud',
    'method.reject-all': 'Kõigist keeldutud',
    'method.save': 'Kohandatud valik',
    'method.embed': 'Manustatud sisust alatiseks lubatud',
    'method.embed-once': 'Manustatud sisu kuvati üks kord',
    'method.withdraw': 'Nõusolek võeti tagasi',
    'method.gpc': 'Brauseri GPC-signaal',
    'method.in-context': 'Küsitud kasutamise hetkel',
    'state.granted': 'Lubatud',
    'state.denied': 'Keelatud',
    'withdraw.button': 'Võta nõusolek tagasi',
    'withdraw.confirm': 'Teie nõusolek eesmärgile „{purpose}“ on tagasi võetud.',
    'erase.button': 'Kustuta minu andmed',
    'erase.confirm':
      'Kas kustutada selle seadme nõusoleku tõendid logist? Alles jäävad vaid nende sõrmejäljed, et logi oleks endiselt kontrollitav. Teilt küsitakse uuesti.',
    'erase.cancel': 'Loobu',
    'erase.failed': 'Kustutamine ebaõnnestus. Palun proovige hiljem uuesti.',
    'history.erased': 'Kustutatud',
    'ask.text':
      'See funktsioon kasutab allpool loetletud teenuseid, mis vajavad teie nõusolekut. Midagi ei laadita enne, kui te selle lubate, ja saate oma nõusoleku igal ajal tagasi võtta.',
    'ask.allow': 'Luba',
    'ask.decline': 'Mitte praegu',
    'reopen.label': 'Küpsiste seaded',
    'announce.saved': 'Teie valik on salvestatud.',
  },
  purposes: {
    necessary: {
      title: 'Hädavajalikud',
      description:
        'Küpsised ja sarnased tehnoloogiad, ilma milleta veebileht ei tööta: turvalisus, kontole sisselogimine, teie valikute meelespidamine. Need ei nõua teie nõusolekut.',
    },
    analytics: {
      title: 'Statistika',
      description: 'Külastusstatistika, mis aitab meil mõista, kuidas veebilehte kasutatakse, et seda paremaks muuta.',
    },
    marketing: {
      title: 'Turundus',
      description:
        'Et mõõta, kui hästi meie e-kirjad ja kampaaniad toimivad, ning näidata teile teie huvidele vastavat sisu ja pakkumisi, ka teistel veebilehtedel.',
    },
    maps: {
      title: 'Interaktiivsed kaardid',
      description:
        'Välise teenuse kaardid, näiteks vastuvõtukoha leidmiseks. Teenusepakkuja saab teie IP-aadressi ja võib salvestada küpsiseid.',
    },
    audiovideo: {
      title: 'Heli ja video',
      description:
        'Videokonsultatsioonid ja manustatud videopleierid. Teenusepakkuja saab teie IP-aadressi ja võib salvestada küpsiseid. Brauser küsib alati teie luba, enne kui kaamerat või mikrofoni kasutatakse.',
    },
  },
};
