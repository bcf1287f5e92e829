import type { Catalog } from '../texts';

// "Tu", as Italian sites (health and banking included) now address their users: a banner in "Lei"
// reads like a letter from an office. "Cookie" is invariable, as the Garante writes it;
// "consenso" and "informativa" are its words. Quotes «…».
export const it: Catalog = {
  texts: {
    'banner.label': 'Cookie e privacy',
    'banner.title': 'I tuoi dati, la tua scelta',
    'banner.text':
      'Con il tuo consenso, {site} e i suoi partner utilizzano cookie e tecnologie simili per le finalità descritte in «Personalizza». I cookie necessari al funzionamento del sito non richiedono il tuo consenso. Puoi cambiare idea in qualsiasi momento.',
    'banner.policy': 'Informativa sulla privacy',
    'banner.acceptAll': 'Accetta tutto',
    'banner.rejectAll': 'Rifiuta tutto',
    'banner.customize': 'Personalizza',
    'banner.close': 'Continua senza accettare',
    'dialog.title': 'Preferenze sui cookie',
    'dialog.intro':
      'Attiva o disattiva ogni finalità, poi salva le tue scelte. Puoi cambiare idea in qualsiasi momento: revocare il consenso è semplice quanto darlo.',
    'dialog.save': 'Salva le mie scelte',
    'dialog.acceptAll': 'Accetta tutto',
    'dialog.rejectAll': 'Rifiuta tutto',
    'dialog.close': 'Chiudi',
    'dialog.alwaysOn': 'Sempre attivi',
    'dialog.services': 'Servizi utilizzati',
    'dialog.gpc':
      'Il tuo browser invia il segnale Global Privacy Control, quindi il marketing è disattivato. Se vuoi, puoi comunque autorizzarlo qui.',
    'dialog.history': 'Cronologia dei miei consensi',
    'service.provider': 'Fornitore',
    'service.transfer': 'Luogo del trattamento',
    'service.transferEu': 'Unione europea',
    'service.transferOutside': '{country} (fuori dall’UE)',
    'service.cookies': 'Cookie',
    'service.noCookies': 'Nessun cookie',
    'service.retention': 'Periodo di conservazione',
    'service.privacy': 'Informativa privacy del fornitore',
    'service.hosts': 'Domini contattati',
    'placeholder.text':
      'Questo contenuto è fornito da {service}. Se lo visualizzi, {provider} riceverà i tuoi dati di connessione e potrà installare cookie (finalità «{purpose}»).',
    'placeholder.loadOnce': 'Mostra solo questa volta',
    'placeholder.alwaysAllow': 'Consenti sempre «{purpose}»',
    'history.title': 'Cronologia delle tue scelte',
    'history.empty': 'Nessuna scelta registrata finora.',
    'history.date': 'Data',
    'history.method': 'Azione',
    'history.choices': 'Scelte',
    'history.status': 'Stato',
    'history.acknowledged': 'Confermato',
    'history.pending': 'In attesa di invio',
    'history.refused': 'Rifiutato dal server',
    'history.download': 'Scarica le prove del mio consenso',
    'history.subject': 'ID pseudonimo di questo dispositivo',
    'history.back': 'Indietro',
    'method.accept-all': 'Tutto accettato',
    'method.reject-all': 'Tutto rifiutato',
    'method.save': 'Scelte personalizzate',
    'method.embed': 'Consentito sempre da un contenuto incorporato',
    'method.embed-once': 'Contenuto incorporato mostrato una volta',
    'method.withdraw': 'Consenso revocato',
    'method.gpc': 'Segnale GPC del browser',
    'method.in-context': 'Chiesto al momento dell’uso',
    'state.granted': 'Accettato',
    'state.denied': 'Rifiutato',
    'withdraw.button': 'Revoca il mio consenso',
    'withdraw.confirm': 'Il tuo consenso per «{purpose}» è stato revocato.',
    'erase.button': 'Cancella i miei dati',
    'erase.confirm':
      'Cancellare dal registro le prove di consenso di questo dispositivo? Restano solo le loro impronte, perché il registro resti verificabile. Ti verrà chiesto di nuovo.',
    'erase.cancel': 'Annulla',
    'erase.failed': 'Non è stato possibile cancellare. Riprova più tardi.',
    'history.erased': 'Cancellato',
    'ask.text':
      'Questa funzione usa i servizi elencati qui sotto, che richiedono il tuo consenso. Non viene caricato nulla finché non lo consenti, e puoi revocare il tuo consenso in qualsiasi momento.',
    'ask.allow': 'Consenti',
    'ask.decline': 'Non ora',
    'reopen.label': 'Impostazioni cookie',
    'announce.saved': 'Le tue scelte sono state salvate.',
  },
  purposes: {
    necessary: {
      title: 'Strettamente necessari',
      description:
        'Cookie e tecnologie simili indispensabili al funzionamento del sito: sicurezza, accesso al tuo account, memorizzazione delle tue scelte. Non richiedono il tuo consenso.',
    },
    analytics: {
      title: 'Statistiche',
      description: 'Statistiche di visita che ci aiutano a capire come viene usato il sito, per migliorarlo.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Per misurare l’efficacia delle nostre e-mail e campagne e mostrarti contenuti e offerte in linea con i tuoi interessi, anche su altri siti.',
    },
    maps: {
      title: 'Mappe interattive',
      description:
        'Mappe fornite da un servizio esterno, ad esempio per trovare uno studio medico. Il fornitore riceve il tuo indirizzo IP e può installare cookie.',
    },
    audiovideo: {
      title: 'Audio e video',
      description:
        'Televisite e lettori video incorporati. Il fornitore riceve il tuo indirizzo IP e può installare cookie. Il browser ti chiede sempre il permesso prima di usare la fotocamera o il microfono.',
    },
  },
};
