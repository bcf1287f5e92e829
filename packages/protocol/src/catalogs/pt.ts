import type { Catalog } from '../texts';

// European Portuguese (the EU's; Brazilian visitors read it as well, `pt-BR` negotiates to it).
// Polite third person without "você" ("Pode mudar…", "o seu"), as Portuguese sites write;
// "cookies" and "consentimento" are the CNPD's words, "transferir" is pt-PT for download. Quotes «…».
export const pt: Catalog = {
  texts: {
    'banner.label': 'Cookies e privacidade',
    'banner.title': 'Os seus dados, a sua escolha',
    'banner.text':
      'Com o seu consentimento, {site} e os seus parceiros utilizam cookies e tecnologias semelhantes para as finalidades descritas em «Personalizar». Os cookies necessários ao funcionamento do site não requerem o seu consentimento. Pode mudar de ideias a qualquer momento.',
    'banner.policy': 'Política de privacidade',
    'banner.acceptAll': 'Aceitar tudo',
    'banner.rejectAll': 'Rejeitar tudo',
    'banner.customize': 'Personalizar',
    'banner.close': 'Continuar sem aceitar',
    'dialog.title': 'Preferências de cookies',
    'dialog.intro':
      'Ative ou desative cada finalidade e guarde as suas escolhas. Pode mudar de ideias a qualquer momento: retirar o consentimento é tão fácil como dá-lo.',
    'dialog.save': 'Guardar escolhas',
    'dialog.acceptAll': 'Aceitar tudo',
    'dialog.rejectAll': 'Rejeitar tudo',
    'dialog.close': 'Fechar',
    'dialog.alwaysOn': 'Sempre ativos',
    'dialog.services': 'Serviços utilizados',
    'dialog.gpc':
      'O seu navegador envia o sinal Global Privacy Control, pelo que o marketing está desativado. Se quiser, pode ainda assim autorizá-lo aqui.',
    'dialog.history': 'Histórico dos meus consentimentos',
    'service.provider': 'Fornecedor',
    'service.transfer': 'Local de tratamento',
    'service.transferEu': 'União Europeia',
    'service.transferOutside': '{country} (fora da UE)',
    'service.cookies': 'Cookies',
    'service.noCookies': 'Sem cookies',
    'service.retention': 'Prazo de conservação',
    'service.privacy': 'Política de privacidade do fornecedor',
    'service.hosts': 'Domínios contactados',
    'placeholder.text':
      'Este conteúdo é fornecido por {service}. Se o mostrar, {provider} receberá os seus dados de ligação e poderá instalar cookies (finalidade: «{purpose}»).',
    'placeholder.loadOnce': 'Mostrar só desta vez',
    'placeholder.alwaysAllow': 'Permitir sempre «{purpose}»',
    'history.title': 'Histórico das suas escolhas',
    'history.empty': 'Ainda não há escolhas registadas.',
    'history.date': 'Data',
    'history.method': 'Ação',
    'history.choices': 'Escolhas',
    'history.status': 'Estado',
    'history.acknowledged': 'Confirmado',
    'history.pending': 'A aguardar envio',
    'history.refused': 'Recusado pelo servidor',
    'history.download': 'Transferir as minhas provas de consentimento',
    'history.subject': 'Identificador pseudónimo deste dispositivo',
    'history.back': 'Voltar',
    'method.accept-all': 'Tudo aceite',
    'method.reject-all': 'Tudo rejeitado',
    'method.save': 'Escolhas personalizadas',
    'method.embed': 'Permitido sempre a partir de conteúdo incorporado',
    'method.embed-once': 'Conteúdo incorporado mostrado uma vez',
    'method.withdraw': 'Consentimento retirado',
    'method.gpc': 'Sinal GPC do navegador',
    'method.in-context': 'Pedido no momento da utilização',
    'state.granted': 'Aceite',
    'state.denied': 'Recusado',
    'withdraw.button': 'Retirar o meu consentimento',
    'withdraw.confirm': 'O seu consentimento para «{purpose}» foi retirado.',
    'erase.button': 'Apagar os meus dados',
    'erase.confirm':
      'Apagar do registo as provas de consentimento deste dispositivo? Ficam apenas as suas impressões digitais, para que o registo continue verificável. Ser-lhe-á perguntado novamente.',
    'erase.cancel': 'Cancelar',
    'erase.failed': 'Não foi possível apagar. Tente novamente mais tarde.',
    'history.erased': 'Apagado',
    'ask.text':
      'Esta funcionalidade utiliza os serviços indicados abaixo, que precisam do seu consentimento. Nada é carregado sem a sua autorização, e pode retirar o seu consentimento a qualquer momento.',
    'ask.allow': 'Autorizar',
    'ask.decline': 'Agora não',
    'reopen.label': 'Definições de cookies',
    'announce.saved': 'As suas escolhas foram guardadas.',
  },
  purposes: {
    necessary: {
      title: 'Estritamente necessários',
      description:
        'Cookies e tecnologias semelhantes indispensáveis ao funcionamento do site: segurança, início de sessão na sua conta, memorização das suas escolhas. Não requerem o seu consentimento.',
    },
    analytics: {
      title: 'Estatísticas',
      description: 'Estatísticas de visitas que nos ajudam a perceber como o site é utilizado, para o melhorarmos.',
    },
    marketing: {
      title: 'Marketing',
      description:
        'Para medir a eficácia dos nossos e-mails e campanhas e para lhe mostrar conteúdos e ofertas adequados aos seus interesses, também noutros sites.',
    },
    maps: {
      title: 'Mapas interativos',
      description:
        'Mapas de um serviço externo, por exemplo para encontrar um consultório. O fornecedor recebe o seu endereço IP e pode instalar cookies.',
    },
    audiovideo: {
      title: 'Áudio e vídeo',
      description:
        'Teleconsultas e leitores de vídeo incorporados. O fornecedor recebe o seu endereço IP e pode instalar cookies. O seu navegador pede-lhe sempre autorização antes de utilizar a câmara ou o microfone.',
    },
  },
};
