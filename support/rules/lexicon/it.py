"""Italian: intent and signal patterns, FAQ stop words (see the package docstring for the rules)."""
_ORDER = r"(?:ordin[ei]|pacc(?:o|hi)|pacchett[oi]|spedizion[ei]|acquist[oi]|articol[oi]|consegn[ae]|ordinazion[ei])"
_MY = r"(?:il mio|la mia|i miei|le mie|il|la|i|le|mio|mia|l')"

INTENTS = {
    "order_status": (
        rf"(?:dove|dov') ?(?:è|sono|si trova|si trovano|è finit[oa]|sono finit[ie]) {_MY} ?{_ORDER}",
        rf"(?:stato|tracciamento|tracking|monitoraggio) (?:del|dell'|della|dei|delle|di) ?(?:mio |mia |miei |mie "
        rf")?{_ORDER}",
        rf"a che punto (?:è|sono) {_MY} ?{_ORDER}",
        r"(?:codice|numero|link) (?:di )?(?:tracciamento|tracking|spedizione)|traccia(?:re)? (?:il |l')?(?:ordine|"
        r"pacco)",
        r"non (?:mi )?(?:ho|abbiamo|è|sono|è stat[oa]|è mai|sono mai|ho mai)? ?(?:ancora |mai )?"
        r"(?:ricevut[oa]|arrivat[oaie]|spedit[oaie]|consegnat[oaie])(?! (?:una |nessuna )?risposta)",
        r"(?:è|sono) (?:già )?stat[oaie] spedit[oaie]|(?:avete|è) (?:già )?spedit[oa]|è partit[oa]",
        rf"{_ORDER} (?:è )?(?:in ritardo|bloccat[oa]|pers[oa]|smarrit[oa]|ferm[oa])",
        rf"(?:aggiornament\w*|novità|notizie) (?:sul|sull'|sulla|del|dell'|della) ?(?:mio |mia )?{_ORDER}",
    ),
    "delivery_time": (
        r"quando (?:arriva|arriverà|arriveranno|arrivano|ricevo|riceverò|lo ricevo|la ricevo|mi arriva|verrà|sarà|"
        r"spedite|spedirete|viene|vengono|potrò ricevere|è prevista)",
        r"quanto (?:tempo )?(?:ci vuole|ci mette|ci vorrà|impiega|ci mettono)|quanto tempo per",
        r"in quanti giorni|quanti giorni (?:ci vogliono|per|servono|ci mette)",
        r"(?:tempi|tempo|data|termine|giorni) (?:di |della |prevista di |stimat[oa] di )?(?:consegna|spedizione|"
        r"arrivo)",
        r"consegna prevista|data prevista|arrivo previsto|arriva (?:prima di|per|in tempo)",
    ),
    "returns": (
        r"res[oi](?! conto)|restitu\w*|rimbors\w*|rispedir\w*|rimandar\w* indietro",
        r"(?:cambiare|cambio|sostituire) (?:\w+ ){0,2}(?:taglia|colore|misura|con (?:un|una|un'altra|un altro))",
        r"sostituzione|(?:soldi|denaro) indietro",
    ),
    "cancel_or_change": (
        r"annull\w*|cancell\w*|disdire|disdetta",
        r"(?:cambiare|modificare|correggere|aggiornare) (?:il |l'|mio |il mio )?indirizzo",
        r"indirizzo (?:sbagliato|errato|vecchio)|nuovo indirizzo",
        r"(?:modificare|cambiare) (?:il |l'|mio |il mio )?ordine",
        r"(?:aggiungere|togliere|rimuovere) (?:\w+ ){0,3}(?:al|all'|dal|dall'|nel) ?(?:mio )?ordine",
    ),
    "shipping_info": (
        r"(?:spedite|consegnate|inviate|fate spedizioni|effettuate spedizioni|spedisci|consegni) (?:anche )?"
        r"(?:in|a|al|all'|negli|nel|fuori|internazional\w*)",
        r"spedizion\w* (?:internazional\w*|all'estero|in europa|gratuit\w*|gratis)|all'estero",
        r"(?:cost[oi]|prezz[oi]|spese|tariff[ae]) (?:di |della |delle |per la |per le )?(?:spedizion[ei]|consegna|"
        r"invio)",
        r"quanto costa (?:la )?(?:spedizione|consegna)",
        r"(?:quali|in quali|che) paesi|dogan\w*|dazi|tasse (?:doganali|di importazione)",
    ),
    "price_complaint": (
        r"(?:troppo|molto|davvero|così|super) car[oaie]|carissim[oaie]|costa troppo|prezzo (?:troppo )?(?:alto|"
        r"esagerato)",
        r"(?:il )?prezzo (?:è )?(?:sceso|calato|diminuito|cambiato|più basso|ribassato)|differenza di prezzo",
        r"abbassato il prezzo|costa meno (?:su|da|altrove|adesso|ora)|più economic[oa] (?:su|da|altrove)",
        r"(?:codice|coupon|buono|sconto)(?: sconto| promozionale)? non (?:funziona|è valido|valido|viene applicato|"
        r"è stato applicato|si applica|va)",
        r"(?:codice|coupon|buono) (?:non valido|scaduto)",
        r"(?:dimenticat[oa]|scordat[oa]) (?:di )?(?:usare|inserire|applicare|mettere) (?:il |lo |un )?(?:codice|coupon|"
        r"sconto|buono)",
        r"(?:pagato|paga) (?:il )?prezzo pieno|(?:ora|adesso) (?:è )?in (?:offerta|saldo|sconto|promozione)",
    ),
    "damaged_or_wrong": (
        r"rott[oaie]|danneggiat[oaie]|difettos[oaie]|ammaccat[oaie]|graffiat[oaie]|crepat[oaie]|incrinat[oaie]|"
        r"strappat[oaie]|macchiat[oaie]|rovinat[oaie]|guast[oaie]|distrutt[oaie]",
        r"non si accende|smesso di funzionare|non funziona più",
        r"(?<!ordinato la )(?<!ordinato il )(?<!scelto la )(?<!scelto il )(?:articol[oi]|prodott[oi]|taglia|colore|"
        r"misura|"
        r"modello|ordine|pacco|pezz[oi]) (?:sbagliat[oaie]|errat[oaie]|divers[oaie]|non corrispondente)",
        r"non è (?:quello|ciò) che ho (?:ordinato|comprato)",
        r"(?:ricevuto|mandato|spedito|inviato) (?:un |una |il |la |l')?(?:\w+ )?(?:sbagliat[oaie]|divers[oaie])",
        r"(?:manca|mancano|mancava|mancavano) (?:un |una |uno |due |\w+ )?(?:articol[oi]|prodott[oi]|pezz[oi]|part[ei]|"
        r"accessori\w*)",
        r"incomplet[oa]|scatola vuota|pacco vuoto|(?:pessima|scarsa|bassa) qualità",
    ),
    "human": (
        r"(?:parlare|chattare|comunicare|mettermi in contatto|contattare) con (?:un |una |un'|il |la |qualche )?"
        r"(?:umano|persona|operat\w*|agente|addett\w*|assistente|consulente|responsabile|qualcuno|essere umano)",
        r"persona (?:reale|vera|in carne)|essere umano|operat(?:ore|rice) (?:umano|umana|reale)",
        r"^(?:un |un')?(?:umano|operatore|operatrice|persona|agente)(?: per favore| grazie| subito)?[ .!?]*$",
        r"(?:sei|è) (?:un |una )?(?:bot|robot|macchina|ia|intelligenza artificiale|persona reale|umano)\?",
        r"(?:voglio|vorrei|ho bisogno di) (?:un |una |un')?(?:umano|operatore|persona reale|operatrice)",
        r"chiamatemi|richiamatemi|mi (?:potete|può|potreste) (?:chiamare|richiamare)",
    ),
    "thanks": (
        r"grazie\w*|ringrazi\w*",
    ),
    "pre_sale": (
        r"disponibil\w*|in magazzino|esaurit[oaie]|(?:torna|tornerà|ritorna) disponibile|rifornimento",
        r"(?:che|quale) taglia|guida (?:alle|delle) taglie|tabella (?:delle )?taglie|veste (?:grande|piccol[oa]|"
        r"regolare)",
        r"(?:avete|vendete|ce l'avete) (?:anche |ancora )?(?:questo|questa|quest'|il |la |lo |in |altri|altre)",
        r"(?:è|sono) (?:\w+ )?(?:impermeabil[ei]|compatibil[ei]|original[ei]|lavabil[ei]|in cotone|in pelle)",
        r"compatibile con|(?:di )?(?:che|quale) materiale|dimensioni|misure",
        r"come (?:posso )?(?:ordinare|acquistare|comprare|pagare|fare un ordine)|(?:metodi|modalità) di pagamento",
        r"(?:accettate|posso pagare con|si può pagare con) \w+",
        r"(?:c'è|ci sono|avete) (?:un |uno |una |dei |degli |qualche )?(?:codic\w* sconto|scont[oi]|coupon|"
        r"promozion\w*|"
        r"offert\w*)",
        r"garanzia|carta regalo|buono regalo|confezione regalo",
    ),
}

