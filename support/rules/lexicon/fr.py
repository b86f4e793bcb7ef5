"""French: intent and signal patterns, FAQ stop words (see the package docstring for the rules)."""
_ORDER = r"(?:commandes?|colis|paquets?|livraisons?|achats?|articles?|envois?)"
_MY = r"(?:ma|mon|mes|la|le|les|notre|nos)"

INTENTS = {
    "order_status": (
        rf"où (?:en )?(?:est|sont) {_MY} {_ORDER}",
        rf"(?:suivi|statut|état|status) (?:de |du |des )?(?:{_MY} )?{_ORDER}",
        r"(?:numéro|lien|code) de suivi",
        r"(?:je n'ai|j'ai|je n ai|on n'a|nous n'avons) (?:toujours )?(?:pas|jamais|rien) (?:encore )?reçu",
        rf"{_MY} {_ORDER} (?:n'est|n'a|ne sont|n'ont|ne s'est) (?:toujours |pas |jamais |encore )*"
        r"(?:arrivée?s?|expédiée?s?|livrée?s?|partie?s?|été expédiée?s?|été livrée?s?|été envoyée?s?)",
        rf"{_MY} {_ORDER} (?:a|ont|est|sont)(?:-t-elle|-t-il| elle| il)? (?:bien )?(?:déjà )?(?:été )?"
        r"(?:expédiée?s?|envoyée?s?|partie?s?)",
        rf"(?:avez[- ]vous|vous avez) (?:bien )?(?:déjà )?(?:expédié|envoyé) {_MY}",
        rf"{_ORDER} (?:est |a )?(?:en retard|retardée?|bloquée?|perdue?|égarée?)",
        rf"(?:des )?nouvelles (?:de|concernant|sur) {_MY} {_ORDER}",
        rf"suivre {_MY} {_ORDER}",
    ),
    "delivery_time": (
        r"quand (?:est[- ]ce que |est ce que )?(?:vais[- ]je|je vais|je recevrai|recevrai[- ]je|arrivera|arriveront|"
        r"sera|seront|va arriver|vont arriver|ma commande|mon colis|le colis|la commande|pourrai[- ]je|expédiez|"
        r"envoyez|expédierez|livrerez)",
        r"combien de (?:temps|jours|semaines)|en combien de temps",
        r"(?:délais?|temps|date|durée) (?:de |d')?(?:livraison|expédition|acheminement|réception|traitement)",
        r"date (?:de livraison )?(?:prévue|estimée)|livraison (?:prévue|estimée)",
        r"(?:arrivera|sera livrée?|arrive)(?:-t-il|-t-elle| t il| t elle)? (?:avant|pour|à temps)",
    ),
    "returns": (
        r"(?<!suis de )(?<!est de )retours?(?! en stock| de vacances)|retourn\w*",
        r"rembours\w*",
        r"échang\w*",
        r"renvoyer (?:le|la|les|l'|ce|cet|cette|ces)",
    ),
    "cancel_or_change": (
        r"annul\w*",
        r"(?:changer|modifier|corriger|mettre à jour) (?:mon |ma |l'|d')?adresse",
        r"adresse (?:de livraison )?(?:erronée|incorrecte|fausse|mauvaise)|mauvaise adresse|nouvelle adresse",
        r"(?:modifier|changer) (?:ma|la) commande",
        r"(?:ajouter|retirer|enlever|supprimer) (?:\w+ ){0,3}(?:à|de|dans) (?:ma|la) commande",
    ),
    "shipping_info": (
        r"(?:livrez|expédiez|envoyez)(?:[- ]vous)?(?: aussi)? (?:en|au|aux|à|vers|dans|hors|partout)",
        r"(?:vous )?(?:livrez|expédiez|envoyez) (?:à|en|au|aux)",
        r"livraison (?:à l'|à l )?(?:international\w*|étranger)|(?:à l'|à l )(?:étranger|international)",
        r"(?:frais|coûts?|prix|tarifs?) (?:de |d')?(?:livraison|port|expédition|envoi|douane)",
        r"(?:livraison|frais de port|port)(?: est[- ](?:elle|il)| est| sont)? (?:gratuite?s?|offerte?s?)",
        r"combien (?:coûte|coûtent|sont|est) (?:la livraison|les frais|l'envoi|le port|l'expédition)",
        r"(?:quels|dans quels) pays",
        r"douanes?|droits d'importation|taxes d'importation",
    ),
    "price_complaint": (
        r"(?:trop|très|vraiment|super|hyper) cher|hors de prix",
        r"(?:le )?prix (?:a |est )?(?:baissé|diminué|changé|plus bas|moins cher)|baisse de prix|différence de prix",
        r"moins cher (?:sur|chez|ailleurs|ici|maintenant|en)",
        r"(?:code|coupon|bon|réduction|remise)(?: de réduction| promo| de remise)? (?:ne )?(?:fonctionne|marche|"
        r"s'applique|s'est appliqué|est|a) (?:pas|plus)",
        r"(?:code|coupon|réduction|remise)(?: promo)? (?:invalide|expiré|refusé|non valide)",
        r"oubliée? (?:d'utiliser|de mettre|d'appliquer|d'entrer) (?:le |mon |un |la )?(?:code|coupon|réduction|remise|"
        r"bon)",
        r"payée? (?:le )?(?:plein tarif|prix fort|prix plein)|(?:maintenant|depuis) en (?:promo|solde|promotion)s?",
    ),
    "damaged_or_wrong": (
        r"cass(?:é|ée|és|ées)|abîm\w*|endommag\w*|défectueu\w*|fissur\w*|brisée?s?|écrasée?s?|déchiré\w*|rayée?s?|"
        r"bosselée?s?|ne fonctionne plus|ne marche plus|ne s'allume pas|en panne|hors service",
        r"(?<!commandé la )(?<!commandé le )(?<!choisi la )(?<!choisi le )(?<!pris la )(?:mauvais|mauvaise|faux|"
        r"fausse) "
        r"(?:articles?|produits?|taille|couleur|modèle|colis|commande|objets?|pièces?|référence)",
        r"(?:pas|n'est pas) ce que j'ai (?:commandé|acheté)|ne correspond pas (?:à|avec) (?:ma commande|ce que)",
        r"(?:reçu|envoyé|livré)(?: le| la| un| une)? (?:mauvais|mauvaise|autre)",
        r"(?:il )?manque (?:un|une|des|deux|\w+) (?:articles?|produits?|pièces?|parties?|éléments?)",
        r"(?:articles?|produits?|pièces?) manquante?s?|incomplète?|(?:colis|boîte|carton) vide",
        r"mauvaise qualité|qualité médiocre",
    ),
    "human": (
        r"(?:parler|discuter|échanger|m'entretenir) (?:à|avec) (?:un |une |le |la |votre |un vrai |une vraie "
        r")?(?:humain|"
        r"personne|agent|conseill\w*|opérat\w*|responsable|gérant|service client|employé|membre|quelqu'un)",
        r"(?:un |une )?(?:vrai|vraie) (?:humain|personne|conseiller|conseillère)|personne réelle",
        r"^(?:un )?(?:humain|agent|conseiller|opérateur)(?: svp| s'il vous plaît| stp)?[ .!?]*$",
        r"(?:es[- ]tu|êtes[- ]vous|c'est|est[- ]ce) (?:un |une )?(?:bot|robot|machine|ia|vraie personne|humain)",
        r"(?:je veux|je voudrais|j'aimerais|besoin d') (?:parler à )?(?:un |une )?(?:humain|vraie personne|conseiller|"
        r"agent)",
        r"(?:appelez[- ]moi|rappelez[- ]moi|m'appeler|me rappeler|me téléphoner)",
    ),
    "thanks": (
        r"merci|je vous remercie|remerci\w*|c'est gentil",
    ),
    "pre_sale": (
        r"en stock|(?:de )?retour en stock|rupture|disponibl\w*|réassort",
        r"(?:quelle|quel) taille|guide des tailles|tableau des tailles|taille (?:petit|grand|normalement)",
        r"(?:avez[- ]vous|vous avez|vendez[- ]vous|vous vendez) (?:ce|cet|cette|ces|le|la|les|du|des|en|d'autres|"
        r"encore)",
        r"existe[- ]t[- ]il|(?:ça|ca) existe",
        r"(?:est[- ]il|est[- ]elle|c'est|est[- ]ce) (?:\w+ )?(?:imperméable|compatible|original|authentique|lavable|"
        r"en coton|en cuir|résistant)",
        r"compatible avec|(?:en )?quelle matière|dimensions",
        r"comment (?:commander|acheter|payer|passer (?:une )?commande)|(?:moyens?|modes?) de paiement",
        r"(?:acceptez[- ]vous|vous acceptez|payer (?:avec|par|en)) \w+",
        r"(?:y a[- ]t[- ]il|avez[- ]vous) (?:un |une |des )?(?:code|promo|réduction|remise)",
        r"garantie|cartes? cadeau|emballage cadeau",
    ),
}

