import type { Catalog } from '../texts';

// "Sinä", sparingly: Finnish services address the user in the singular or in the passive, never
// with a stiff "te". "Evästeet" and "suostumus" are Traficom's and the Ombudsman's words;
// "tietosuojaseloste" is what Finnish sites call their privacy policy. Quotes ”…”; a no-break space
// before the hyphen that joins a multi-word name to its noun ("Global Privacy Control -signaali").
export const fi: Catalog = {
  texts: {
    'banner.label': 'Evästeet ja yksityisyys',
    'banner.title': 'Sinun tietosi, sinun valintasi',
    'banner.text':
      'Suostumuksellasi {site} ja sen kumppanit käyttävät evästeitä ja vastaavia tekniikoita tarkoituksiin, jotka on kuvattu kohdassa ”Mukauta”. Sivuston toiminnalle välttämättömät evästeet eivät edellytä suostumustasi. Voit muuttaa valintaasi milloin tahansa.',
    'banner.policy': 'Tietosuojaseloste',
    'banner.acceptAll': 'Hyväksy kaikki',
    'banner.rejectAll': 'Hylkää kaikki',
    'banner.customize': 'Mukauta',
    'banner.close': 'Jatka hyväksymättä',
    'dialog.title': 'Evästeasetukset',
    'dialog.intro':
      'Ota kukin käyttötarkoitus käyttöön tai pois käytöstä ja tallenna valintasi. Voit muuttaa mieltäsi milloin tahansa: suostumuksen peruuttaminen on yhtä helppoa kuin sen antaminen.',
    'dialog.save': 'Tallenna valinnat',
    'dialog.acceptAll': 'Hyväksy kaikki',
    'dialog.rejectAll': 'Hylkää kaikki',
    'dialog.close': 'Sulje',
    'dialog.alwaysOn': 'Aina käytössä',
    'dialog.services': 'Käytetyt palvelut',
    'dialog.gpc':
      'Selaimesi lähettää Global Privacy Control -signaalin, joten markkinointi on poistettu käytöstä. Voit silti sallia sen täällä, jos haluat.',
    'dialog.history': 'Suostumushistoriani',
    'service.provider': 'Palveluntarjoaja',
    'service.transfer': 'Käsittelypaikka',
    'service.transferEu': 'Euroopan unioni',
    'service.transferOutside': '{country} (EU:n ulkopuolella)',
    'service.cookies': 'Evästeet',
    'service.noCookies': 'Ei evästeitä',
    'service.retention': 'Säilytysaika',
    'service.privacy': 'Palveluntarjoajan tietosuojaseloste',
    'service.hosts': 'Käytetyt verkkotunnukset',
    'placeholder.text':
      'Tämän sisällön tarjoaa {service}. Jos näytät sen, {provider} saa tietoja yhteydestäsi ja voi tallentaa evästeitä (käyttötarkoitus: ”{purpose}”).',
    'placeholder.loadOnce': 'Näytä vain tämän kerran',
    'placeholder.alwaysAllow': 'Salli aina: ”{purpose}”',
    'history.title': 'Valintojesi historia',
    'history.empty': 'Valintoja ei ole vielä tallennettu.',
    'history.date': 'Päivämäärä',
    'history.method': 'Toiminto',
    'history.choices': 'Valinnat',
    'history.status': 'Tila',
    'history.acknowledged': 'Vahvistettu',
    'history.pending': 'Odottaa lähetystä',
    'history.refused': 'Palvelin hylkäsi',
    'history.download': 'Lataa todisteet suostumuksistani',
    'history.subject': 'Tämän laitteen pseudonyymi tunniste',
    'history.back': 'Takaisin',
    'method.accept-all': 'Kaikki hyväksytty',
    'method.reject-all': 'Kaikki hylätty',
    'method.save': 'Mukautetut valinnat',
    'method.embed': 'Sallittu pysyvästi upotetusta sisällöstä',
    'method.embed-once': 'Upotettu sisältö näytetty kerran',
    'method.withdraw': 'Suostumus peruutettu',
    'method.gpc': 'Selaimen GPC-signaali',
    'method.in-context': 'Kysytty käytön hetkellä',
    'state.granted': 'Sallittu',
    'state.denied': 'Hylätty',
    'withdraw.button': 'Peruuta suostumukseni',
    'withdraw.confirm': 'Suostumuksesi käyttötarkoitukseen ”{purpose}” on peruutettu.',
    'erase.button': 'Poista tietoni',
    'erase.confirm':
      'Poistetaanko tämän laitteen suostumustodisteet lokista? Niistä jää vain sormenjäljet, jotta lokin voi yhä tarkistaa. Sinulta kysytään uudelleen.',
    'erase.cancel': 'Peruuta',
    'erase.failed': 'Poistaminen epäonnistui. Yritä myöhemmin uudelleen.',
    'history.erased': 'Poistettu',
    'ask.text':
      'Tämä toiminto käyttää alla lueteltuja palveluita, jotka tarvitsevat suostumuksesi. Mitään ei ladata ennen kuin sallit sen, ja voit perua suostumuksesi milloin tahansa.',
    'ask.allow': 'Salli',
    'ask.decline': 'Ei nyt',
    'reopen.label': 'Evästeasetukset',
    'announce.saved': 'Valintasi on tallennettu.',
  },
  purposes: {
    necessary: {
      title: 'Välttämättömät',
      description:
        'Evästeet ja vastaavat tekniikat, joita ilman sivusto ei toimi: tietoturva, kirjautuminen tilillesi ja valintojesi muistaminen. Ne eivät edellytä suostumustasi.',
    },
    analytics: {
      title: 'Kävijätilastot',
      description: 'Tilastoja käynneistä, jotta ymmärrämme, miten sivustoa käytetään, ja voimme parantaa sitä.',
    },
    marketing: {
      title: 'Markkinointi',
      description:
        'Sähköpostiemme ja kampanjoidemme tehon mittaamiseen sekä kiinnostuksen kohteitasi vastaavan sisällön ja tarjousten näyttämiseen, myös muilla sivustoilla.',
    },
    maps: {
      title: 'Interaktiiviset kartat',
      description:
        'Ulkopuolisen palvelun karttoja esimerkiksi vastaanoton löytämiseksi. Palveluntarjoaja saa IP-osoitteesi ja voi tallentaa evästeitä.',
    },
    audiovideo: {
      title: 'Ääni ja video',
      description:
        'Etävastaanotot ja upotetut videosoittimet. Palveluntarjoaja saa IP-osoitteesi ja voi tallentaa evästeitä. Selaimesi kysyy aina lupaasi ennen kameran tai mikrofonin käyttöä.',
    },
  },
};
