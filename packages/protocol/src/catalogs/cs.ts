import type { Catalog } from '../texts';

// Formal "vy", lower case as in the data-protection office's (ÚOOÚ) own texts; "cookies" and
// "souhlas" are its words. Buttons are infinitives, as Czech interfaces write them. Quotes „…“.
export const cs: Catalog = {
  texts: {
    'banner.label': 'Cookies a soukromí',
    'banner.title': 'Vaše údaje, vaše volba',
    'banner.text':
      'S vaším souhlasem používají web {site} a jeho partneři soubory cookies a podobné technologie k účelům popsaným v části „Přizpůsobit“. Cookies nezbytné pro fungování webu váš souhlas nevyžadují. Svou volbu můžete kdykoli změnit nebo souhlas odvolat.',
    'banner.policy': 'Zásady ochrany osobních údajů',
    'banner.acceptAll': 'Přijmout vše',
    'banner.rejectAll': 'Odmítnout vše',
    'banner.customize': 'Přizpůsobit',
    'banner.close': 'Pokračovat bez souhlasu',
    'dialog.title': 'Nastavení cookies',
    'dialog.intro':
      'Zapněte nebo vypněte jednotlivé účely a uložte svou volbu. Názor můžete kdykoli změnit: odvolat souhlas je stejně snadné jako ho udělit.',
    'dialog.save': 'Uložit volbu',
    'dialog.acceptAll': 'Přijmout vše',
    'dialog.rejectAll': 'Odmítnout vše',
    'dialog.close': 'Zavřít',
    'dialog.alwaysOn': 'Vždy aktivní',
    'dialog.services': 'Použité služby',
    'dialog.gpc':
      'Váš prohlížeč odesílá signál Global Privacy Control, proto je marketing vypnutý. Pokud chcete, můžete ho zde přesto povolit.',
    'dialog.history': 'Historie mých souhlasů',
    'service.provider': 'Poskytovatel',
    'service.transfer': 'Místo zpracování',
    'service.transferEu': 'Evropská unie',
    'service.transferOutside': '{country} (mimo EU)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'Žádné cookies',
    'service.retention': 'Doba uložení',
    'service.privacy': 'Zásady ochrany osobních údajů poskytovatele',
    'service.hosts': 'Kontaktované domény',
    'placeholder.text':
      'Tento obsah poskytuje {service}. Pokud ho zobrazíte, {provider} obdrží údaje o vašem připojení a může ukládat cookies (účel „{purpose}“).',
    'placeholder.loadOnce': 'Zobrazit jen tentokrát',
    'placeholder.alwaysAllow': 'Vždy povolit „{purpose}“',
    'history.title': 'Historie vašich souhlasů',
    'history.empty': 'Zatím není uložena žádná volba.',
    'history.date': 'Datum',
    'history.method': 'Akce',
    'history.choices': 'Volba',
    'history.status': 'Stav',
    'history.acknowledged': 'Potvrzeno',
    'history.pending': 'Čeká na odeslání',
    'history.refused': 'Odmítnuto serverem',
    'history.download': 'Stáhnout doklady o souhlasu',
    'history.subject': 'Pseudonymní identifikátor tohoto zařízení',
    'history.back': 'Zpět',
    'method.accept-all': 'Přijato vše',
    'method.reject-all': 'Odmítnuto vše',
    'method.save': 'Vlastní volba',
    'method.embed': 'Trvale povoleno z vloženého obsahu',
    'method.embed-once': 'Vložený obsah zobrazen jednorázově',
    'method.withdraw': 'Souhlas odvolán',
    'method.gpc': 'Signál GPC z prohlížeče',
    'method.in-context': 'Dotaz v okamžiku použití',
    'state.granted': 'Povoleno',
    'state.denied': 'Odmítnuto',
    'withdraw.button': 'Odvolat souhlas',
    'withdraw.confirm': 'Váš souhlas pro účel „{purpose}“ byl odvolán.',
    'erase.button': 'Vymazat mé údaje',
    'erase.confirm':
      'Vymazat z protokolu doklady o souhlasu z tohoto zařízení? Zůstanou jen jejich otisky, aby protokol zůstal ověřitelný. Budete znovu požádáni o volbu.',
    'erase.cancel': 'Zrušit',
    'erase.failed': 'Vymazání se nezdařilo. Zkuste to prosím později.',
    'history.erased': 'Vymazáno',
    'ask.text':
      'Tato funkce používá níže uvedené služby, které vyžadují váš souhlas. Nic se nenačte, dokud to nepovolíte, a svůj souhlas můžete kdykoli odvolat.',
    'ask.allow': 'Povolit',
    'ask.decline': 'Teď ne',
    'reopen.label': 'Nastavení cookies',
    'announce.saved': 'Vaše volba byla uložena.',
  },
  purposes: {
    necessary: {
      title: 'Nezbytně nutné',
      description:
        'Cookies a podobné technologie, bez kterých web nefunguje: zabezpečení, přihlášení k vašemu účtu, zapamatování vaší volby. Nevyžadují váš souhlas.',
    },
    analytics: {
      title: 'Měření návštěvnosti',
      description:
        'Statistiky návštěvnosti, které nám pomáhají pochopit, jak se web používá, abychom ho mohli zlepšovat.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'K měření účinnosti našich e-mailů a kampaní a k zobrazování obsahu a nabídek podle vašich zájmů, a to i na jiných webech.',
    },
    maps: {
      title: 'Interaktivní mapy',
      description:
        'Mapy externí služby, například k nalezení ordinace. Poskytovatel obdrží vaši IP adresu a může ukládat cookies.',
    },
    audiovideo: {
      title: 'Zvuk a video',
      description:
        'Online konzultace a vložené přehrávače videa. Poskytovatel obdrží vaši IP adresu a může ukládat cookies. Před použitím kamery nebo mikrofonu se vás prohlížeč vždy zeptá.',
    },
  },
};
