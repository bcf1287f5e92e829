import type { Catalog } from '../texts';

// Formal "Vy", capitalised in every form (Váš, Vám), as Slovak sites write to their users;
// "súbory cookie" and "súhlas" are the Office for Personal Data Protection's words, "spracúvanie"
// the Slovak GDPR's. Buttons are infinitives, as Slovak interfaces write them. Quotes „…“.
export const sk: Catalog = {
  texts: {
    'banner.label': 'Súbory cookie a súkromie',
    'banner.title': 'Vaše údaje, Vaša voľba',
    'banner.text':
      'S Vaším súhlasom používajú stránka {site} a jej partneri súbory cookie a podobné technológie na účely opísané v časti „Prispôsobiť“. Súbory cookie nevyhnutné na fungovanie stránky Váš súhlas nevyžadujú. Svoje rozhodnutie môžete kedykoľvek zmeniť.',
    'banner.policy': 'Ochrana osobných údajov',
    'banner.acceptAll': 'Prijať všetko',
    'banner.rejectAll': 'Odmietnuť všetko',
    'banner.customize': 'Prispôsobiť',
    'banner.close': 'Pokračovať bez súhlasu',
    'dialog.title': 'Nastavenia súborov cookie',
    'dialog.intro':
      'Zapnite alebo vypnite jednotlivé účely a potom uložte svoju voľbu. Svoj názor môžete kedykoľvek zmeniť: odvolať súhlas je rovnako jednoduché ako ho udeliť.',
    'dialog.save': 'Uložiť voľbu',
    'dialog.acceptAll': 'Prijať všetko',
    'dialog.rejectAll': 'Odmietnuť všetko',
    'dialog.close': 'Zavrieť',
    'dialog.alwaysOn': 'Vždy aktívne',
    'dialog.services': 'Používané služby',
    'dialog.gpc':
      'Váš prehliadač odosiela signál Global Privacy Control, preto je marketing vypnutý. Ak chcete, môžete ho tu napriek tomu povoliť.',
    'dialog.history': 'História mojich súhlasov',
    'service.provider': 'Poskytovateľ',
    'service.transfer': 'Miesto spracúvania',
    'service.transferEu': 'Európska únia',
    'service.transferOutside': '{country} (mimo EÚ)',
    'service.cookies': 'Súbory cookie',
    'service.noCookies': 'Žiadne súbory cookie',
    'service.retention': 'Doba uchovávania',
    'service.privacy': 'Zásady ochrany osobných údajov poskytovateľa',
    'service.hosts': 'Kontaktované domény',
    'placeholder.text':
      'Tento obsah poskytuje {service}. Ak ho zobrazíte, {provider} dostane údaje o Vašom pripojení a môže ukladať súbory cookie (účel: „{purpose}“).',
    'placeholder.loadOnce': 'Zobraziť len tentoraz',
    'placeholder.alwaysAllow': 'Vždy povoliť: „{purpose}“',
    'history.title': 'História Vašich rozhodnutí',
    'history.empty': 'Zatiaľ nie je uložené žiadne rozhodnutie.',
    'history.date': 'Dátum',
    'history.method': 'Akcia',
    'history.choices': 'Voľba',
    'history.status': 'Stav',
    'history.acknowledged': 'Potvrdené',
    'history.pending': 'Čaká na odoslanie',
    'history.refused': 'Odmietnuté serverom',
    'history.download': 'Stiahnuť doklady o mojom súhlase',
    'history.subject': 'Pseudonymný identifikátor tohto zariadenia',
    'history.back': 'Späť',
    'method.accept-all': 'Prijaté všetko',
    'method.reject-all': 'Odmietnuté všetko',
    'method.save': 'Vlastná voľba',
    'method.embed': 'Natrvalo povolené z vloženého obsahu',
    'method.embed-once': 'Vložený obsah zobrazený jednorazovo',
    'method.withdraw': 'Súhlas odvolaný',
    'method.gpc': 'Signál GPC z prehliadača',
    'method.in-context': 'Otázka v okamihu použitia',
    'state.granted': 'Povolené',
    'state.denied': 'Odmietnuté',
    'withdraw.button': 'Odvolať môj súhlas',
    'withdraw.confirm': 'Váš súhlas na účel „{purpose}“ bol odvolaný.',
    'erase.button': 'Vymazať moje údaje',
    'erase.confirm':
      'Vymazať z protokolu doklady o súhlase z tohto zariadenia? Zostanú iba ich odtlačky, aby sa protokol dal stále overiť. Opýtame sa Vás znova.',
    'erase.cancel': 'Zrušiť',
    'erase.failed': 'Vymazanie sa nepodarilo. Skúste to neskôr znova.',
    'history.erased': 'Vymazané',
    'ask.text':
      'Táto funkcia využíva nižšie uvedené služby, ktoré vyžadujú Váš súhlas. Nič sa nenačíta, kým to nepovolíte, a svoj súhlas môžete kedykoľvek odvolať.',
    'ask.allow': 'Povoliť',
    'ask.decline': 'Teraz nie',
    'reopen.label': 'Nastavenia súborov cookie',
    'announce.saved': 'Vaša voľba bola uložená.',
  },
  purposes: {
    necessary: {
      title: 'Nevyhnutné',
      description:
        'Súbory cookie a podobné technológie, bez ktorých stránka nemôže fungovať: zabezpečenie, prihlásenie do Vášho konta, zapamätanie Vašich volieb. Nevyžadujú Váš súhlas.',
    },
    analytics: {
      title: 'Štatistika',
      description:
        'Štatistiky návštevnosti, ktoré nám pomáhajú pochopiť, ako sa stránka používa, aby sme ju mohli zlepšovať.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Na meranie účinnosti našich e-mailov a kampaní a na zobrazovanie obsahu a ponúk podľa Vašich záujmov, a to aj na iných stránkach.',
    },
    maps: {
      title: 'Interaktívne mapy',
      description:
        'Mapy z externej služby, napríklad na vyhľadanie ambulancie. Poskytovateľ dostane Vašu IP adresu a môže ukladať súbory cookie.',
    },
    audiovideo: {
      title: 'Zvuk a video',
      description:
        'Telekonzultácie a vložené prehrávače videa. Poskytovateľ dostane Vašu IP adresu a môže ukladať súbory cookie. Prehliadač sa Vás vždy opýta na povolenie pred použitím kamery alebo mikrofónu.',
    },
  },
};
