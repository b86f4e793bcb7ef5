"""The "where is my order" catalogue, part two: one sentence per parcel state (what is happening and
what happens next; ``{parcel}`` opens it), and the short status words the agent's view and the
templates show (``wismo.status.<state>``)."""

PARCEL_SENTENCES = {
    "wismo.parcel.shipped": {
        "en": "{parcel} has been handed over for delivery.",
        "es": "{parcel} se ha entregado al transportista.",
        "fr": "{parcel} a été remis au transporteur.",
        "de": "{parcel} wurde dem Versanddienstleister übergeben.",
        "pt": "{parcel} foi entregue à transportadora.",
        "it": "{parcel} è stato affidato al corriere.",
        "nl": "{parcel} is overgedragen aan de vervoerder.",
        "zh": "{parcel}已交给承运商。",
    },
    "wismo.parcel.label_printed": {
        "en": "{parcel} is packed and labelled; tracking updates start once the carrier collects it.",
        "es": "{parcel} está embalado y etiquetado; el seguimiento empezará cuando el transportista lo recoja.",
        "fr": "{parcel} est emballé et étiqueté ; le suivi commencera dès sa prise en charge par le transporteur.",
        "de": "{parcel} ist verpackt und etikettiert; die Sendungsverfolgung beginnt, sobald der "
              "Versanddienstleister es abholt.",
        "pt": "{parcel} está embalado e etiquetado; o rastreamento começa quando a transportadora o coletar.",
        "it": "{parcel} è imballato ed etichettato; il tracciamento partirà quando il corriere lo ritirerà.",
        "nl": "{parcel} is ingepakt en gelabeld; de tracking begint zodra de vervoerder het ophaalt.",
        "zh": "{parcel}已打包并贴好面单；承运商揽收后即可开始追踪。",
    },
    "wismo.parcel.confirmed": {
        "en": "{parcel} is registered with the carrier; tracking updates start once they collect it.",
        "es": "{parcel} está registrado con el transportista; el seguimiento empezará cuando lo recoja.",
        "fr": "{parcel} est enregistré auprès du transporteur ; le suivi commencera dès sa prise en charge.",
        "de": "{parcel} ist beim Versanddienstleister angemeldet; die Sendungsverfolgung beginnt mit der Abholung.",
        "pt": "{parcel} está registrado na transportadora; o rastreamento começa na coleta.",
        "it": "{parcel} è registrato presso il corriere; il tracciamento partirà con il ritiro.",
        "nl": "{parcel} is aangemeld bij de vervoerder; de tracking begint bij het ophalen.",
        "zh": "{parcel}已在承运商处登记；揽收后即可开始追踪。",
    },
    "wismo.parcel.in_transit": {
        "en": "{parcel} is on its way.", "es": "{parcel} está en camino.", "fr": "{parcel} est en route.",
        "de": "{parcel} ist unterwegs.", "pt": "{parcel} está a caminho.", "it": "{parcel} è in viaggio.",
        "nl": "{parcel} is onderweg.", "zh": "{parcel}正在运输途中。",
    },
    "wismo.parcel.delayed": {
        "en": "{parcel} is on its way, but the carrier reports a delay.",
        "es": "{parcel} está en camino, pero el transportista informa de un retraso.",
        "fr": "{parcel} est en route, mais le transporteur signale un retard.",
        "de": "{parcel} ist unterwegs, aber der Versanddienstleister meldet eine Verzögerung.",
        "pt": "{parcel} está a caminho, mas a transportadora informa um atraso.",
        "it": "{parcel} è in viaggio, ma il corriere segnala un ritardo.",
        "nl": "{parcel} is onderweg, maar de vervoerder meldt een vertraging.",
        "zh": "{parcel}正在运输途中，但承运商报告有延误。",
    },
    "wismo.parcel.out_for_delivery": {
        "en": "{parcel} is out for delivery and should arrive today.",
        "es": "{parcel} está en reparto y debería llegar hoy.",
        "fr": "{parcel} est en cours de livraison et devrait arriver aujourd'hui.",
        "de": "{parcel} ist in Zustellung und sollte heute ankommen.",
        "pt": "{parcel} saiu para entrega e deve chegar hoje.",
        "it": "{parcel} è in consegna e dovrebbe arrivare oggi.",
        "nl": "{parcel} is onderweg voor bezorging en komt naar verwachting vandaag aan.",
        "zh": "{parcel}正在派送中，预计今天送达。",
    },
    "wismo.parcel.attempted_delivery": {
        "en": "{parcel} could not be delivered on the first attempt. The carrier usually tries again or leaves a "
              "notice saying where to collect it.",
        "es": "{parcel} no se pudo entregar en el primer intento. El transportista suele volver a intentarlo o dejar "
              "un aviso indicando dónde recogerlo.",
        "fr": "{parcel} n'a pas pu être livré lors du premier passage. Le transporteur repasse généralement ou laisse "
              "un avis indiquant où le retirer.",
        "de": "{parcel} konnte beim ersten Versuch nicht zugestellt werden. Der Versanddienstleister versucht es "
              "meist erneut oder hinterlässt eine Nachricht, wo Sie es abholen können.",
        "pt": "{parcel} não pôde ser entregue na primeira tentativa. A transportadora costuma tentar de novo ou "
              "deixar um aviso indicando onde retirá-lo.",
        "it": "{parcel} non è stato consegnato al primo tentativo. Di solito il corriere riprova o lascia un avviso "
              "con il luogo di ritiro.",
        "nl": "{parcel} kon bij de eerste poging niet worden bezorgd. De vervoerder probeert het meestal opnieuw of "
              "laat een bericht achter met de afhaallocatie.",
        "zh": "{parcel}首次派送未成功。承运商通常会再次派送，或留下取件通知。",
    },
    "wismo.parcel.ready_for_pickup": {
        "en": "{parcel} is ready to collect at the pickup point; take the tracking number and an ID with you.",
        "es": "{parcel} está listo para recoger en el punto de recogida; lleva el número de seguimiento y un "
              "documento de identidad.",
        "fr": "{parcel} est disponible au point de retrait ; munissez-vous du numéro de suivi et d'une pièce "
              "d'identité.",
        "de": "{parcel} liegt zur Abholung bereit; bringen Sie die Sendungsnummer und einen Ausweis mit.",
        "pt": "{parcel} está pronto para retirada no ponto de coleta; leve o código de rastreamento e um documento "
              "com foto.",
        "it": "{parcel} è pronto per il ritiro al punto di ritiro; porta con te il numero di tracciamento e un "
              "documento d'identità.",
        "nl": "{parcel} ligt klaar bij het afhaalpunt; neem het trackingnummer en een identiteitsbewijs mee.",
        "zh": "{parcel}已到达自提点，可以领取；请携带物流单号和身份证件。",
    },
    "wismo.parcel.delivered": {
        "en": "{parcel} was delivered on {date}. If you cannot find it, please check with neighbours or reception, "
              "then tell us here.",
        "es": "{parcel} se entregó el {date}. Si no lo encuentras, pregunta a tus vecinos o en recepción y "
              "escríbenos aquí.",
        "fr": "{parcel} a été livré le {date}. Si vous ne le trouvez pas, demandez à vos voisins ou à l'accueil, "
              "puis écrivez-nous ici.",
        "de": "{parcel} wurde am {date} zugestellt. Falls Sie es nicht finden, fragen Sie bitte bei Nachbarn oder "
              "am Empfang nach und schreiben Sie uns dann hier.",
        "pt": "{parcel} foi entregue em {date}. Se não o encontrar, pergunte aos vizinhos ou na portaria e depois "
              "fale conosco aqui.",
        "it": "{parcel} è stato consegnato il {date}. Se non lo trovi, chiedi ai vicini o alla portineria e poi "
              "scrivici qui.",
        "nl": "{parcel} is bezorgd op {date}. Kun je het niet vinden? Vraag het bij de buren of de receptie en laat "
              "het ons dan hier weten.",
        "zh": "{parcel}已于{date}送达。如果找不到，请询问邻居或前台，然后在此告诉我们。",
    },
    "wismo.parcel.delivered_undated": {
        "en": "{parcel} has been delivered. If you cannot find it, please check with neighbours or reception, then "
              "tell us here.",
        "es": "{parcel} se ha entregado. Si no lo encuentras, pregunta a tus vecinos o en recepción y escríbenos "
              "aquí.",
        "fr": "{parcel} a été livré. Si vous ne le trouvez pas, demandez à vos voisins ou à l'accueil, puis "
              "écrivez-nous ici.",
        "de": "{parcel} wurde zugestellt. Falls Sie es nicht finden, fragen Sie bitte bei Nachbarn oder am Empfang "
              "nach und schreiben Sie uns dann hier.",
        "pt": "{parcel} foi entregue. Se não o encontrar, pergunte aos vizinhos ou na portaria e depois fale "
              "conosco aqui.",
        "it": "{parcel} è stato consegnato. Se non lo trovi, chiedi ai vicini o alla portineria e poi scrivici qui.",
        "nl": "{parcel} is bezorgd. Kun je het niet vinden? Vraag het bij de buren of de receptie en laat het ons "
              "dan hier weten.",
        "zh": "{parcel}已送达。如果找不到，请询问邻居或前台，然后在此告诉我们。",
    },
    "wismo.parcel.failure": {
        "en": "{parcel} could not be delivered. Our team will check with the carrier and get back to you.",
        "es": "{parcel} no se pudo entregar. Nuestro equipo lo consultará con el transportista y te responderá.",
        "fr": "{parcel} n'a pas pu être livré. Notre équipe va se renseigner auprès du transporteur et revenir vers "
              "vous.",
        "de": "{parcel} konnte nicht zugestellt werden. Unser Team klärt das mit dem Versanddienstleister und meldet "
              "sich bei Ihnen.",
        "pt": "{parcel} não pôde ser entregue. Nossa equipe vai verificar com a transportadora e dar um retorno.",
        "it": "{parcel} non può essere consegnato. Il nostro team verificherà con il corriere e ti risponderà.",
        "nl": "{parcel} kon niet worden bezorgd. Ons team neemt contact op met de vervoerder en laat je iets weten.",
        "zh": "{parcel}无法投递。我们的团队会与承运商核实并回复您。",
    },
    "wismo.parcel.not_delivered": {
        "en": "{parcel} was not delivered. Our team will check with the carrier and get back to you.",
        "es": "{parcel} no se ha entregado. Nuestro equipo lo consultará con el transportista y te responderá.",
        "fr": "{parcel} n'a pas été livré. Notre équipe va se renseigner auprès du transporteur et revenir vers vous.",
        "de": "{parcel} wurde nicht zugestellt. Unser Team klärt das mit dem Versanddienstleister und meldet sich "
              "bei Ihnen.",
        "pt": "{parcel} não foi entregue. Nossa equipe vai verificar com a transportadora e dar um retorno.",
        "it": "{parcel} non è stato consegnato. Il nostro team verificherà con il corriere e ti risponderà.",
        "nl": "{parcel} is niet bezorgd. Ons team neemt contact op met de vervoerder en laat je iets weten.",
        "zh": "{parcel}未能送达。我们的团队会与承运商核实并回复您。",
    },
}

