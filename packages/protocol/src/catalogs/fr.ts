import type { Catalog } from '../texts';

// The reference catalog. French typography: the spaces inside « » and before « : » are no-break
// spaces (U+00A0), so a line never starts with a lone colon or guillemet.
export const fr: Catalog = {
  texts: {
    'banner.label': 'Cookies et confidentialité',
    'banner.title': 'Vos données, vos choix',
    'banner.text':
      'Avec votre accord, {site} et ses partenaires utilisent des cookies et traceurs pour les finalités détaillées dans « Personnaliser ». Ceux qui sont indispensables au fonctionnement du site ne nécessitent pas votre accord. Vous pouvez changer d’avis à tout moment.',
    'banner.policy': 'Politique de confidentialité',
    'banner.acceptAll': 'Tout accepter',
    'banner.rejectAll': 'Tout refuser',
    'banner.customize': 'Personnaliser',
    'banner.close': 'Continuer sans accepter',
    'dialog.title': 'Vos préférences en matière de cookies',
    'dialog.intro':
      'Activez ou désactivez chaque finalité, puis enregistrez vos choix. Vous pouvez changer d’avis à tout moment : retirer votre consentement est aussi simple que de le donner.',
    'dialog.save': 'Enregistrer mes choix',
    'dialog.acceptAll': 'Tout accepter',
    'dialog.rejectAll': 'Tout refuser',
    'dialog.close': 'Fermer',
    'dialog.alwaysOn': 'Toujours actif',
    'dialog.services': 'Services concernés',
    'dialog.gpc':
      'Votre navigateur envoie le signal Global Privacy Control : le marketing est donc désactivé. Vous pouvez tout de même l’autoriser ici si vous le souhaitez.',
    'dialog.history': 'Historique de mes choix',
    'service.provider': 'Fournisseur',
    'service.transfer': 'Lieu de traitement',
    'service.transferEu': 'Union européenne',
    'service.transferOutside': '{country} (hors Union européenne)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'Aucun cookie',
    'service.retention': 'Durée de conservation',
    'service.privacy': 'Politique de confidentialité du fournisseur',
    'service.hosts': 'Domaines contactés',
    'placeholder.text':
      'Ce contenu est fourni par {service}. Si vous l’affichez, {provider} recevra vos données de connexion et pourra déposer des cookies (finalité « {purpose} »).',
    'placeholder.loadOnce': 'Afficher cette fois-ci',
    'placeholder.alwaysAllow': 'Toujours autoriser « {purpose} »',
    'history.title': 'Historique de vos choix',
    'history.empty': 'Aucun choix enregistré pour l’instant.',
    'history.date': 'Date',
    'history.method': 'Action',
    'history.choices': 'Choix',
    'history.status': 'Statut',
    'history.acknowledged': 'Confirmé',
    'history.pending': 'En attente d’envoi',
    'history.refused': 'Refusé par le serveur',
    'history.download': 'Télécharger mes preuves de consentement',
    'history.subject': 'Identifiant pseudonyme de cet appareil',
    'history.back': 'Retour',
    'method.accept-all': 'Tout accepté',
    'method.reject-all': 'Tout refusé',
    'method.save': 'Choix personnalisés',
    'method.embed': 'Toujours autorisé depuis un contenu intégré',
    'method.embed-once': 'Contenu intégré affiché une fois',
    'method.withdraw': 'Consentement retiré',
    'method.gpc': 'Signal GPC du navigateur',
    'method.in-context': 'Demandé au moment de l’utilisation',
    'state.granted': 'Accepté',
    'state.denied': 'Refusé',
    'withdraw.button': 'Retirer mon consentement',
    'withdraw.confirm': 'Votre consentement pour « {purpose} » a été retiré.',
    'erase.button': 'Effacer mes données',
    'erase.confirm':
      'Effacer du journal les preuves de consentement de cet appareil ? Seules leurs empreintes restent, pour que le journal reste vérifiable. Vos choix vous seront redemandés.',
    'erase.cancel': 'Annuler',
    'erase.failed': 'Vos données n’ont pas pu être effacées. Réessayez plus tard.',
    'history.erased': 'Effacé',
    'ask.text':
      'Cette fonctionnalité utilise les services ci-dessous, qui nécessitent votre consentement. Rien n’est chargé sans votre accord, et vous pouvez retirer votre consentement à tout moment.',
    'ask.allow': 'Autoriser',
    'ask.decline': 'Pas maintenant',
    'reopen.label': 'Gérer mes cookies',
    'announce.saved': 'Vos choix ont été enregistrés.',
  },
  purposes: {
    necessary: {
      title: 'Strictement nécessaires',
      description:
        'Cookies et traceurs indispensables au fonctionnement du site : sécurité, connexion à votre compte, mémorisation de vos choix. Ils ne nécessitent pas votre consentement.',
    },
    analytics: {
      title: 'Mesure d’audience',
      description:
        'Statistiques de fréquentation qui nous aident à comprendre comment le site est utilisé, pour l’améliorer.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Pour mesurer l’efficacité de nos e-mails et de nos campagnes, et vous proposer des contenus et des offres adaptés à vos centres d’intérêt, y compris sur d’autres sites.',
    },
    maps: {
      title: 'Cartes interactives',
      description:
        'Cartes fournies par un service tiers, par exemple pour situer un cabinet. Le fournisseur reçoit votre adresse IP et peut déposer des cookies.',
    },
    audiovideo: {
      title: 'Audio et vidéo',
      description:
        'Téléconsultation et lecteurs vidéo intégrés. Le fournisseur reçoit votre adresse IP et peut déposer des cookies. Votre navigateur vous demande toujours votre accord avant d’utiliser la caméra ou le micro.',
    },
  },
};
