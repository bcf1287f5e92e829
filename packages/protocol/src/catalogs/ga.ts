import type { Catalog } from '../texts';

// Singular "tú", as Irish-language public services address the reader. "Fianáin" and "toiliú" are
// the words of the Irish versions of the ePrivacy rules and the GDPR; "ráiteas príobháideachais" is
// what Irish public bodies call their privacy notice. Buttons in the imperative. Quotes “…”.
export const ga: Catalog = {
  texts: {
    'banner.label': 'Fianáin agus príobháideachas',
    'banner.title': 'Do shonraí, do rogha',
    'banner.text':
      'Le do thoiliú, úsáideann an suíomh {site} agus a chomhpháirtithe fianáin agus teicneolaíochtaí comhchosúla chun críocha atá mínithe faoi “Saincheap”. Níl do thoiliú ag teastáil le haghaidh fianán atá riachtanach chun go n-oibreoidh an suíomh. Is féidir leat d’intinn a athrú am ar bith.',
    'banner.policy': 'Ráiteas príobháideachais',
    'banner.acceptAll': 'Glac leo uile',
    'banner.rejectAll': 'Diúltaigh dóibh uile',
    'banner.customize': 'Saincheap',
    'banner.close': 'Lean ar aghaidh gan glacadh leo',
    'dialog.title': 'Socruithe fianán',
    'dialog.intro':
      'Cas gach críoch air nó as, agus ansin sábháil do roghanna. Is féidir leat d’intinn a athrú am ar bith: tá sé chomh héasca céanna do thoiliú a tharraingt siar agus atá sé é a thabhairt.',
    'dialog.save': 'Sábháil mo roghanna',
    'dialog.acceptAll': 'Glac leo uile',
    'dialog.rejectAll': 'Diúltaigh dóibh uile',
    'dialog.close': 'Dún',
    'dialog.alwaysOn': 'Ar siúl i gcónaí',
    'dialog.services': 'Seirbhísí a úsáidtear',
    'dialog.gpc':
      'Seolann do bhrabhsálaí an comhartha Global Privacy Control, mar sin tá an mhargaíocht múchta. Is féidir leat í a cheadú anseo mar sin féin, más mian leat.',
    'dialog.history': 'Stair mo thoilithe',
    'service.provider': 'Soláthraí',
    'service.transfer': 'Cá bpróiseáiltear na sonraí',
    'service.transferEu': 'An tAontas Eorpach',
    'service.transferOutside': '{country} (lasmuigh den AE)',
    'service.cookies': 'Fianáin',
    'service.noCookies': 'Gan fianáin',
    'service.retention': 'Tréimhse choinneála',
    'service.privacy': 'Ráiteas príobháideachais an tsoláthraí',
    'service.hosts': 'Fearainn a ndéantar teagmháil leo',
    'placeholder.text':
      'Is é {service} a sholáthraíonn an t-ábhar seo. Má thaispeánann tú é, gheobhaidh {provider} sonraí do cheangail agus féadfaidh sé fianáin a shocrú (críoch: “{purpose}”).',
    'placeholder.loadOnce': 'Taispeáin an uair seo amháin',
    'placeholder.alwaysAllow': 'Ceadaigh “{purpose}” i gcónaí',
    'history.title': 'Stair do roghanna',
    'history.empty': 'Níl aon rogha taifeadta fós.',
    'history.date': 'Dáta',
    'history.method': 'Gníomh',
    'history.choices': 'Roghanna',
    'history.status': 'Stádas',
    'history.acknowledged': 'Deimhnithe',
    'history.pending': 'Ag fanacht le seoladh',
    'history.refused': 'Diúltaithe ag an bhfreastalaí',
    'history.download': 'Íoslódáil cruthúnas mo thoilithe',
    'history.subject': 'Aitheantóir ainm bréige don ghléas seo',
    'history.back': 'Ar ais',
    'method.accept-all': 'Glacadh le gach ceann',
    'method.reject-all': 'Diúltaíodh do gach ceann',
    'method.save': 'Roghanna saincheaptha',
    'method.embed': 'Ceadaithe i gcónaí ó ábhar leabaithe',
    'method.embed-once': 'Ábhar leabaithe taispeánta uair amháin',
    'method.withdraw': 'Toiliú tarraingthe siar',
    'method.gpc': 'Comhartha GPC an bhrabhsálaí',
    'method.in-context': 'Iarrtha ag am na húsáide',
    'state.granted': 'Ceadaithe',
    'state.denied': 'Diúltaithe',
    'withdraw.button': 'Tarraing siar mo thoiliú',
    'withdraw.confirm': 'Tarraingíodh siar do thoiliú le haghaidh “{purpose}”.',
    'erase.button': 'Scrios mo shonraí',
    'erase.confirm':
      'An scriosfar ón loga cruthúnais toilithe an ghléis seo? Ní fhanfaidh ach a méarloirg, ionas gur féidir an loga a sheiceáil fós. Iarrfar ort arís.',
    'erase.cancel': 'Cealaigh',
    'erase.failed': 'Níorbh fhéidir an scriosadh a dhéanamh. Bain triail eile as ar ball.',
    'history.erased': 'Scriosta',
    'ask.text':
      'Úsáideann an ghné seo na seirbhísí thíos, a dteastaíonn do thoiliú uathu. Ní lódáiltear aon rud mura gceadaíonn tú é, agus is féidir leat do thoiliú a tharraingt siar am ar bith.',
    'ask.allow': 'Ceadaigh',
    'ask.decline': 'Ní anois',
    'reopen.label': 'Socruithe fianán',
    'announce.saved': 'Sábháladh do roghanna.',
  },
  purposes: {
    necessary: {
      title: 'Fíor-riachtanach',
      description:
        'Fianáin agus teicneolaíochtaí comhchosúla nach féidir leis an suíomh oibriú gan iad: slándáil, logáil isteach i do chuntas, cuimhneamh ar do roghanna. Níl do thoiliú ag teastáil ina gcomhair.',
    },
    analytics: {
      title: 'Anailísíocht',
      description:
        'Staitisticí cuairteanna a chabhraíonn linn a thuiscint conas a úsáidtear an suíomh, ionas gur féidir linn é a fheabhsú.',
    },
    marketing: {
      title: 'Margaíocht',
      description:
        'Chun a thomhas cé chomh maith is a éiríonn lenár ríomhphoist agus lenár bhfeachtais, agus chun ábhar agus tairiscintí a oireann do do spéiseanna a thaispeáint duit, ar shuíomhanna eile freisin.',
    },
    maps: {
      title: 'Léarscáileanna idirghníomhacha',
      description:
        'Léarscáileanna ó sheirbhís sheachtrach, mar shampla chun clinic a aimsiú. Faigheann an soláthraí do sheoladh IP agus féadfaidh sé fianáin a shocrú.',
    },
    audiovideo: {
      title: 'Fuaim agus físeán',
      description:
        'Comhairliúcháin ar líne agus seinnteoirí físe leabaithe. Faigheann an soláthraí do sheoladh IP agus féadfaidh sé fianáin a shocrú. Iarrann do bhrabhsálaí cead ort i gcónaí sula n-úsáidtear an ceamara nó an micreafón.',
    },
  },
};
