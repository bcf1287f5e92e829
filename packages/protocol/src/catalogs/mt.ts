import type { Catalog } from '../texts';

// Singular "int" (tiegħek), as Maltese public services address the reader. "Cookies" stays in
// English, as the IDPC and Maltese sites write it; "kunsens" is the Maltese GDPR's word for consent.
// Buttons in the imperative. Quotes “…”; the apostrophe of "tista’" is part of the word.
export const mt: Catalog = {
  texts: {
    'banner.label': 'Cookies u privatezza',
    'banner.title': 'Id-data tiegħek, l-għażla tiegħek',
    'banner.text':
      'Bil-kunsens tiegħek, is-sit {site} u s-sħab tiegħu jużaw cookies u teknoloġiji simili għall-għanijiet deskritti taħt “Ippersonalizza”. Il-cookies li huma meħtieġa biex is-sit jaħdem ma jeħtiġux il-kunsens tiegħek. Tista’ tibdel fehmtek fi kwalunkwe ħin.',
    'banner.policy': 'Politika tal-privatezza',
    'banner.acceptAll': 'Aċċetta kollox',
    'banner.rejectAll': 'Irrifjuta kollox',
    'banner.customize': 'Ippersonalizza',
    'banner.close': 'Kompli mingħajr ma taċċetta',
    'dialog.title': 'Preferenzi dwar il-cookies',
    'dialog.intro':
      'Ixgħel jew itfi kull għan, imbagħad aħżen l-għażliet tiegħek. Tista’ tibdel fehmtek fi kwalunkwe ħin: li tirtira l-kunsens huwa faċli daqs li tagħtih.',
    'dialog.save': 'Aħżen l-għażliet',
    'dialog.acceptAll': 'Aċċetta kollox',
    'dialog.rejectAll': 'Irrifjuta kollox',
    'dialog.close': 'Agħlaq',
    'dialog.alwaysOn': 'Dejjem attivi',
    'dialog.services': 'Servizzi użati',
    'dialog.gpc':
      'Il-browser tiegħek qed jibgħat is-sinjal Global Privacy Control, għalhekk il-marketing huwa mitfi. Xorta tista’ tippermettih hawn jekk tixtieq.',
    'dialog.history': 'L-istorja tal-kunsens tiegħi',
    'service.provider': 'Fornitur',
    'service.transfer': 'Fejn tiġi pproċessata d-data',
    'service.transferEu': 'L-Unjoni Ewropea',
    'service.transferOutside': '{country} (barra mill-UE)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'L-ebda cookie',
    'service.retention': 'Perjodu taż-żamma',
    'service.privacy': 'Il-politika tal-privatezza tal-fornitur',
    'service.hosts': 'Dominji kkuntattjati',
    'placeholder.text':
      'Dan il-kontenut huwa pprovdut minn {service}. Jekk turih, {provider} jirċievi d-data tal-konnessjoni tiegħek u jista’ jpoġġi cookies (għan: “{purpose}”).',
    'placeholder.loadOnce': 'Urih din id-darba biss',
    'placeholder.alwaysAllow': 'Dejjem ippermetti “{purpose}”',
    'history.title': 'L-istorja tal-għażliet tiegħek',
    'history.empty': 'Għad m’hemm l-ebda għażla rreġistrata.',
    'history.date': 'Data',
    'history.method': 'Azzjoni',
    'history.choices': 'Għażliet',
    'history.status': 'Status',
    'history.acknowledged': 'Ikkonfermat',
    'history.pending': 'Qed jistenna li jintbagħat',
    'history.refused': 'Irrifjutat mis-server',
    'history.download': 'Niżżel il-provi tal-kunsens tiegħi',
    'history.subject': 'Identifikatur psewdonimu ta’ dan l-apparat',
    'history.back': 'Lura',
    'method.accept-all': 'Aċċettat kollox',
    'method.reject-all': 'Irrifjutat kollox',
    'method.save': 'Għażliet personalizzati',
    'method.embed': 'Permess dejjem minn kontenut inkorporat',
    'method.embed-once': 'Kontenut inkorporat muri darba biss',
    'method.withdraw': 'Kunsens irtirat',
    'method.gpc': 'Is-sinjal GPC tal-browser',
    'method.in-context': 'Mistoqsi fil-mument tal-użu',
    'state.granted': 'Aċċettat',
    'state.denied': 'Irrifjutat',
    'withdraw.button': 'Irtira l-kunsens tiegħi',
    'withdraw.confirm': 'Il-kunsens tiegħek għal “{purpose}” ġie rtirat.',
    'erase.button': 'Ħassar id-data tiegħi',
    'erase.confirm':
      'Tħassar mil-log il-provi tal-kunsens ta’ dan l-apparat? Jibqgħu biss il-marki tagħhom, biex il-log jibqa’ jista’ jiġi vverifikat. Terġa’ tiġi mistoqsi.',
    'erase.cancel': 'Ikkanċella',
    'erase.failed': 'It-tħassir ma rnexxiex. Jekk jogħġbok erġa’ pprova aktar tard.',
    'history.erased': 'Imħassar',
    'ask.text':
      'Din il-funzjoni tuża s-servizzi elenkati hawn taħt, li jeħtieġu l-kunsens tiegħek. Xejn ma jitgħabba jekk ma tippermettihx, u tista’ tirtira l-kunsens tiegħek fi kwalunkwe ħin.',
    'ask.allow': 'Ippermetti',
    'ask.decline': 'Mhux issa',
    'reopen.label': 'Preferenzi dwar il-cookies',
    'announce.saved': 'L-għażliet tiegħek ġew maħżuna.',
  },
  purposes: {
    necessary: {
      title: 'Strettament meħtieġa',
      description:
        'Cookies u teknoloġiji simili li mingħajrhom is-sit ma jistax jaħdem: is-sigurtà, id-dħul fil-kont tiegħek u ż-żamma tal-għażliet tiegħek. Ma jeħtiġux il-kunsens tiegħek.',
    },
    analytics: {
      title: 'Analitika',
      description: 'Statistika taż-żjarat li tgħinna nifhmu kif jintuża s-sit, biex intejbuh.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Biex inkejlu kemm jirnexxu l-emails u l-kampanji tagħna, u biex nuruk kontenut u offerti li jaqblu mal-interessi tiegħek, anke fuq siti oħra.',
    },
    maps: {
      title: 'Mapep interattivi',
      description:
        'Mapep minn servizz estern, pereżempju biex issib klinika. Il-fornitur jirċievi l-indirizz IP tiegħek u jista’ jpoġġi cookies.',
    },
    audiovideo: {
      title: 'Awdjo u vidjo',
      description:
        'Konsultazzjonijiet mill-bogħod u plejers tal-vidjo inkorporati. Il-fornitur jirċievi l-indirizz IP tiegħek u jista’ jpoġġi cookies. Il-browser tiegħek dejjem jitlob il-permess tiegħek qabel ma jintużaw il-kamera jew il-mikrofonu.',
    },
  },
};
