import type { Catalog } from '../texts';

// "Ty", capitalised in every form (Twoja, Ciebie), as Polish sites address their users; "pliki
// cookie" and "zgoda" are UODO's words, "serwis" the usual word for a site. Buttons in the
// imperative. Quotes „…”.
export const pl: Catalog = {
  texts: {
    'banner.label': 'Pliki cookie i prywatność',
    'banner.title': 'Twoje dane, Twój wybór',
    'banner.text':
      'Za Twoją zgodą serwis {site} i jego partnerzy używają plików cookie i podobnych technologii w celach opisanych w sekcji „Dostosuj”. Pliki cookie niezbędne do działania serwisu nie wymagają Twojej zgody. Możesz zmienić zdanie w każdej chwili.',
    'banner.policy': 'Polityka prywatności',
    'banner.acceptAll': 'Akceptuj wszystkie',
    'banner.rejectAll': 'Odrzuć wszystkie',
    'banner.customize': 'Dostosuj',
    'banner.close': 'Kontynuuj bez akceptacji',
    'dialog.title': 'Ustawienia plików cookie',
    'dialog.intro':
      'Włącz lub wyłącz poszczególne cele, a następnie zapisz swój wybór. Możesz zmienić zdanie w każdej chwili: wycofanie zgody jest równie proste jak jej wyrażenie.',
    'dialog.save': 'Zapisz mój wybór',
    'dialog.acceptAll': 'Akceptuj wszystkie',
    'dialog.rejectAll': 'Odrzuć wszystkie',
    'dialog.close': 'Zamknij',
    'dialog.alwaysOn': 'Zawsze aktywne',
    'dialog.services': 'Wykorzystywane usługi',
    'dialog.gpc':
      'Twoja przeglądarka wysyła sygnał Global Privacy Control, dlatego marketing jest wyłączony. Jeśli chcesz, możesz go tutaj mimo to włączyć.',
    'dialog.history': 'Historia moich zgód',
    'service.provider': 'Dostawca',
    'service.transfer': 'Miejsce przetwarzania',
    'service.transferEu': 'Unia Europejska',
    'service.transferOutside': '{country} (poza UE)',
    'service.cookies': 'Pliki cookie',
    'service.noCookies': 'Brak plików cookie',
    'service.retention': 'Okres przechowywania',
    'service.privacy': 'Polityka prywatności dostawcy',
    'service.hosts': 'Używane domeny',
    'placeholder.text':
      'Te treści dostarcza {service}. Jeśli je wyświetlisz, {provider} otrzyma dane o Twoim połączeniu i może zapisywać pliki cookie (cel: „{purpose}”).',
    'placeholder.loadOnce': 'Pokaż tylko tym razem',
    'placeholder.alwaysAllow': 'Zawsze zezwalaj: „{purpose}”',
    'history.title': 'Historia Twoich wyborów',
    'history.empty': 'Nie zapisano jeszcze żadnego wyboru.',
    'history.date': 'Data',
    'history.method': 'Działanie',
    'history.choices': 'Wybór',
    'history.status': 'Stan',
    'history.acknowledged': 'Potwierdzone',
    'history.pending': 'Czeka na wysłanie',
    'history.refused': 'Odrzucone przez serwer',
    'history.download': 'Pobierz potwierdzenia moich zgód',
    'history.subject': 'Pseudonimowy identyfikator tego urządzenia',
    'history.back': 'Wstecz',
    'method.accept-all': 'Zaakceptowano wszystkie',
    'method.reject-all': 'Odrzucono wszystkie',
    'method.save': 'Wybór własny',
    'method.embed': 'Zezwolono na stałe z poziomu osadzonej treści',
    'method.embed-once': 'Osadzona treść wyświetlona jednorazowo',
    'method.withdraw': 'Wycofano zgodę',
    'method.gpc': 'Sygnał GPC przeglądarki',
    'method.in-context': 'Pytanie w momencie użycia',
    'state.granted': 'Zaakceptowano',
    'state.denied': 'Odrzucono',
    'withdraw.button': 'Wycofaj moją zgodę',
    'withdraw.confirm': 'Twoja zgoda na cel „{purpose}” została wycofana.',
    'erase.button': 'Usuń moje dane',
    'erase.confirm':
      'Usunąć z rejestru potwierdzenia zgód z tego urządzenia? Zostaną tylko ich odciski, aby rejestr nadal dało się sprawdzić. Zapytamy Cię ponownie.',
    'erase.cancel': 'Anuluj',
    'erase.failed': 'Nie udało się usunąć. Spróbuj ponownie później.',
    'history.erased': 'Usunięto',
    'ask.text':
      'Ta funkcja korzysta z wymienionych poniżej usług, które wymagają Twojej zgody. Nic nie zostanie wczytane, dopóki na to nie zezwolisz, a swoją zgodę możesz wycofać w dowolnym momencie.',
    'ask.allow': 'Zezwól',
    'ask.decline': 'Nie teraz',
    'reopen.label': 'Ustawienia plików cookie',
    'announce.saved': 'Twój wybór został zapisany.',
  },
  purposes: {
    necessary: {
      title: 'Niezbędne',
      description:
        'Pliki cookie i podobne technologie, bez których serwis nie może działać: bezpieczeństwo, logowanie do Twojego konta, zapamiętanie Twoich wyborów. Nie wymagają Twojej zgody.',
    },
    analytics: {
      title: 'Statystyka',
      description:
        'Statystyki odwiedzin, które pomagają nam zrozumieć, jak serwis jest używany, abyśmy mogli go ulepszać.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Do mierzenia skuteczności naszych e-maili i kampanii oraz wyświetlania treści i ofert dopasowanych do Twoich zainteresowań, także w innych serwisach.',
    },
    maps: {
      title: 'Mapy interaktywne',
      description:
        'Mapy zewnętrznego serwisu, na przykład do wyszukania gabinetu. Dostawca otrzymuje Twój adres IP i może zapisywać pliki cookie.',
    },
    audiovideo: {
      title: 'Audio i wideo',
      description:
        'Teleporady i osadzone odtwarzacze wideo. Dostawca otrzymuje Twój adres IP i może zapisywać pliki cookie. Przeglądarka zawsze pyta Cię o zgodę przed użyciem kamery lub mikrofonu.',
    },
  },
};
