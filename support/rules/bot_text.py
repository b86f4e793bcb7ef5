"""The bot's own sentences (hand-off, asking for order details), in every language the app answers in.

None of them promises anything: a hand-off says a person will answer, not what they will decide."""

TEXTS = {
    "bot.handoff": {
        "en": "Thanks for your message. I've passed it to our team and a person will reply here shortly.",
        "es": "Gracias por tu mensaje. Lo he pasado a nuestro equipo y una persona te responderá aquí en breve.",
        "fr": "Merci pour votre message. Je l'ai transmis à notre équipe : une personne vous répondra ici "
              "très bientôt.",
        "de": "Danke für deine Nachricht. Ich habe sie an unser Team weitergegeben, eine Person antwortet dir "
              "hier in Kürze.",
        "pt": "Obrigado pela sua mensagem. Passei-a à nossa equipa e uma pessoa vai responder aqui em breve.",
        "it": "Grazie per il tuo messaggio. L'ho passato al nostro team e una persona ti risponderà qui a breve.",
        "nl": "Bedankt voor je bericht. Ik heb het doorgegeven aan ons team; iemand antwoordt je hier zo snel "
              "mogelijk.",
        "zh": "感谢您的留言。我已将其转交给我们的团队，工作人员会尽快在这里回复您。",
    },
    "bot.order_details": {
        "en": "I can look up your order. Please send your order number (for example #1001) and the email "
              "address or postcode used on the order.",
        "es": "Puedo buscar tu pedido. Envíame el número de pedido (por ejemplo #1001) y el correo "
              "electrónico o el código postal del pedido.",
        "fr": "Je peux retrouver votre commande. Envoyez-moi son numéro (par exemple #1001) et l'adresse "
              "e-mail ou le code postal utilisés pour la commande.",
        "de": "Ich kann deine Bestellung nachsehen. Schick mir bitte die Bestellnummer (zum Beispiel #1001) "
              "und die E-Mail-Adresse oder Postleitzahl der Bestellung.",
        "pt": "Posso procurar a sua encomenda. Envie o número da encomenda (por exemplo #1001) e o e-mail "
              "ou o código postal usados na encomenda.",
        "it": "Posso cercare il tuo ordine. Inviami il numero d'ordine (per esempio #1001) e l'indirizzo "
              "email o il CAP usati per l'ordine.",
        "nl": "Ik kan je bestelling opzoeken. Stuur je bestelnummer (bijvoorbeeld #1001) en het e-mailadres "
              "of de postcode van de bestelling.",
        "zh": "我可以帮您查询订单。请发送您的订单号（例如 #1001）以及下单时使用的电子邮件地址或邮政编码。",
    },
    "bot.order_not_found": {
        "en": "I couldn't find an order with those details. Please check the order number and the email "
              "address or postcode on the order.",
        "es": "No encontré ningún pedido con esos datos. Revisa el número de pedido y el correo electrónico "
              "o el código postal del pedido.",
        "fr": "Je n'ai trouvé aucune commande avec ces informations. Vérifiez le numéro de commande et "
              "l'adresse e-mail ou le code postal de la commande.",
        "de": "Ich habe keine Bestellung mit diesen Angaben gefunden. Bitte prüfe die Bestellnummer und die "
              "E-Mail-Adresse oder Postleitzahl der Bestellung.",
        "pt": "Não encontrei nenhuma encomenda com esses dados. Verifique o número da encomenda e o e-mail "
              "ou o código postal da encomenda.",
        "it": "Non ho trovato ordini con questi dati. Controlla il numero d'ordine e l'email o il CAP "
              "dell'ordine.",
        "nl": "Ik heb geen bestelling met deze gegevens gevonden. Controleer het bestelnummer en het "
              "e-mailadres of de postcode van de bestelling.",
        "zh": "未找到与这些信息匹配的订单。请检查订单号以及订单上的电子邮件地址或邮政编码。",
    },
    "bot.order_limited": {
        "en": "Too many order lookups for now. A person from our team will help you here.",
        "es": "Demasiadas búsquedas de pedidos por ahora. Una persona de nuestro equipo te ayudará aquí.",
        "fr": "Trop de recherches de commande pour le moment. Une personne de notre équipe va vous aider ici.",
        "de": "Im Moment zu viele Bestellabfragen. Eine Person aus unserem Team hilft dir hier weiter.",
        "pt": "Demasiadas pesquisas de encomendas por agora. Uma pessoa da nossa equipa vai ajudar aqui.",
        "it": "Troppe ricerche di ordini per ora. Una persona del nostro team ti aiuterà qui.",
        "nl": "Even te veel zoekopdrachten naar bestellingen. Iemand van ons team helpt je hier verder.",
        "zh": "订单查询次数过多。我们团队的工作人员会在这里为您提供帮助。",
    },
}
