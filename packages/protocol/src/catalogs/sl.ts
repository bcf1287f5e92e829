import type { Catalog } from '../texts';

// Polite plural "vi", lower case as Slovenian sites address the public; "piškotki" is the
// Information Commissioner's word and "privolitev" the Slovenian GDPR's. Sentences avoid past
// participles agreeing with {provider}, whose gender is unknown. Buttons in the imperative. Quotes »…«.
export const sl: Catalog = {
  texts: {
    'banner.label': 'Piškotki in zasebnost',
    'banner.title': 'Vaši podatki, vaša izbira',
    'banner.text':
      'Z vašo privolitvijo spletno mesto {site} in njegovi partnerji uporabljajo piškotke in podobne tehnologije za namene, opisane pod »Prilagodi«. Za piškotke, ki so nujni za delovanje spletnega mesta, vaša privolitev ni potrebna. Svojo odločitev lahko kadar koli spremenite.',
    'banner.policy': 'Politika zasebnosti',
    'banner.acceptAll': 'Sprejmi vse',
    'banner.rejectAll': 'Zavrni vse',
    'banner.customize': 'Prilagodi',
    'banner.close': 'Nadaljuj brez privolitve',
    'dialog.title': 'Nastavitve piškotkov',
    'dialog.intro':
      'Vklopite ali izklopite posamezne namene in shranite svojo izbiro. Premislite si lahko kadar koli: preklic privolitve je enako preprost kot njeno dajanje.',
    'dialog.save': 'Shrani izbiro',
    'dialog.acceptAll': 'Sprejmi vse',
    'dialog.rejectAll': 'Zavrni vse',
    'dialog.close': 'Zapri',
    'dialog.alwaysOn': 'Vedno vklopljeni',
    'dialog.services': 'Uporabljene storitve',
    'dialog.gpc':
      'Vaš brskalnik pošilja signal Global Privacy Control, zato je trženje izklopljeno. Če želite, ga lahko tukaj vseeno dovolite.',
    'dialog.history': 'Zgodovina mojih privolitev',
    'service.provider': 'Ponudnik',
    'service.transfer': 'Kraj obdelave',
    'service.transferEu': 'Evropska unija',
    'service.transferOutside': '{country} (zunaj EU)',
    'service.cookies': 'Piškotki',
    'service.noCookies': 'Brez piškotkov',
    'service.retention': 'Obdobje hrambe',
    'service.privacy': 'Politika zasebnosti ponudnika',
    'service.hosts': 'Domene, s katerimi se vzpostavi povezava',
    'placeholder.text':
      'To vsebino zagotavlja {service}. Če jo prikažete, {provider} prejme podatke o vaši povezavi in lahko shrani piškotke (namen: »{purpose}«).',
    'placeholder.loadOnce': 'Prikaži samo tokrat',
    'placeholder.alwaysAllow': 'Vedno dovoli: »{purpose}«',
    'history.title': 'Zgodovina vaših izbir',
    'history.empty': 'Shranjena ni še nobena izbira.',
    'history.date': 'Datum',
    'history.method': 'Dejanje',
    'history.choices': 'Izbira',
    'history.status': 'Stanje',
    'history.acknowledged': 'Potrjeno',
    'history.pending': 'Čaka na pošiljanje',
    'history.refused': 'Strežnik je zavrnil',
    'history.download': 'Prenesi dokazila o privolitvi',
    'history.subject': 'Psevdonimni identifikator te naprave',
    'history.back': 'Nazaj',
    'method.accept-all': 'Vse sprejeto',
    'method.reject-all': 'Vse zavrnjeno',
    'method.save': 'Prilagojena izbira',
    'method.embed': 'Trajno dovoljeno iz vdelane vsebine',
    'method.embed-once': 'Vdelana vsebina prikazana enkrat',
    'method.withdraw': 'Privolitev preklicana',
    'method.gpc': 'Signal GPC brskalnika',
    'method.in-context': 'Vprašanje ob uporabi',
    'state.granted': 'Dovoljeno',
    'state.denied': 'Zavrnjeno',
    'withdraw.button': 'Prekliči privolitev',
    'withdraw.confirm': 'Vaša privolitev za namen »{purpose}« je preklicana.',
    'erase.button': 'Izbriši moje podatke',
    'erase.confirm':
      'Želite iz dnevnika izbrisati dokazila o privolitvi, ki so bila dana na tej napravi? Ostanejo le njihovi prstni odtisi, da je dnevnik še vedno mogoče preveriti. Znova vas bomo vprašali.',
    'erase.cancel': 'Prekliči',
    'erase.failed': 'Brisanje ni uspelo. Poskusite znova pozneje.',
    'history.erased': 'Izbrisano',
    'ask.text':
      'Ta funkcija uporablja spodaj navedene storitve, za katere potrebujemo vašo privolitev. Nič se ne naloži, dokler tega ne dovolite, in svojo privolitev lahko kadar koli prekličete.',
    'ask.allow': 'Dovoli',
    'ask.decline': 'Ne zdaj',
    'reopen.label': 'Nastavitve piškotkov',
    'announce.saved': 'Vaša izbira je shranjena.',
  },
  purposes: {
    necessary: {
      title: 'Nujno potrebni',
      description:
        'Piškotki in podobne tehnologije, brez katerih spletno mesto ne deluje: varnost, prijava v vaš račun, pomnjenje vaših izbir. Zanje vaša privolitev ni potrebna.',
    },
    analytics: {
      title: 'Statistika',
      description:
        'Statistika obiskov, ki nam pomaga razumeti, kako se spletno mesto uporablja, da ga lahko izboljšamo.',
    },
    marketing: {
      title: 'Trženje',
      description:
        'Za merjenje uspešnosti naših e-poštnih sporočil in kampanj ter za prikaz vsebin in ponudb, prilagojenih vašim interesom, tudi na drugih spletnih mestih.',
    },
    maps: {
      title: 'Interaktivni zemljevidi',
      description:
        'Zemljevidi zunanje storitve, na primer za iskanje ambulante. Ponudnik prejme vaš naslov IP in lahko shrani piškotke.',
    },
    audiovideo: {
      title: 'Zvok in video',
      description:
        'Videoposveti in vdelani predvajalniki videov. Ponudnik prejme vaš naslov IP in lahko shrani piškotke. Brskalnik vas vedno vpraša za dovoljenje, preden uporabi kamero ali mikrofon.',
    },
  },
};
