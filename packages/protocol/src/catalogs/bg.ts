import type { Catalog } from '../texts';

// Polite plural "вие", lower case as Bulgarian sites address the public. "Бисквитки" and "съгласие"
// are the words of the Commission for Personal Data Protection; "обработване" is the GDPR's.
// The banner's answers speak for the visitor ("Приемам всички", "Отказвам всички"), as Bulgarian
// consent banners do; other buttons are verbal nouns ("Запазване на избора"). Quotes „…“.
export const bg: Catalog = {
  texts: {
    'banner.label': 'Бисквитки и поверителност',
    'banner.title': 'Вашите данни, вашият избор',
    'banner.text':
      'С вашето съгласие сайтът {site} и неговите партньори използват бисквитки и подобни технологии за целите, описани в „Настройки“. За бисквитките, без които сайтът не може да работи, не е необходимо съгласие. Можете да промените решението си по всяко време.',
    'banner.policy': 'Политика за поверителност',
    'banner.acceptAll': 'Приемам всички',
    'banner.rejectAll': 'Отказвам всички',
    'banner.customize': 'Настройки',
    'banner.close': 'Продължавам без приемане',
    'dialog.title': 'Настройки за бисквитките',
    'dialog.intro':
      'Включете или изключете всяка цел и запазете избора си. Можете да промените решението си по всяко време: оттеглянето на съгласието е толкова лесно, колкото и даването му.',
    'dialog.save': 'Запазване на избора',
    'dialog.acceptAll': 'Приемам всички',
    'dialog.rejectAll': 'Отказвам всички',
    'dialog.close': 'Затваряне',
    'dialog.alwaysOn': 'Винаги активни',
    'dialog.services': 'Използвани услуги',
    'dialog.gpc':
      'Браузърът ви изпраща сигнала Global Privacy Control, затова маркетингът е изключен. Ако желаете, все пак можете да го разрешите тук.',
    'dialog.history': 'История на моите съгласия',
    'service.provider': 'Доставчик',
    'service.transfer': 'Място на обработване',
    'service.transferEu': 'Европейски съюз',
    'service.transferOutside': '{country} (извън ЕС)',
    'service.cookies': 'Бисквитки',
    'service.noCookies': 'Без бисквитки',
    'service.retention': 'Срок на съхранение',
    'service.privacy': 'Политика за поверителност на доставчика',
    'service.hosts': 'Домейни, с които се осъществява връзка',
    'placeholder.text':
      'Това съдържание се предоставя от {service}. Ако го покажете, {provider} ще получи данни за връзката ви и може да запише бисквитки (цел: „{purpose}“).',
    'placeholder.loadOnce': 'Показване само този път',
    'placeholder.alwaysAllow': 'Винаги да се разрешава „{purpose}“',
    'history.title': 'История на вашите решения',
    'history.empty': 'Все още няма записани решения.',
    'history.date': 'Дата',
    'history.method': 'Действие',
    'history.choices': 'Избор',
    'history.status': 'Състояние',
    'history.acknowledged': 'Потвърдено',
    'history.pending': 'Чака изпращане',
    'history.refused': 'Отхвърлено от сървъра',
    'history.download': 'Изтегляне на доказателствата за съгласие',
    'history.subject': 'Псевдонимен идентификатор на това устройство',
    'history.back': 'Назад',
    'method.accept-all': 'Приети всички',
    'method.reject-all': 'Отхвърлени всички',
    'method.save': 'Собствен избор',
    'method.embed': 'Винаги разрешено от вградено съдържание',
    'method.embed-once': 'Вграденото съдържание е показано еднократно',
    'method.withdraw': 'Оттеглено съгласие',
    'method.gpc': 'Сигнал GPC от браузъра',
    'state.granted': 'Разрешено',
    'state.denied': 'Отказано',
    'withdraw.button': 'Оттегляне на съгласието ми',
    'withdraw.confirm': 'Съгласието ви за „{purpose}“ е оттеглено.',
    'reopen.label': 'Настройки за бисквитките',
    'announce.saved': 'Изборът ви е запазен.',
  },
  purposes: {
    necessary: {
      title: 'Строго необходими',
      description:
        'Бисквитки и подобни технологии, без които сайтът не може да работи: сигурност, вход в профила ви, запомняне на избора ви. За тях не е необходимо съгласие.',
    },
    analytics: {
      title: 'Статистика',
      description:
        'Статистика за посещенията, която ни помага да разберем как се използва сайтът, за да го подобряваме.',
    },
    marketing: {
      title: 'Маркетинг',
      description:
        'За да измерваме ефективността на имейлите и кампаниите си и да ви показваме съдържание и оферти според интересите ви, включително на други сайтове.',
    },
    maps: {
      title: 'Интерактивни карти',
      description:
        'Карти от външна услуга, например за да намерите кабинет. Доставчикът получава IP адреса ви и може да записва бисквитки.',
    },
    audiovideo: {
      title: 'Аудио и видео',
      description:
        'Видеоконсултации и вградени видеоплейъри. Доставчикът получава IP адреса ви и може да записва бисквитки. Браузърът ви винаги иска разрешение, преди да използва камерата или микрофона.',
    },
  },
};