SIGNALS = {
    "angry": (
        r"vergogn\w*|inaccettabile|assurd\w*|ridicol\w*|pessim[oaie]|schifo\w*|orribile|terribile|truff\w*|ladr[oi]|"
        r"furto|rubato|stuf[oa]|arrabbiat[oaie]|furios[oaie]|incazzat\w*|cazz\w*|merda|vaffanculo|mai più|"
        r"peggior\w* (?:servizio|negozio|esperienza|azienda)|bugiard[oaie]|presa in giro|prendete in giro|"
        r"incompetent[ie]",
    ),
    "legal": (
        r"chargeback|storno (?:sulla|della|con la) (?:carta|banca)|contestazione|contestare (?:il|l') ?(?:pagamento|"
        r"addebito)",
        r"disput\w*|controversia|(?:aprire|aprirò|apro|ho aperto) (?:una |un )?(?:contestazione|controversia|reclamo|"
        r"disputa|caso|pratica)",
        r"avvocat[oi]|denunci\w*|querel\w*|tribunale|giudice|azione legale|vie legali|ufficio legale",
        r"codacons|altroconsumo|associazion[ei] (?:dei )?consumatori|polizia postale",
        r"(?:reclamo|caso|controversia) (?:su|con|tramite) paypal",
    ),
    "review_threat": (
        r"(?:recension\w*|valutazion\w*|opinion\w*|feedback|commento) (?:negativ[aoie]|pessim[aoie])",
        r"(?:pessima|cattiva|brutta|negativa) (?:recensione|valutazione|opinione)|(?:una|1|zero|0) stell[ae]",
        r"trustpilot|social(?: network| media)?|(?:dirlo|raccontarlo) a tutti",
    ),
    "money": (
        r"rimbors\w*|(?:i miei|miei) soldi|soldi indietro|risarciment\w*|compensazione|indennizz\w*",
        r"(?:addebitat[oaie]|pagat[oaie]|prelevat[oaie]) (?:due volte|2 volte|doppio|in più)",
        r"doppio addebito|addebito (?:doppio|non autorizzato)",
    ),
}

STOP_WORDS = frozenset("""
a ad al alla alle allo ai agli anche che chi ci con cosa come da dal dalla dai dei del della delle dello di dove e ed
gli ha hai hanno ho i il in io la le lei li lo loro lui ma mi mia mie miei mio ne nei nel nella nelle no noi non o per
perche piu qual quale quando quanto questo questa se si sia sono su sul sulla ti tu tua tuo un una uno vi voi c l e'
ciao buongiorno buonasera salve grazie vorrei posso potete sapere
""".split())
