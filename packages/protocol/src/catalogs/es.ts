import type { Catalog } from '../texts';

// Formal "usted", as Spanish health and business sites address their users; "cookies" and
// "consentimiento" are the AEPD's words, "seudónimo" the RAE's spelling. Quotes «…».
export const es: Catalog = {
  texts: {
    'banner.label': 'Cookies y privacidad',
    'banner.title': 'Sus datos, su decisión',
    'banner.text':
      'Con su consentimiento, {site} y sus socios utilizan cookies y tecnologías similares para los fines descritos en «Personalizar». Las cookies necesarias para el funcionamiento del sitio no requieren su consentimiento. Puede cambiar de opinión en cualquier momento.',
    'banner.policy': 'Política de privacidad',
    'banner.acceptAll': 'Aceptar todo',
    'banner.rejectAll': 'Rechazar todo',
    'banner.customize': 'Personalizar',
    'banner.close': 'Continuar sin aceptar',
    'dialog.title': 'Preferencias de cookies',
    'dialog.intro':
      'Active o desactive cada finalidad y guarde su elección. Puede cambiar de opinión en cualquier momento: retirar su consentimiento es tan fácil como darlo.',
    'dialog.save': 'Guardar mi elección',
    'dialog.acceptAll': 'Aceptar todo',
    'dialog.rejectAll': 'Rechazar todo',
    'dialog.close': 'Cerrar',
    'dialog.alwaysOn': 'Siempre activas',
    'dialog.services': 'Servicios utilizados',
    'dialog.gpc':
      'Su navegador envía la señal Global Privacy Control, por lo que el marketing está desactivado. Si lo desea, puede autorizarlo aquí de todos modos.',
    'dialog.history': 'Historial de mis consentimientos',
    'service.provider': 'Proveedor',
    'service.transfer': 'Lugar del tratamiento',
    'service.transferEu': 'Unión Europea',
    'service.transferOutside': '{country} (fuera de la UE)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'Ninguna cookie',
    'service.retention': 'Plazo de conservación',
    'service.privacy': 'Política de privacidad del proveedor',
    'service.hosts': 'Dominios contactados',
    'placeholder.text':
      'Este contenido lo proporciona {service}. Si lo muestra, {provider} recibirá sus datos de conexión y podrá instalar cookies (finalidad: «{purpose}»).',
    'placeholder.loadOnce': 'Mostrar solo esta vez',
    'placeholder.alwaysAllow': 'Permitir siempre «{purpose}»',
    'history.title': 'Historial de sus decisiones',
    'history.empty': 'Todavía no hay ninguna decisión registrada.',
    'history.date': 'Fecha',
    'history.method': 'Acción',
    'history.choices': 'Elección',
    'history.status': 'Estado',
    'history.acknowledged': 'Confirmado',
    'history.pending': 'Pendiente de envío',
    'history.refused': 'Rechazado por el servidor',
    'history.download': 'Descargar mis pruebas de consentimiento',
    'history.subject': 'Identificador seudónimo de este dispositivo',
    'history.back': 'Volver',
    'method.accept-all': 'Todo aceptado',
    'method.reject-all': 'Todo rechazado',
    'method.save': 'Elección personalizada',
    'method.embed': 'Permitido siempre desde un contenido integrado',
    'method.embed-once': 'Contenido integrado mostrado una vez',
    'method.withdraw': 'Consentimiento retirado',
    'method.gpc': 'Señal GPC del navegador',
    'method.in-context': 'Solicitado en el momento de uso',
    'state.granted': 'Aceptado',
    'state.denied': 'Rechazado',
    'withdraw.button': 'Retirar mi consentimiento',
    'withdraw.confirm': 'Se ha retirado su consentimiento para «{purpose}».',
    'erase.button': 'Borrar mis datos',
    'erase.confirm':
      '¿Borrar del registro las pruebas de consentimiento de este dispositivo? Solo se conservan sus huellas, para que el registro siga siendo verificable. Se le volverá a preguntar.',
    'erase.cancel': 'Cancelar',
    'erase.failed': 'No se han podido borrar sus datos. Inténtelo de nuevo más tarde.',
    'history.erased': 'Borrado',
    'ask.text':
      'Esta función utiliza los servicios indicados a continuación, que necesitan su consentimiento. No se carga nada si no lo permite, y puede retirar su consentimiento en cualquier momento.',
    'ask.allow': 'Permitir',
    'ask.decline': 'Ahora no',
    'reopen.label': 'Configuración de cookies',
    'announce.saved': 'Su elección se ha guardado.',
  },
  purposes: {
    necessary: {
      title: 'Estrictamente necesarias',
      description:
        'Cookies y tecnologías similares imprescindibles para el funcionamiento del sitio: seguridad, inicio de sesión en su cuenta, recordar sus preferencias. No requieren su consentimiento.',
    },
    analytics: {
      title: 'Medición de audiencia',
      description: 'Estadísticas de visitas que nos ayudan a entender cómo se utiliza el sitio para mejorarlo.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Para medir la eficacia de nuestros correos electrónicos y campañas, y mostrarle contenidos y ofertas adaptados a sus intereses, también en otros sitios.',
    },
    maps: {
      title: 'Mapas interactivos',
      description:
        'Mapas de un servicio externo, por ejemplo para localizar una consulta. El proveedor recibe su dirección IP y puede instalar cookies.',
    },
    audiovideo: {
      title: 'Audio y vídeo',
      description:
        'Teleconsulta y reproductores de vídeo integrados. El proveedor recibe su dirección IP y puede instalar cookies. Su navegador siempre le pedirá permiso antes de usar la cámara o el micrófono.',
    },
  },
};
