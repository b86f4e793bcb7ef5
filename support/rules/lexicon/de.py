"""German: intent and signal patterns, FAQ stop words (see the package docstring for the rules)."""
_ORDER = r"(?:bestellung|paket|sendung|lieferung|ware|artikel|päckchen|einkauf|auftrag)\w*"
_MY = r"(?:meine|mein|meiner|meinem|meines|die|das|der|dem|unsere|unser)"

INTENTS = {
    "order_status": (
        rf"wo (?:ist|sind|bleibt|bleiben) {_MY} {_ORDER}",
        rf"(?:status|stand|verfolgung|tracking) (?:meiner|der|von meiner|meines|des|von) {_ORDER}",
        r"sendungsverfolgung\w*|sendungsnummer\w*|tracking[- ]?(?:nummer|link|code|id)\w*|trackingnummer\w*|"
        r"paketverfolgung|bestellstatus|lieferstatus|versandstatus",
        r"(?:noch )?(?:nicht|nichts|nie) (?:erhalten|bekommen|angekommen|geliefert|zugestellt|verschickt|versandt|"
        r"versendet|"
        r"da)",
        rf"(?:ist|wurde|wurden|sind) {_MY} {_ORDER} (?:schon |bereits )?(?:verschickt|versandt|versendet|unterwegs|"
        rf"raus|"
        r"rausgegangen|auf dem weg)",
        rf"{_ORDER} (?:ist |hat sich )?(?:verspätet|verloren|verschollen|hängt fest|steckt fest)",
        rf"(?:neuigkeiten|update|infos?) (?:zu|über|bezüglich) {_MY} {_ORDER}",
    ),
    "delivery_time": (
        r"wann (?:kommt|kommen|wird|werden|erhalte|bekomme|bekommen|erhalten|kriege|krieg|liefert|liefern|versendet|"
        r"versenden|verschickt|verschicken|trifft)",
        r"mit (?:der |meiner )?(?:lieferung|zustellung|ankunft|dem paket|meinem paket|meiner bestellung) rechnen",
        r"wie lange (?:dauert|braucht|brauchen|dauern|geht)",
        r"(?:liefer|versand|zustell|bearbeitungs)(?:zeit|zeiten|dauer|datum|termin)",
        r"voraussichtlich\w* (?:liefer|zustell|ankunft)\w*|wie viele tage|in wie vielen tagen",
        r"(?:rechtzeitig|noch) (?:bis|vor|zu) (?:weihnachten|ostern|\w+tag|wochenende)",
    ),
    "returns": (
        r"rück(?:sendung|gabe|senden|schicken|erstattung|zahlung|versand|geben)\w*",
        r"zurück(?:senden|schicken|geben|gesendet|geschickt|zahlen|bekommen)\w*",
        r"(?:schicke|sende|gebe|senden|schicken)\w* (?:\w+ ){0,3}zurück",
        r"erstatt\w*|geld zurück|umtausch\w*|retour\w*|widerruf\w*",
    ),
    "cancel_or_change": (
        r"stornier\w*|storno\w*|annullier\w*|canceln|(?:bestellung|auftrag) (?:zurückziehen|abbrechen)",
        r"(?:liefer|versand)?(?:adresse|anschrift) (?:ändern|korrigieren|aktualisieren|anpassen|ist falsch|war falsch|"
        r"stimmt nicht)",
        r"(?:ändern|korrigieren) (?:sie )?(?:bitte )?(?:meine |die )?(?:liefer|versand)?(?:adresse|anschrift)",
        r"(?:falsche|neue|andere) (?:liefer|versand)?(?:adresse|anschrift)|adressänderung",
        r"(?:bestellung|auftrag) (?:ändern|anpassen|bearbeiten|korrigieren)",
        r"(?:ändern|bearbeiten) (?:sie )?(?:bitte )?(?:meine|die) bestellung",
        r"(?:zu|aus) (?:meiner|der) bestellung (?:hinzufügen|entfernen)",
    ),
    "shipping_info": (
        r"(?:liefern|versenden|verschicken|schicken) (?:sie|ihr) (?:auch )?(?:nach|in die|ins|in den|international|"
        r"weltweit)",
        r"(?:versand|lieferung) (?:nach|in die|ins|in den) (?!hause)[a-z]+",
        r"internationale\w* (?:versand|lieferung)|(?:ins|in das) ausland|weltweit",
        r"(?:versand|liefer|porto|zustell)(?:kosten|gebühr\w*|preis\w*|pauschale|optionen|arten|bedingungen|länder)",
        r"(?:kosten|preis) (?:für (?:den )?|des )(?:versand|lieferung|porto)\w*",
        r"was kostet (?:der |die )?(?:versand|lieferung|porto)|wie (?:hoch|teuer) (?:ist|sind) (?:der |die )?"
        r"(?:versand|liefer|porto)\w*",
        r"(?:kostenlose\w*|gratis) (?:versand|lieferung)|versandkostenfrei\w*",
        r"(?:welche|in welche) länder",
        r"zoll\w*|einfuhr\w*|importsteuer\w*",
    ),
    "price_complaint": (
        r"(?:zu|so|sehr|viel zu|echt|total) (?:teuer|überteuert)|überteuert|wucher\w*",
        r"preis\w* (?:ist |wurde |hat sich )?(?:gesunken|gesenkt|reduziert|geändert|niedriger|runtergegangen)",
        r"preissenkung|preisänderung|preisdifferenz|preisunterschied|preisgarantie|preisanpassung",
        r"(?:billiger|günstiger) (?:bei|auf|woanders|jetzt|im|in)|woanders (?:billiger|günstiger)",
        r"(?:bei|auf) \w+ (?:ist es|ist das|gibt es das|kostet es|kostet das) (?:\w+ )?(?:billiger|günstiger)",
        r"(?:rabatt|gutschein|coupon|aktions|promo)\w*(?: ?code)? (?:funktioniert|geht|klappt|wurde|wird|ist|hat) "
        r"(?:\w+ )?"
        r"(?:nicht|ungültig|abgelaufen)",
        r"(?:rabattcode|gutscheincode|gutschein|rabatt) (?:ungültig|abgelaufen)",
        r"(?:vergessen|vergaß) (?:\w+ ){0,3}(?:rabatt|gutschein|code)\w*|(?:rabatt|gutschein|code)\w* (?:\w+ "
        r"){0,3}vergessen",
        r"vollen? preis (?:bezahlt|gezahlt)|(?:jetzt|nun) (?:im angebot|reduziert|im sale|günstiger|billiger)",
    ),
    "damaged_or_wrong": (
        r"kaputt\w*|beschädig\w*|defekt\w*|zerbroch\w*|gebrochen|zerkratzt|verkratzt|gerissen|eingedrückt|zerdrückt|"
        r"flecke?n?|undicht|ausgelaufen|mangelhaft|(?:transport|versand)schad\w*",
        r"funktioniert nicht mehr|geht nicht (?:mehr )?an|lässt sich nicht (?:einschalten|laden)",
        r"(?:falsche\w*|verkehrte\w*) (?:artikel|produkt|größe|farbe|ware|paket|sendung|modell|teil|sache|bestellung|"
        r"lieferung|menge)(?! (?:bestellt|gewählt|ausgewählt))",
        r"nicht (?:das|was|die|den)(?: was)? ich bestellt (?:habe|hatte)",
        r"(?:anderen|andere|anderes) (?:artikel|produkt|farbe|größe) (?:erhalten|bekommen|geliefert)",
        r"fehl(?:t|en|te|ten)|fehlend\w*|unvollständig",
        r"(?:leerer?|leeres) (?:karton|paket|päckchen)|schlechte qualität|minderwertig",
    ),
    "human": (
        r"(?:mit|an) (?:einem |einer |einen |ihrem |ihrer |dem |der )?(?:echten |richtigen |realen )?(?:menschen|"
        r"mensch|"
        r"mitarbeiter\w*|person|berater\w*|agent\w*|kundenberater\w*|verantwortlichen|jemand\w*)(?: \w+){0,2} "
        r"(?:sprechen|reden|chatten|verbunden|verbinden|weiterleiten|kontakt)",
        r"(?:sprechen|reden|chatten) (?:mit|an) (?:einem |einer |einen |ihrem )?(?:echten )?(?:menschen|mitarbeiter\w*|"
        r"person|berater\w*|jemand\w*)",
        r"(?:echte\w*|richtige\w*|reale\w*) (?:mensch\w*|person|mitarbeiter\w*)",
        r"^(?:ein |einen )?(?:mensch|mitarbeiter|agent|berater)(?: bitte| jetzt)?[ .!?]*$",
        r"(?:bist du|sind sie|ist das) (?:ein |eine )?(?:bot|roboter|maschine|ki|mensch|echter mensch)",
        r"(?:rufen sie mich|ruft mich) (?:\w+ )?an|rückruf\w*",
    ),
    "thanks": (
        r"danke\w*|vielen dank|besten dank|herzlichen dank|ich bedanke mich",
    ),
    "pre_sale": (
        r"(?:auf|an) lager|lagernd|vorrätig|verfügbar\w*|lieferbar|wieder (?:da|verfügbar|auf lager|erhältlich)|"
        r"ausverkauft",
        r"welche größe|größentabelle|größenberatung|passform|fällt (?:es |der |die |das )?(?:klein|groß|normal)|"
        r"(?:klein|groß|normal) aus",
        r"(?:haben|führen|verkaufen) sie (?:\w+ )?(?:auch|das|den|die|diesen|diese|dieses|noch)",
        r"gibt es (?:das|den|die|diesen|diese|dieses|es) (?:auch )?(?:in|mit|noch)",
        r"(?:ist|sind) (?:das|es|der|die|dieser|diese|dieses) (?:\w+ )?(?:wasserdicht|kompatibel|original|echt|"
        r"waschbar)",
        r"kompatibel mit|(?:aus )?welche[ms]? material|maße|abmessungen",
        r"wie (?:kann ich|bestelle ich|bezahle ich)(?: \w+)? (?:bestellen|bezahlen|kaufen)|wie bestelle ich|"
        r"wie bezahle ich",
        r"zahlungs(?:arten|methoden|möglichkeiten)|(?:akzeptieren sie|kann ich mit|bezahlen mit|zahlen mit) \w+",
        r"(?:gibt es|haben sie) (?:einen |eine |ein )?(?:rabatt|gutschein|rabattcode|gutscheincode|angebot|aktion)\w*",
        r"garantie|geschenkgutschein|geschenkverpackung",
    ),
}