SIGNALS = {
    "angry": (
        r"inadmissible|inacceptable|scandal\w*|(?:la |quelle )?honte|honteu\w*|ridicule|nuls?|nulle|lamentable|"
        r"pathétique|horrible|catastroph\w*|arnaque\w*|escroc\w*|escroquerie|voleurs?|furieu\w*|en colère|énervé\w*|"
        r"j'en ai marre|marre|merde|putain|bordel|foutage de gueule|plus jamais|jamais plus|"
        r"pire (?:service|boutique|expérience)|menteur\w*|mensonges?|incompétent\w*",
    ),
    "legal": (
        r"rejet de débit|rétrofacturation|chargeback|opposition (?:bancaire|sur (?:ma|la) carte)|faire opposition",
        r"litiges?|contestation|contester (?:le|la) (?:paiement|prélèvement|transaction)",
        r"avocat\w*|poursuites?|(?:porter |déposer )?plainte|tribunal|justice|mise en demeure|action en justice",
        r"signalconso|dgccrf|(?:ouvrir|ouvert|ouvrirai) (?:un |une )?(?:litige|réclamation|dossier|dispute)",
        r"réclamation (?:sur|auprès de|chez) (?:paypal|ma banque|la banque)|litige paypal",
    ),
    "review_threat": (
        r"(?:mauvais|mauvaise|négatif|négative|pire) (?:avis|note|commentaire|évaluation)|avis (?:très )?négatif",
        r"(?:une|1|0|zéro) étoiles?|trustpilot|avis vérifiés|réseaux sociaux",
        r"(?:je vais|vais) (?:le dire|prévenir) (?:à )?(?:tout le monde|tous)",
    ),
    "money": (
        r"rembours\w*|mon argent|un avoir|geste commercial|compensation|dédommag\w*|indemnis\w*",
        r"(?:débitée?|prélevée?|facturée?|payée?)s? (?:deux fois|2 fois|en double|à double)",
        r"double (?:débit|prélèvement|paiement)|trop (?:payé|perçu|facturé)",
    ),
}

STOP_WORDS = frozenset("""
a au aux avec ce ces cet cette dans de des du elle en et est il ils je la le les leur lui ma mais me meme mes moi mon
ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l
m n s t y ete etre ai as avons avez ont suis es sommes etes sont bonjour bonsoir salut merci svp plait voudrais veux
peux pouvez savoir est-ce quoi comment
""".split())