_WORDS = {  # state: (en, es, fr, de, pt, it, nl, zh)
    "unfulfilled": ("Not shipped yet", "Aún no enviado", "En attente d'expédition", "Noch nicht versandt",
                    "Ainda não enviado", "Non ancora spedito", "Nog niet verzonden", "尚未发货"),
    "partial": ("Partly shipped", "Enviado en parte", "Expédition partielle", "Teilweise versandt", "Enviado em parte",
                "Spedito in parte", "Gedeeltelijk verzonden", "部分发货"),
    "shipped": ("Shipped", "Enviado", "Expédié", "Versandt", "Enviado", "Spedito", "Verzonden", "已发货"),
    "label_printed": ("Label created", "Etiqueta creada", "Étiquette créée", "Etikett erstellt", "Etiqueta criada",
                      "Etichetta creata", "Label aangemaakt", "已生成面单"),
    "confirmed": ("Registered with the carrier", "Registrado con el transportista", "Enregistré chez le transporteur",
                  "Beim Versanddienstleister angemeldet", "Registrado na transportadora",
                  "Registrato presso il corriere", "Aangemeld bij de vervoerder", "已在承运商处登记"),
    "in_transit": ("On its way", "En camino", "En route", "Unterwegs", "A caminho", "In viaggio", "Onderweg", "运输中"),
    "delayed": ("Delayed", "Retrasado", "Retardé", "Verzögert", "Atrasado", "In ritardo", "Vertraagd", "延误"),
    "out_for_delivery": ("Out for delivery", "En reparto", "En cours de livraison", "In Zustellung",
                         "Saiu para entrega", "In consegna", "Wordt bezorgd", "派送中"),
    "attempted_delivery": ("Delivery attempted", "Intento de entrega", "Tentative de livraison", "Zustellversuch",
                           "Tentativa de entrega", "Tentata consegna", "Bezorgpoging gedaan", "派送未成功"),
    "ready_for_pickup": ("Ready for pickup", "Listo para recoger", "Disponible au point de retrait", "Abholbereit",
                         "Pronto para retirada", "Pronto per il ritiro", "Klaar om op te halen", "待自提"),
    "delivered": ("Delivered", "Entregado", "Livré", "Zugestellt", "Entregue", "Consegnato", "Bezorgd", "已送达"),
    "failure": ("Delivery failed", "Entrega fallida", "Échec de livraison", "Zustellung fehlgeschlagen",
                "Falha na entrega", "Consegna non riuscita", "Bezorging mislukt", "投递失败"),
    "not_delivered": ("Not delivered", "No entregado", "Non livré", "Nicht zugestellt", "Não entregue",
                      "Non consegnato", "Niet bezorgd", "未送达"),
    "cancelled": ("Cancelled", "Cancelado", "Annulé", "Storniert", "Cancelado", "Annullato", "Geannuleerd", "已取消"),
    "refunded": ("Refunded", "Reembolsado", "Remboursé", "Erstattet", "Reembolsado", "Rimborsato", "Terugbetaald",
                 "已退款"),
}

STATUS_WORDS = {
    f"wismo.status.{state}": dict(zip(("en", "es", "fr", "de", "pt", "it", "nl", "zh"), words, strict=True))
    for state, words in _WORDS.items()
}
