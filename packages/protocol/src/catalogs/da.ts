import type { Catalog } from '../texts';

// "Du", as Danish sites (public ones included) address everyone; "cookies" and "samtykke" are
// Datatilsynet's words. A capital after a colon that opens a whole sentence. Quotes »…«.
export const da: Catalog = {
  texts: {
    'banner.label': 'Cookies og privatliv',
    'banner.title': 'Dine data, dit valg',
    'banner.text':
      'Med dit samtykke bruger {site} og udvalgte partnere cookies og lignende teknologier til de formål, der er beskrevet under »Tilpas«. Cookies, som er nødvendige for, at hjemmesiden fungerer, kræver ikke dit samtykke. Du kan til enhver tid ændre dit valg eller trække dit samtykke tilbage.',
    'banner.policy': 'Privatlivspolitik',
    'banner.acceptAll': 'Accepter alle',
    'banner.rejectAll': 'Afvis alle',
    'banner.customize': 'Tilpas',
    'banner.close': 'Fortsæt uden at acceptere',
    'dialog.title': 'Indstillinger for cookies',
    'dialog.intro':
      'Slå hvert formål til eller fra, og gem dine valg. Du kan til enhver tid ombestemme dig: Det er lige så nemt at trække dit samtykke tilbage som at give det.',
    'dialog.save': 'Gem mine valg',
    'dialog.acceptAll': 'Accepter alle',
    'dialog.rejectAll': 'Afvis alle',
    'dialog.close': 'Luk',
    'dialog.alwaysOn': 'Altid aktiv',
    'dialog.services': 'Anvendte tjenester',
    'dialog.gpc':
      'Din browser sender signalet Global Privacy Control, så marketing er slået fra. Du kan stadig tillade det her, hvis du ønsker det.',
    'dialog.history': 'Min samtykkehistorik',
    'service.provider': 'Udbyder',
    'service.transfer': 'Hvor data behandles',
    'service.transferEu': 'Den Europæiske Union',
    'service.transferOutside': '{country} (uden for EU)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'Ingen cookies',
    'service.retention': 'Opbevaringsperiode',
    'service.privacy': 'Udbyderens privatlivspolitik',
    'service.hosts': 'Domæner, der kontaktes',
    'placeholder.text':
      'Dette indhold leveres af {service}. Hvis du viser det, modtager {provider} dine forbindelsesdata og kan sætte cookies (formål: »{purpose}«).',
    'placeholder.loadOnce': 'Vis kun denne gang',
    'placeholder.alwaysAllow': 'Tillad altid »{purpose}«',
    'history.title': 'Din samtykkehistorik',
    'history.empty': 'Der er ikke registreret nogen valg endnu.',
    'history.date': 'Dato',
    'history.method': 'Handling',
    'history.choices': 'Valg',
    'history.status': 'Status',
    'history.acknowledged': 'Bekræftet',
    'history.pending': 'Venter på at blive sendt',
    'history.refused': 'Afvist af serveren',
    'history.download': 'Download mit samtykkebevis',
    'history.subject': 'Pseudonymt id for denne enhed',
    'history.back': 'Tilbage',
    'method.accept-all': 'Alle accepteret',
    'method.reject-all': 'Alle afvist',
    'method.save': 'Tilpassede valg',
    'method.embed': 'Altid tilladt fra indlejret indhold',
    'method.embed-once': 'Indlejret indhold vist én gang',
    'method.withdraw': 'Samtykke trukket tilbage',
    'method.gpc': 'Browserens GPC-signal',
    'method.in-context': 'Spurgt i det øjeblik, det skulle bruges',
    'state.granted': 'Accepteret',
    'state.denied': 'Afvist',
    'withdraw.button': 'Træk mit samtykke tilbage',
    'withdraw.confirm': 'Dit samtykke til »{purpose}« er trukket tilbage.',
    'erase.button': 'Slet mine data',
    'erase.confirm':
      'Vil du slette beviserne for dit samtykke fra denne enhed i loggen? Kun deres fingeraftryk bliver tilbage, så loggen stadig kan efterprøves. Du bliver spurgt igen.',
    'erase.cancel': 'Annuller',
    'erase.failed': 'Sletningen mislykkedes. Prøv igen senere.',
    'history.erased': 'Slettet',
    'ask.text':
      'Denne funktion bruger tjenesterne nedenfor, som kræver dit samtykke. Intet indlæses, medmindre du tillader det, og du kan til enhver tid trække dit samtykke tilbage.',
    'ask.allow': 'Tillad',
    'ask.decline': 'Ikke nu',
    'reopen.label': 'Cookieindstillinger',
    'announce.saved': 'Dine valg er gemt.',
  },
  purposes: {
    necessary: {
      title: 'Strengt nødvendige',
      description:
        'Cookies og lignende teknologier, som hjemmesiden ikke kan fungere uden: sikkerhed, login på din konto og at huske dine valg. De kræver ikke dit samtykke.',
    },
    analytics: {
      title: 'Statistik',
      description: 'Besøgsstatistik, der hjælper os med at forstå, hvordan hjemmesiden bruges, så vi kan forbedre den.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Til at måle, hvordan vores e-mails og kampagner klarer sig, og til at vise dig indhold og tilbud, der passer til dine interesser – også på andre hjemmesider.',
    },
    maps: {
      title: 'Interaktive kort',
      description:
        'Kort fra en ekstern tjeneste, fx til at finde en klinik. Udbyderen modtager din IP-adresse og kan sætte cookies.',
    },
    audiovideo: {
      title: 'Lyd og video',
      description:
        'Videokonsultationer og indlejrede videoafspillere. Udbyderen modtager din IP-adresse og kan sætte cookies. Din browser spørger dig altid, før kameraet eller mikrofonen bruges.',
    },
  },
};