SIGNALS = {
    "angry": (
        r"unverschämt\w*|frechheit|unmöglich|inakzeptabel|skandal\w*|katastroph\w*|lächerlich\w*|schlimmst\w*|"
        r"schlechteste\w*|miserabel|betrug\w*|betrüger\w*|abzocke\w*|abzocker\w*|diebe|sauer|wütend|verärgert|genervt|"
        r"reicht mir|scheiß\w*|scheiss\w*|verdammt\w*|nie wieder|lügner\w*|gelogen|zumutung|armselig|inkompetent\w*",
    ),
    "legal": (
        r"rückbuchung\w*|chargeback\w*|lastschrift (?:zurück|widerruf)\w*",
        r"(?:zahlung|lastschrift|abbuchung) (?:zurückbuchen|zurückholen|widerrufen|anfechten)|anfechten|streitfall",
        r"paypal[- ](?:fall|konflikt|streit|reklamation|käuferschutz)|konflikt bei paypal|käuferschutz",
        r"(?:fall|reklamation|beschwerde) (?:bei|über) (?:paypal|meiner bank|der bank|amazon)",
        r"anwalt\w*|rechtsanwalt\w*|(?:straf)?anzeige (?:erstatten|stellen|machen)|strafanzeige|verklagen|klage|"
        r"vor gericht|gerichtlich\w*|rechtliche\w* schritte|verbraucherzentrale|verbraucherschutz|polizei|"
        r"mahnverfahren",
    ),
    "review_threat": (
        r"(?:schlechte|negative|miese) (?:bewertung|rezension|kritik)\w*|(?:einen|1|0|null) sterne?",
        r"trustpilot|trusted shops|soziale\w* (?:medien|netzwerke)|(?:alle|allen) (?:warnen|erzählen)",
    ),
    "money": (
        r"(?:rück)?erstattung\w*|erstatt\w*|geld zurück|mein geld|entschädigung|gutschrift",
        r"(?:doppelt|zweimal|2 mal) (?:abgebucht|belastet|berechnet|bezahlt|abgezogen)",
        r"doppelte\w* (?:abbuchung|zahlung|belastung)|zu viel (?:berechnet|bezahlt|abgebucht)",
    ),
}

STOP_WORDS = frozenset("""
aber alle als also am an auch auf aus bei bin bis bitte da damit dann das dass dein deine dem den der des die dies
diese dieser dieses doch dort du durch ein eine einem einen einer eines er es etwas euch euer fur habe haben hat hatte
hier ich ihr ihre ihm ihn im in ist ja jetzt kann konnen mein meine meinem meinen meiner mich mir mit muss nach nicht
noch nur ob oder ohne sein seine sich sie sind so uber um und uns unser unsere von vor war waren was weil wenn werden
wie wir wird wo zu zum zur hallo guten tag danke mochte wurde gerne frage
""".split())
