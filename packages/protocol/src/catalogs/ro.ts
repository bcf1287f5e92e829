import type { Catalog } from '../texts';

// Formal "dumneavoastră", spelled out, and the formal imperative on buttons ("Acceptați"), as
// Romanian health and business sites write; "cookie-uri" and "consimțământ" are ANSPDCP's words.
// Ș and ț with the comma below (U+0219, U+021B), never the Turkish cedilla. Quotes „…”.
export const ro: Catalog = {
  texts: {
    'banner.label': 'Cookie-uri și confidențialitate',
    'banner.title': 'Datele și alegerile dumneavoastră',
    'banner.text':
      'Cu consimțământul dumneavoastră, {site} și partenerii săi folosesc cookie-uri și tehnologii similare în scopurile descrise la „Personalizați”. Cookie-urile necesare funcționării site-ului nu necesită consimțământul dumneavoastră. Vă puteți răzgândi oricând.',
    'banner.policy': 'Politica de confidențialitate',
    'banner.acceptAll': 'Acceptați tot',
    'banner.rejectAll': 'Respingeți tot',
    'banner.customize': 'Personalizați',
    'banner.close': 'Continuați fără a accepta',
    'dialog.title': 'Preferințe privind cookie-urile',
    'dialog.intro':
      'Activați sau dezactivați fiecare scop, apoi salvați-vă alegerile. Vă puteți răzgândi oricând: retragerea consimțământului este la fel de simplă ca acordarea lui.',
    'dialog.save': 'Salvați alegerile',
    'dialog.acceptAll': 'Acceptați tot',
    'dialog.rejectAll': 'Respingeți tot',
    'dialog.close': 'Închideți',
    'dialog.alwaysOn': 'Mereu active',
    'dialog.services': 'Servicii utilizate',
    'dialog.gpc':
      'Browserul dumneavoastră trimite semnalul Global Privacy Control, de aceea marketingul este dezactivat. Dacă doriți, îl puteți permite totuși aici.',
    'dialog.history': 'Istoricul consimțămintelor mele',
    'service.provider': 'Furnizor',
    'service.transfer': 'Locul prelucrării',
    'service.transferEu': 'Uniunea Europeană',
    'service.transferOutside': '{country} (în afara UE)',
    'service.cookies': 'Cookie-uri',
    'service.noCookies': 'Fără cookie-uri',
    'service.retention': 'Perioada de stocare',
    'service.privacy': 'Politica de confidențialitate a furnizorului',
    'service.hosts': 'Domenii contactate',
    'placeholder.text':
      'Acest conținut este furnizat de {service}. Dacă îl afișați, {provider} va primi datele conexiunii dumneavoastră și poate plasa cookie-uri (scop: „{purpose}”).',
    'placeholder.loadOnce': 'Afișați doar de data aceasta',
    'placeholder.alwaysAllow': 'Permiteți mereu „{purpose}”',
    'history.title': 'Istoricul alegerilor dumneavoastră',
    'history.empty': 'Nicio alegere înregistrată deocamdată.',
    'history.date': 'Data',
    'history.method': 'Acțiune',
    'history.choices': 'Alegeri',
    'history.status': 'Stare',
    'history.acknowledged': 'Confirmat',
    'history.pending': 'În așteptarea trimiterii',
    'history.refused': 'Refuzat de server',
    'history.download': 'Descărcați dovezile consimțământului meu',
    'history.subject': 'Identificatorul pseudonim al acestui dispozitiv',
    'history.back': 'Înapoi',
    'method.accept-all': 'Tot acceptat',
    'method.reject-all': 'Tot respins',
    'method.save': 'Alegeri personalizate',
    'method.embed': 'Permis permanent dintr-un conținut încorporat',
    'method.embed-once': 'Conținut încorporat afișat o singură dată',
    'method.withdraw': 'Consimțământ retras',
    'method.gpc': 'Semnalul GPC al browserului',
    'method.in-context': 'Solicitat în momentul utilizării',
    'state.granted': 'Acceptat',
    'state.denied': 'Refuzat',
    'withdraw.button': 'Retrageți consimțământul',
    'withdraw.confirm': 'Consimțământul dumneavoastră pentru „{purpose}” a fost retras.',
    'erase.button': 'Ștergeți datele mele',
    'erase.confirm':
      'Ștergeți din registru dovezile de consimțământ ale acestui dispozitiv? Rămân doar amprentele lor, ca registrul să poată fi verificat în continuare. Veți fi întrebat din nou.',
    'erase.cancel': 'Anulați',
    'erase.failed': 'Ștergerea nu a reușit. Încercați din nou mai târziu.',
    'history.erased': 'Șters',
    'ask.text':
      'Această funcție folosește serviciile de mai jos, care au nevoie de consimțământul dumneavoastră. Nu se încarcă nimic fără permisiunea dumneavoastră și vă puteți retrage consimțământul oricând.',
    'ask.allow': 'Permiteți',
    'ask.decline': 'Nu acum',
    'reopen.label': 'Setări cookie-uri',
    'announce.saved': 'Alegerile dumneavoastră au fost salvate.',
  },
  purposes: {
    necessary: {
      title: 'Strict necesare',
      description:
        'Cookie-uri și tehnologii similare fără de care site-ul nu poate funcționa: securitate, conectarea la contul dumneavoastră, memorarea alegerilor făcute. Nu necesită consimțământul dumneavoastră.',
    },
    analytics: {
      title: 'Statistici',
      description: 'Statistici de trafic care ne ajută să înțelegem cum este folosit site-ul, pentru a-l îmbunătăți.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Pentru a măsura eficiența e-mailurilor și a campaniilor noastre și pentru a vă arăta conținut și oferte potrivite intereselor dumneavoastră, inclusiv pe alte site-uri.',
    },
    maps: {
      title: 'Hărți interactive',
      description:
        'Hărți oferite de un serviciu extern, de exemplu pentru a găsi un cabinet. Furnizorul primește adresa dumneavoastră IP și poate plasa cookie-uri.',
    },
    audiovideo: {
      title: 'Audio și video',
      description:
        'Teleconsultații și playere video încorporate. Furnizorul primește adresa dumneavoastră IP și poate plasa cookie-uri. Browserul vă cere întotdeauna permisiunea înainte de a folosi camera sau microfonul.',
    },
  },
};
