"""The "where is my order" answer's sentences in every language the app answers in (see
``support.rules.texts``). An order's label (``{order}``) and a parcel's (``{parcel}``) always open
their sentence, so each language keeps its own word order and agreement."""

SENTENCES = {
    "wismo.order": {
        "en": "Order {name}", "es": "El pedido {name}", "fr": "La commande {name}", "de": "Bestellung {name}",
        "pt": "O pedido {name}", "it": "L'ordine {name}", "nl": "Bestelling {name}", "zh": "订单 {name} ",
    },
    "wismo.order_unnamed": {
        "en": "Your order", "es": "Tu pedido", "fr": "Votre commande", "de": "Ihre Bestellung",
        "pt": "O seu pedido", "it": "Il tuo ordine", "nl": "Je bestelling", "zh": "您的订单",
    },
    "wismo.unfulfilled": {
        "en": "{order} has not shipped yet; we will share the tracking details as soon as it does.",
        "es": "{order} aún no se ha enviado; te enviaremos los datos de seguimiento en cuanto salga.",
        "fr": "{order} n'a pas encore été expédiée ; nous vous enverrons le suivi dès son départ.",
        "de": "{order} wurde noch nicht versandt; wir schicken Ihnen die Sendungsverfolgung, sobald sie unterwegs ist.",
        "pt": "{order} ainda não foi enviado; enviaremos os dados de rastreamento assim que ele sair.",
        "it": "{order} non è ancora stato spedito; ti invieremo i dati di tracciamento appena partirà.",
        "nl": "{order} is nog niet verzonden; we sturen je de trackinggegevens zodra deze is verzonden.",
        "zh": "{order}尚未发货；发货后我们会第一时间把物流信息发给您。",
    },
    "wismo.unfulfilled_late": {
        "en": "{order} has not shipped yet and is taking longer than expected. Our team will look into it and "
              "update you.",
        "es": "{order} aún no se ha enviado y está tardando más de lo previsto. Nuestro equipo lo revisará y te "
              "informará.",
        "fr": "{order} n'a pas encore été expédiée et prend plus de temps que prévu. Notre équipe va vérifier et "
              "revenir vers vous.",
        "de": "{order} wurde noch nicht versandt und braucht länger als erwartet. Unser Team kümmert sich darum und "
              "meldet sich bei Ihnen.",
        "pt": "{order} ainda não foi enviado e está demorando mais do que o previsto. Nossa equipe vai verificar e "
              "dar um retorno.",
        "it": "{order} non è ancora stato spedito e sta richiedendo più tempo del previsto. Il nostro team "
              "verificherà e ti aggiornerà.",
        "nl": "{order} is nog niet verzonden en duurt langer dan verwacht. Ons team zoekt het uit en laat je iets "
              "weten.",
        "zh": "{order}尚未发货，所需时间比预期更长。我们的团队会跟进并告知您。",
    },
    "wismo.ship_window": {
        "en": "Expected to ship: {window}", "es": "Envío previsto: {window}", "fr": "Expédition prévue : {window}",
        "de": "Voraussichtlicher Versand: {window}", "pt": "Envio previsto: {window}",
        "it": "Spedizione prevista: {window}", "nl": "Verwachte verzending: {window}", "zh": "预计发货：{window}",
    },
    "wismo.partial": {
        "en": "{order} has partly shipped ({shipped} of {total} items); the rest will follow separately.",
        "es": "{order} se ha enviado en parte ({shipped} de {total} artículos); el resto llegará por separado.",
        "fr": "{order} a été expédiée en partie ({shipped} articles sur {total}) ; le reste suivra séparément.",
        "de": "{order} wurde teilweise versandt ({shipped} von {total} Artikeln); der Rest folgt separat.",
        "pt": "{order} foi enviado em parte ({shipped} de {total} itens); o restante seguirá separadamente.",
        "it": "{order} è stato spedito in parte ({shipped} articoli su {total}); il resto seguirà a parte.",
        "nl": "{order} is gedeeltelijk verzonden ({shipped} van {total} artikelen); de rest volgt apart.",
        "zh": "{order}已部分发货（共{total}件，已发{shipped}件）；其余商品将另行寄出。",
    },
    "wismo.partial_uncounted": {
        "en": "{order} has partly shipped; the rest will follow separately.",
        "es": "{order} se ha enviado en parte; el resto llegará por separado.",
        "fr": "{order} a été expédiée en partie ; le reste suivra séparément.",
        "de": "{order} wurde teilweise versandt; der Rest folgt separat.",
        "pt": "{order} foi enviado em parte; o restante seguirá separadamente.",
        "it": "{order} è stato spedito in parte; il resto seguirà a parte.",
        "nl": "{order} is gedeeltelijk verzonden; de rest volgt apart.",
        "zh": "{order}已部分发货；其余商品将另行寄出。",
    },
    "wismo.rest_ship_window": {
        "en": "Remaining items expected to ship: {window}", "es": "Envío previsto del resto: {window}",
        "fr": "Expédition prévue du reste : {window}", "de": "Voraussichtlicher Versand der übrigen Artikel: {window}",
        "pt": "Envio previsto do restante: {window}", "it": "Spedizione prevista del resto: {window}",
        "nl": "Verwachte verzending van de rest: {window}", "zh": "其余商品预计发货：{window}",
    },
    "wismo.rest_late": {
        "en": "The remaining items are taking longer than expected to ship. Our team will look into it and update "
              "you.",
        "es": "Los artículos restantes están tardando más de lo previsto en enviarse. Nuestro equipo lo revisará y "
              "te informará.",
        "fr": "Les articles restants prennent plus de temps que prévu à être expédiés. Notre équipe va vérifier et "
              "revenir vers vous.",
        "de": "Die übrigen Artikel brauchen länger als erwartet bis zum Versand. Unser Team kümmert sich darum und "
              "meldet sich bei Ihnen.",
        "pt": "Os itens restantes estão demorando mais do que o previsto para serem enviados. Nossa equipe vai "
              "verificar e dar um retorno.",
        "it": "Gli articoli rimanenti stanno richiedendo più tempo del previsto per la spedizione. Il nostro team "
              "verificherà e ti aggiornerà.",
        "nl": "De overige artikelen worden later verzonden dan verwacht. Ons team zoekt het uit en laat je iets "
              "weten.",
        "zh": "其余商品的发货时间比预期更长。我们的团队会跟进并告知您。",
    },
    "wismo.shipped": {
        "en": "{order} has shipped.", "es": "{order} se ha enviado.", "fr": "{order} a été expédiée.",
        "de": "{order} wurde versandt.", "pt": "{order} foi enviado.", "it": "{order} è stato spedito.",
        "nl": "{order} is verzonden.", "zh": "{order}已发货。",
    },
    "wismo.shipped_many": {
        "en": "{order} has shipped in {count} parcels.", "es": "{order} se ha enviado en {count} paquetes.",
        "fr": "{order} a été expédiée en {count} colis.", "de": "{order} wurde in {count} Paketen versandt.",
        "pt": "{order} foi enviado em {count} pacotes.", "it": "{order} è stato spedito in {count} pacchi.",
        "nl": "{order} is verzonden in {count} pakketten.", "zh": "{order}已分{count}个包裹发货。",
    },
    "wismo.no_tracking": {
        "en": "Tracking details are not available yet; we will share them as soon as the carrier provides them.",
        "es": "Los datos de seguimiento aún no están disponibles; te los enviaremos en cuanto el transportista los "
              "facilite.",
        "fr": "Le suivi n'est pas encore disponible ; nous vous l'enverrons dès que le transporteur le fournira.",
        "de": "Die Sendungsverfolgung ist noch nicht verfügbar; wir schicken sie Ihnen, sobald der "
              "Versanddienstleister sie bereitstellt.",
        "pt": "Os dados de rastreamento ainda não estão disponíveis; enviaremos assim que a transportadora os "
              "fornecer.",
        "it": "I dati di tracciamento non sono ancora disponibili; te li invieremo appena il corriere li fornirà.",
        "nl": "De trackinggegevens zijn nog niet beschikbaar; we sturen ze zodra de vervoerder ze doorgeeft.",
        "zh": "物流信息暂不可用；承运商提供后我们会立即发给您。",
    },
    "wismo.cancelled": {
        "en": "{order} was cancelled on {date}.", "es": "{order} se canceló el {date}.",
        "fr": "{order} a été annulée le {date}.", "de": "{order} wurde am {date} storniert.",
        "pt": "{order} foi cancelado em {date}.", "it": "{order} è stato annullato il {date}.",
        "nl": "{order} is geannuleerd op {date}.", "zh": "{order}已于{date}取消。",
    },
    "wismo.cancelled_next": {
        "en": "If you did not expect this, reply here and our team will help.",
        "es": "Si no lo esperabas, responde aquí y nuestro equipo te ayudará.",
        "fr": "Si vous ne vous y attendiez pas, répondez ici et notre équipe vous aidera.",
        "de": "Falls Sie das nicht erwartet haben, antworten Sie hier und unser Team hilft Ihnen.",
        "pt": "Se você não esperava por isso, responda aqui e nossa equipe vai ajudar.",
        "it": "Se non te lo aspettavi, rispondi qui e il nostro team ti aiuterà.",
        "nl": "Had je dit niet verwacht? Antwoord hier en ons team helpt je verder.",
        "zh": "如果这不在您的预期之内，请在此回复，我们的团队会帮助您。",
    },
    "wismo.refunded": {
        "en": "{order} has been refunded in full.", "es": "{order} se ha reembolsado por completo.",
        "fr": "{order} a été entièrement remboursée.", "de": "{order} wurde vollständig erstattet.",
        "pt": "{order} foi reembolsado integralmente.", "it": "{order} è stato rimborsato per intero.",
        "nl": "{order} is in zijn geheel terugbetaald.", "zh": "{order}的全部款项已退还。",
    },
    "wismo.partially_refunded": {
        "en": "{order} has been partly refunded.", "es": "{order} se ha reembolsado en parte.",
        "fr": "{order} a été remboursée en partie.", "de": "{order} wurde teilweise erstattet.",
        "pt": "{order} foi reembolsado em parte.", "it": "{order} è stato rimborsato in parte.",
        "nl": "{order} is gedeeltelijk terugbetaald.", "zh": "{order}已部分退款。",
    },
    "wismo.refund_timing": {
        "en": "Depending on your bank, a refund can take a few business days to appear on your statement.",
        "es": "Según tu banco, un reembolso puede tardar unos días hábiles en aparecer en tu extracto.",
        "fr": "Selon votre banque, un remboursement peut mettre quelques jours ouvrés à apparaître sur votre relevé.",
        "de": "Je nach Bank kann es einige Werktage dauern, bis eine Erstattung auf Ihrem Kontoauszug erscheint.",
        "pt": "Dependendo do seu banco, um reembolso pode levar alguns dias úteis para aparecer no extrato.",
        "it": "A seconda della tua banca, un rimborso può richiedere alcuni giorni lavorativi per comparire "
              "nell'estratto conto.",
        "nl": "Afhankelijk van je bank kan het een paar werkdagen duren voordat een terugbetaling op je afschrift "
              "staat.",
        "zh": "视您的银行而定，退款可能需要几个工作日才会显示在账单上。",
    },
    "wismo.parcel_one": {
        "en": "The parcel", "es": "El paquete", "fr": "Le colis", "de": "Das Paket", "pt": "O pacote",
        "it": "Il pacco", "nl": "Het pakket", "zh": "包裹",
    },
    "wismo.parcel_nth": {
        "en": "Parcel {index} of {count}", "es": "El paquete {index} de {count}", "fr": "Le colis {index} sur {count}",
        "de": "Paket {index} von {count}", "pt": "O pacote {index} de {count}", "it": "Il pacco {index} di {count}",
        "nl": "Pakket {index} van {count}", "zh": "第{index}个包裹（共{count}个）",
    },
    "wismo.carrier": {
        "en": "Carrier: {carrier}", "es": "Transportista: {carrier}", "fr": "Transporteur : {carrier}",
        "de": "Versanddienstleister: {carrier}", "pt": "Transportadora: {carrier}", "it": "Corriere: {carrier}",
        "nl": "Vervoerder: {carrier}", "zh": "承运商：{carrier}",
    },
    "wismo.tracking_number": {
        "en": "Tracking number: {number}", "es": "Número de seguimiento: {number}",
        "fr": "Numéro de suivi : {number}", "de": "Sendungsnummer: {number}",
        "pt": "Código de rastreamento: {number}", "it": "Numero di tracciamento: {number}",
        "nl": "Trackingnummer: {number}", "zh": "物流单号：{number}",
    },
    "wismo.tracking_url": {
        "en": "Track it: {url}", "es": "Seguimiento: {url}", "fr": "Suivi : {url}", "de": "Sendungsverfolgung: {url}",
        "pt": "Rastreamento: {url}", "it": "Tracciamento: {url}", "nl": "Volg het hier: {url}", "zh": "物流追踪：{url}",
    },
    "wismo.window": {
        "en": "Expected delivery: {window}", "es": "Entrega prevista: {window}", "fr": "Livraison prévue : {window}",
        "de": "Voraussichtliche Zustellung: {window}", "pt": "Entrega prevista: {window}",
        "it": "Consegna prevista: {window}", "nl": "Verwachte bezorging: {window}", "zh": "预计送达：{window}",
    },
    "wismo.late": {
        "en": "It was expected by {date} and is running late. Our team will look into it.",
        "es": "Se esperaba para el {date} y lleva retraso. Nuestro equipo lo revisará.",
        "fr": "Il était attendu pour le {date} et a du retard. Notre équipe va vérifier.",
        "de": "Es wurde bis {date} erwartet und ist verspätet. Unser Team kümmert sich darum.",
        "pt": "Era esperado até {date} e está atrasado. Nossa equipe vai verificar.",
        "it": "Era atteso entro {date} ed è in ritardo. Il nostro team verificherà.",
        "nl": "Het werd uiterlijk {date} verwacht en is te laat. Ons team zoekt het uit.",
        "zh": "原预计于{date}前送达，现已延误。我们的团队会跟进。",
    },
}
