import type { Catalog } from '../texts';

// "Du", as Swedish sites (public and health ones included) address everyone; "kakor" is PTS's and
// 1177's word for cookies, "samtycke" IMY's for consent. Quotes ”…”.
export const sv: Catalog = {
  texts: {
    'banner.label': 'Kakor och integritet',
    'banner.title': 'Dina uppgifter, ditt val',
    'banner.text':
      'Med ditt samtycke använder {site} och utvalda partner kakor och liknande tekniker för de ändamål som beskrivs under ”Anpassa”. Kakor som webbplatsen behöver för att fungera kräver inte ditt samtycke. Du kan när som helst ändra dig.',
    'banner.policy': 'Integritetspolicy',
    'banner.acceptAll': 'Godkänn alla',
    'banner.rejectAll': 'Avvisa alla',
    'banner.customize': 'Anpassa',
    'banner.close': 'Fortsätt utan att godkänna',
    'dialog.title': 'Inställningar för kakor',
    'dialog.intro':
      'Slå på eller av varje ändamål och spara sedan dina val. Du kan när som helst ändra dig: att återkalla samtycket är lika enkelt som att ge det.',
    'dialog.save': 'Spara mina val',
    'dialog.acceptAll': 'Godkänn alla',
    'dialog.rejectAll': 'Avvisa alla',
    'dialog.close': 'Stäng',
    'dialog.alwaysOn': 'Alltid på',
    'dialog.services': 'Tjänster som används',
    'dialog.gpc':
      'Din webbläsare skickar signalen Global Privacy Control, så marknadsföring är avstängd. Du kan ändå tillåta den här om du vill.',
    'dialog.history': 'Min samtyckeshistorik',
    'service.provider': 'Leverantör',
    'service.transfer': 'Var uppgifterna behandlas',
    'service.transferEu': 'Europeiska unionen',
    'service.transferOutside': '{country} (utanför EU)',
    'service.cookies': 'Kakor',
    'service.noCookies': 'Inga kakor',
    'service.retention': 'Lagringstid',
    'service.privacy': 'Leverantörens integritetspolicy',
    'service.hosts': 'Domäner som kontaktas',
    'placeholder.text':
      'Innehållet tillhandahålls av {service}. Om du visar det får {provider} dina anslutningsuppgifter och kan sätta kakor (ändamål: ”{purpose}”).',
    'placeholder.loadOnce': 'Visa bara den här gången',
    'placeholder.alwaysAllow': 'Tillåt alltid ”{purpose}”',
    'history.title': 'Din samtyckeshistorik',
    'history.empty': 'Inga val har sparats ännu.',
    'history.date': 'Datum',
    'history.method': 'Åtgärd',
    'history.choices': 'Val',
    'history.status': 'Status',
    'history.acknowledged': 'Bekräftat',
    'history.pending': 'Väntar på att skickas',
    'history.refused': 'Avvisat av servern',
    'history.download': 'Ladda ned mina samtyckesbevis',
    'history.subject': 'Pseudonymt id för den här enheten',
    'history.back': 'Tillbaka',
    'method.accept-all': 'Alla godkända',
    'method.reject-all': 'Alla avvisade',
    'method.save': 'Anpassade val',
    'method.embed': 'Alltid tillåtet via inbäddat innehåll',
    'method.embed-once': 'Inbäddat innehåll visat en gång',
    'method.withdraw': 'Samtycke återkallat',
    'method.gpc': 'Webbläsarens GPC-signal',
    'method.in-context': 'Frågat i stunden',
    'state.granted': 'Godkänt',
    'state.denied': 'Avvisat',
    'withdraw.button': 'Återkalla mitt samtycke',
    'withdraw.confirm': 'Ditt samtycke till ”{purpose}” har återkallats.',
    'erase.button': 'Radera mina uppgifter',
    'erase.confirm':
      'Vill du radera samtyckesbevisen från den här enheten ur loggen? Bara deras fingeravtryck finns kvar, så att loggen fortfarande kan kontrolleras. Du får frågan igen.',
    'erase.cancel': 'Avbryt',
    'erase.failed': 'Raderingen misslyckades. Försök igen senare.',
    'history.erased': 'Raderat',
    'ask.text':
      'Den här funktionen använder tjänsterna nedan, som kräver ditt samtycke. Inget läses in om du inte tillåter det, och du kan när som helst återkalla ditt samtycke.',
    'ask.allow': 'Tillåt',
    'ask.decline': 'Inte nu',
    'reopen.label': 'Inställningar för kakor',
    'announce.saved': 'Dina val har sparats.',
  },
  purposes: {
    necessary: {
      title: 'Nödvändiga',
      description:
        'Kakor och liknande tekniker som webbplatsen behöver för att fungera: säkerhet, inloggning på ditt konto och att komma ihåg dina val. De kräver inte ditt samtycke.',
    },
    analytics: {
      title: 'Statistik',
      description: 'Besöksstatistik som hjälper oss att förstå hur webbplatsen används, så att vi kan förbättra den.',
    },
    marketing: {
      title: 'Marknadsföring',
      description:
        'För att mäta hur våra mejl och kampanjer fungerar och visa dig innehåll och erbjudanden som passar dina intressen, även på andra webbplatser.',
    },
    maps: {
      title: 'Interaktiva kartor',
      description:
        'Kartor från en extern tjänst, till exempel för att hitta en mottagning. Leverantören får din IP-adress och kan sätta kakor.',
    },
    audiovideo: {
      title: 'Ljud och video',
      description:
        'Videobesök och inbäddade videospelare. Leverantören får din IP-adress och kan sätta kakor. Din webbläsare frågar dig alltid innan kameran eller mikrofonen används.',
    },
  },
};
