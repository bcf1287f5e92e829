import type { Catalog } from '../texts';

// Formal "Vi", capitalised in every form (Vaš, Vam), as Croatian sites write to their users;
// "kolačići" and "privola" are the words of AZOP and of the Croatian GDPR. Buttons in the
// imperative. Quotes „…“.
export const hr: Catalog = {
  texts: {
    'banner.label': 'Kolačići i privatnost',
    'banner.title': 'Vaši podaci, Vaš izbor',
    'banner.text':
      'Uz Vašu privolu mrežna stranica {site} i njezini partneri upotrebljavaju kolačiće i slične tehnologije u svrhe opisane pod „Prilagodi“. Za kolačiće koji su potrebni za rad stranice Vaša privola nije potrebna. Svoj izbor možete promijeniti u bilo kojem trenutku.',
    'banner.policy': 'Politika privatnosti',
    'banner.acceptAll': 'Prihvati sve',
    'banner.rejectAll': 'Odbij sve',
    'banner.customize': 'Prilagodi',
    'banner.close': 'Nastavi bez prihvaćanja',
    'dialog.title': 'Postavke kolačića',
    'dialog.intro':
      'Uključite ili isključite svaku svrhu, a zatim spremite svoj izbor. Predomisliti se možete u bilo kojem trenutku: povlačenje privole jednako je jednostavno kao i njezino davanje.',
    'dialog.save': 'Spremi izbor',
    'dialog.acceptAll': 'Prihvati sve',
    'dialog.rejectAll': 'Odbij sve',
    'dialog.close': 'Zatvori',
    'dialog.alwaysOn': 'Uvijek uključeni',
    'dialog.services': 'Korištene usluge',
    'dialog.gpc':
      'Vaš preglednik šalje signal Global Privacy Control pa je marketing isključen. Ako želite, ovdje ga ipak možete dopustiti.',
    'dialog.history': 'Povijest mojih privola',
    'service.provider': 'Pružatelj usluge',
    'service.transfer': 'Mjesto obrade',
    'service.transferEu': 'Europska unija',
    'service.transferOutside': '{country} (izvan EU-a)',
    'service.cookies': 'Kolačići',
    'service.noCookies': 'Bez kolačića',
    'service.retention': 'Razdoblje čuvanja',
    'service.privacy': 'Politika privatnosti pružatelja usluge',
    'service.hosts': 'Domene s kojima se uspostavlja veza',
    'placeholder.text':
      'Ovaj sadržaj pruža {service}. Ako ga prikažete, {provider} će primiti podatke o Vašoj vezi i može postaviti kolačiće (svrha: „{purpose}“).',
    'placeholder.loadOnce': 'Prikaži samo ovaj put',
    'placeholder.alwaysAllow': 'Uvijek dopusti: „{purpose}“',
    'history.title': 'Povijest Vaših izbora',
    'history.empty': 'Još nije spremljen nijedan izbor.',
    'history.date': 'Datum',
    'history.method': 'Radnja',
    'history.choices': 'Izbor',
    'history.status': 'Stanje',
    'history.acknowledged': 'Potvrđeno',
    'history.pending': 'Čeka slanje',
    'history.refused': 'Poslužitelj je odbio',
    'history.download': 'Preuzmi dokaze o privoli',
    'history.subject': 'Pseudonimni identifikator ovog uređaja',
    'history.back': 'Natrag',
    'method.accept-all': 'Sve prihvaćeno',
    'method.reject-all': 'Sve odbijeno',
    'method.save': 'Prilagođeni izbor',
    'method.embed': 'Trajno dopušteno iz ugrađenog sadržaja',
    'method.embed-once': 'Ugrađeni sadržaj prikazan jednom',
    'method.withdraw': 'Privola povučena',
    'method.gpc': 'Signal GPC preglednika',
    'method.in-context': 'Upit u trenutku korištenja',
    'state.granted': 'Dopušteno',
    'state.denied': 'Odbijeno',
    'withdraw.button': 'Povuci privolu',
    'withdraw.confirm': 'Vaša privola za svrhu „{purpose}“ povučena je.',
    'erase.button': 'Izbriši moje podatke',
    'erase.confirm':
      'Izbrisati iz zapisnika dokaze o privoli s ovog uređaja? Ostaju samo njihovi otisci kako bi se zapisnik i dalje mogao provjeriti. Ponovno ćemo Vas pitati.',
    'erase.cancel': 'Odustani',
    'erase.failed': 'Brisanje nije uspjelo. Pokušajte ponovno kasnije.',
    'history.erased': 'Izbrisano',
    'ask.text':
      'Ova funkcija koristi usluge navedene u nastavku, za koje je potrebna Vaša privola. Ništa se ne učitava dok to ne dopustite, a svoju privolu možete povući u bilo kojem trenutku.',
    'ask.allow': 'Dopusti',
    'ask.decline': 'Ne sada',
    'reopen.label': 'Postavke kolačića',
    'announce.saved': 'Vaš je izbor spremljen.',
  },
  purposes: {
    necessary: {
      title: 'Nužni',
      description:
        'Kolačići i slične tehnologije bez kojih stranica ne može raditi: sigurnost, prijava na Vaš račun, pamćenje Vaših izbora. Za njih nije potrebna Vaša privola.',
    },
    analytics: {
      title: 'Statistika',
      description:
        'Statistika posjeta koja nam pomaže razumjeti kako se stranica upotrebljava kako bismo je mogli poboljšati.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Za mjerenje uspješnosti naših e-poruka i kampanja te za prikazivanje sadržaja i ponuda prilagođenih Vašim interesima, i na drugim stranicama.',
    },
    maps: {
      title: 'Interaktivne karte',
      description:
        'Karte vanjske usluge, primjerice za pronalazak ordinacije. Pružatelj usluge prima Vašu IP adresu i može postaviti kolačiće.',
    },
    audiovideo: {
      title: 'Zvuk i video',
      description:
        'Videokonzultacije i ugrađeni reproduktori videozapisa. Pružatelj usluge prima Vašu IP adresu i može postaviti kolačiće. Preglednik Vas uvijek pita za dopuštenje prije upotrebe kamere ili mikrofona.',
    },
  },
};
