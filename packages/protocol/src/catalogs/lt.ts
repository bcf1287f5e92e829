import type { Catalog } from '../texts';

// Formal "Jūs", capitalised in every form (Jūsų, Jums), as Lithuanian sites write to their users;
// "slapukai" and "sutikimas" are the words of the State Data Protection Inspectorate. Buttons are
// infinitives, as Lithuanian interfaces write them. Quotes „…“.
export const lt: Catalog = {
  texts: {
    'banner.label': 'Slapukai ir privatumas',
    'banner.title': 'Jūsų duomenys, Jūsų pasirinkimas',
    'banner.text':
      'Jums sutikus, svetainė {site} ir jos partneriai naudoja slapukus ir panašias technologijas skiltyje „Tinkinti“ aprašytais tikslais. Slapukams, be kurių svetainė negali veikti, Jūsų sutikimo nereikia. Savo sprendimą galite bet kada pakeisti.',
    'banner.policy': 'Privatumo politika',
    'banner.acceptAll': 'Priimti visus',
    'banner.rejectAll': 'Atmesti visus',
    'banner.customize': 'Tinkinti',
    'banner.close': 'Tęsti be sutikimo',
    'dialog.title': 'Slapukų nustatymai',
    'dialog.intro':
      'Įjunkite arba išjunkite kiekvieną tikslą ir išsaugokite savo pasirinkimą. Savo nuomonę galite bet kada pakeisti: atšaukti sutikimą taip pat paprasta, kaip jį duoti.',
    'dialog.save': 'Išsaugoti pasirinkimą',
    'dialog.acceptAll': 'Priimti visus',
    'dialog.rejectAll': 'Atmesti visus',
    'dialog.close': 'Uždaryti',
    'dialog.alwaysOn': 'Visada įjungti',
    'dialog.services': 'Naudojamos paslaugos',
    'dialog.gpc':
      'Jūsų naršyklė siunčia signalą „Global Privacy Control“, todėl rinkodara išjungta. Jei norite, vis tiek galite ją čia leisti.',
    'dialog.history': 'Mano sutikimų istorija',
    'service.provider': 'Teikėjas',
    'service.transfer': 'Tvarkymo vieta',
    'service.transferEu': 'Europos Sąjunga',
    'service.transferOutside': '{country} (ne ES)',
    'service.cookies': 'Slapukai',
    'service.noCookies': 'Slapukų nenaudojama',
    'service.retention': 'Saugojimo laikotarpis',
    'service.privacy': 'Teikėjo privatumo politika',
    'service.hosts': 'Naudojami domenai',
    'placeholder.text':
      'Šį turinį teikia {service}. Jei jį parodysite, {provider} gaus Jūsų ryšio duomenis ir galės įrašyti slapukų (tikslas – „{purpose}“).',
    'placeholder.loadOnce': 'Rodyti tik šį kartą',
    'placeholder.alwaysAllow': 'Visada leisti: „{purpose}“',
    'history.title': 'Jūsų pasirinkimų istorija',
    'history.empty': 'Kol kas neįrašytas nė vienas pasirinkimas.',
    'history.date': 'Data',
    'history.method': 'Veiksmas',
    'history.choices': 'Pasirinkimai',
    'history.status': 'Būsena',
    'history.acknowledged': 'Patvirtinta',
    'history.pending': 'Laukia išsiuntimo',
    'history.refused': 'Serveris atmetė',
    'history.download': 'Atsisiųsti sutikimo įrodymus',
    'history.subject': 'Šio įrenginio pseudoniminis identifikatorius',
    'history.back': 'Atgal',
    'method.accept-all': 'Priimti visi',
    'method.reject-all': 'Atmesti visi',
    'method.save': 'Pasirinkta individualiai',
    'method.embed': 'Visam laikui leista iš įterpto turinio',
    'method.embed-once': 'Įterptas turinys parodytas vieną kartą',
    'method.withdraw': 'Sutikimas atšauktas',
    'method.gpc': 'Naršyklės GPC signalas',
    'method.in-context': 'Paklausta naudojimo metu',
    'state.granted': 'Leista',
    'state.denied': 'Atmesta',
    'withdraw.button': 'Atšaukti sutikimą',
    'withdraw.confirm': 'Jūsų sutikimas tikslui „{purpose}“ atšauktas.',
    'erase.button': 'Ištrinti mano duomenis',
    'erase.confirm':
      'Ištrinti šio įrenginio sutikimo įrodymus iš žurnalo? Liks tik jų kontroliniai atspaudai, kad žurnalą vis dar būtų galima patikrinti. Jūsų bus paklausta dar kartą.',
    'erase.cancel': 'Atšaukti',
    'erase.failed': 'Ištrinti nepavyko. Bandykite vėliau.',
    'history.erased': 'Ištrinta',
    'ask.text':
      'Ši funkcija naudoja toliau nurodytas paslaugas, kurioms reikia Jūsų sutikimo. Niekas neįkeliama, kol to neleisite, ir savo sutikimą galite bet kada atšaukti.',
    'ask.allow': 'Leisti',
    'ask.decline': 'Ne dabar',
    'reopen.label': 'Slapukų nustatymai',
    'announce.saved': 'Jūsų pasirinkimas išsaugotas.',
  },
  purposes: {
    necessary: {
      title: 'Būtinieji',
      description:
        'Slapukai ir panašios technologijos, be kurių svetainė negali veikti: saugumas, prisijungimas prie Jūsų paskyros, Jūsų pasirinkimų įsiminimas. Jiems Jūsų sutikimo nereikia.',
    },
    analytics: {
      title: 'Statistika',
      description:
        'Lankomumo statistika, padedanti mums suprasti, kaip naudojamasi svetaine, kad galėtume ją tobulinti.',
    },
    marketing: {
      title: 'Rinkodara',
      description:
        'Kad įvertintume savo el. laiškų ir kampanijų veiksmingumą ir rodytume Jums Jūsų interesus atitinkantį turinį bei pasiūlymus, taip pat kitose svetainėse.',
    },
    maps: {
      title: 'Interaktyvūs žemėlapiai',
      description:
        'Išorinės paslaugos žemėlapiai, pavyzdžiui, norint rasti gydytojo kabinetą. Teikėjas gauna Jūsų IP adresą ir gali įrašyti slapukų.',
    },
    audiovideo: {
      title: 'Garsas ir vaizdas',
      description:
        'Nuotolinės konsultacijos ir įterpti vaizdo grotuvai. Teikėjas gauna Jūsų IP adresą ir gali įrašyti slapukų. Naršyklė visada paklausia Jūsų leidimo prieš naudodama kamerą ar mikrofoną.',
    },
  },
};
