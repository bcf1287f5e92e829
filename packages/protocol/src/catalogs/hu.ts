import type { Catalog } from '../texts';

// Formal "Ön", as Hungarian health and business sites address their users; "sütik" and
// "hozzájárulás" are NAIH's words. Buttons are verbal nouns ("Összes elfogadása"), except the
// placeholder's, which speak for the visitor ("Mindig engedélyezem"). Names from the
// config ({site}, {service}, {provider}) never follow an article, whose form (a/az) would depend
// on the name's first sound. Quotes „…”.
export const hu: Catalog = {
  texts: {
    'banner.label': 'Sütik és adatvédelem',
    'banner.title': 'Az Ön adatai, az Ön döntése',
    'banner.text':
      'Az Ön hozzájárulásával ez a webhely ({site}) és partnerei sütiket és hasonló technológiákat használnak a „Testreszabás” alatt leírt célokra. A webhely működéséhez szükséges sütikhez nem kell az Ön hozzájárulása. Döntését bármikor megváltoztathatja.',
    'banner.policy': 'Adatvédelmi tájékoztató',
    'banner.acceptAll': 'Összes elfogadása',
    'banner.rejectAll': 'Összes elutasítása',
    'banner.customize': 'Testreszabás',
    'banner.close': 'Folytatás elfogadás nélkül',
    'dialog.title': 'Sütibeállítások',
    'dialog.intro':
      'Kapcsolja be vagy ki az egyes célokat, majd mentse el a választását. Véleményét bármikor megváltoztathatja: a hozzájárulás visszavonása ugyanolyan egyszerű, mint a megadása.',
    'dialog.save': 'Választás mentése',
    'dialog.acceptAll': 'Összes elfogadása',
    'dialog.rejectAll': 'Összes elutasítása',
    'dialog.close': 'Bezárás',
    'dialog.alwaysOn': 'Mindig aktív',
    'dialog.services': 'Használt szolgáltatások',
    'dialog.gpc':
      'Böngészője Global Privacy Control jelzést küld, ezért a marketing ki van kapcsolva. Ha szeretné, itt mégis engedélyezheti.',
    'dialog.history': 'Hozzájárulásaim előzményei',
    'service.provider': 'Szolgáltató',
    'service.transfer': 'Az adatkezelés helye',
    'service.transferEu': 'Európai Unió',
    'service.transferOutside': '{country} (az EU-n kívül)',
    'service.cookies': 'Sütik',
    'service.noCookies': 'Nincsenek sütik',
    'service.retention': 'Megőrzési idő',
    'service.privacy': 'A szolgáltató adatvédelmi tájékoztatója',
    'service.hosts': 'Elért domainek',
    'placeholder.text':
      'A tartalmat a következő szolgáltatás biztosítja: {service}. Ha megjeleníti, a szolgáltató ({provider}) megkapja a kapcsolódási adatait, és sütiket helyezhet el (cél: „{purpose}”).',
    'placeholder.loadOnce': 'Csak most jelenítem meg',
    'placeholder.alwaysAllow': 'Mindig engedélyezem: „{purpose}”',
    'history.title': 'Az Ön döntéseinek előzményei',
    'history.empty': 'Még nincs rögzített döntés.',
    'history.date': 'Dátum',
    'history.method': 'Művelet',
    'history.choices': 'Választás',
    'history.status': 'Állapot',
    'history.acknowledged': 'Visszaigazolva',
    'history.pending': 'Küldésre vár',
    'history.refused': 'A szerver elutasította',
    'history.download': 'Hozzájárulási igazolásaim letöltése',
    'history.subject': 'Az eszköz álnevesített azonosítója',
    'history.back': 'Vissza',
    'method.accept-all': 'Összes elfogadva',
    'method.reject-all': 'Összes elutasítva',
    'method.save': 'Egyéni választás',
    'method.embed': 'Beágyazott tartalomból tartósan engedélyezve',
    'method.embed-once': 'Beágyazott tartalom egyszer megjelenítve',
    'method.withdraw': 'Hozzájárulás visszavonva',
    'method.gpc': 'A böngésző GPC-jelzése',
    'method.in-context': 'Rákérdezés a használat pillanatában',
    'state.granted': 'Engedélyezve',
    'state.denied': 'Elutasítva',
    'withdraw.button': 'Hozzájárulásom visszavonása',
    'withdraw.confirm': 'Visszavonta hozzájárulását a következő célhoz: „{purpose}”.',
    'erase.button': 'Adataim törlése',
    'erase.confirm':
      'Törli a naplóból az eszköz hozzájárulási igazolásait? Csak az ujjlenyomatuk marad meg, hogy a napló továbbra is ellenőrizhető legyen. Újra megkérdezzük Önt.',
    'erase.cancel': 'Mégse',
    'erase.failed': 'A törlés nem sikerült. Kérjük, próbálja újra később.',
    'history.erased': 'Törölve',
    'ask.text':
      'Ez a funkció az alább felsorolt szolgáltatásokat használja, amelyekhez az Ön hozzájárulása szükséges. Semmi sem töltődik be, amíg nem engedélyezi, és hozzájárulását bármikor visszavonhatja.',
    'ask.allow': 'Engedélyezés',
    'ask.decline': 'Most nem',
    'reopen.label': 'Sütibeállítások',
    'announce.saved': 'Választását elmentettük.',
  },
  purposes: {
    necessary: {
      title: 'Feltétlenül szükséges',
      description:
        'Sütik és hasonló technológiák, amelyek nélkül a webhely nem működik: biztonság, bejelentkezés a fiókjába, a választásai megjegyzése. Ezekhez nem kell az Ön hozzájárulása.',
    },
    analytics: {
      title: 'Statisztika',
      description:
        'Látogatottsági statisztikák, amelyek segítenek megérteni, hogyan használják a webhelyet, hogy fejleszthessük.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'E-mailjeink és kampányaink hatékonyságának mérésére, valamint az érdeklődésének megfelelő tartalmak és ajánlatok megjelenítésére, más webhelyeken is.',
    },
    maps: {
      title: 'Interaktív térképek',
      description:
        'Külső szolgáltatás térképei, például egy rendelő megtalálásához. A szolgáltató megkapja az IP-címét, és sütiket helyezhet el.',
    },
    audiovideo: {
      title: 'Hang és videó',
      description:
        'Online konzultáció és beágyazott videolejátszók. A szolgáltató megkapja az IP-címét, és sütiket helyezhet el. A böngésző mindig engedélyt kér Öntől, mielőtt a kamerát vagy a mikrofont használná.',
    },
  },
};
