"""Dutch: intent and signal patterns, FAQ stop words (see the package docstring for the rules)."""
_ORDER = r"(?:bestelling|pakket|pakje|zending|levering|order|spullen|artikel|aankoop)\w*"
_MY = r"(?:mijn|de|onze|het)"

INTENTS = {
    "order_status": (
        rf"waar (?:is|blijft|zijn|blijven) {_MY} {_ORDER}",
        rf"(?:status|stand) (?:van )?(?:mijn |de )?{_ORDER}",
        r"track (?:&|en|and) trace|trackingnummer|tracking ?(?:code|link|nummer)|volgnummer|bestelstatus|verzendstatus",
        r"(?:nog )?(?:niet|niks|nooit|nog steeds niet) (?:ontvangen|binnen|aangekomen|geleverd|bezorgd|verzonden|"
        r"verstuurd|"
        r"gekregen)",
        rf"(?:is|zijn|werd|wordt) {_MY} {_ORDER} (?:al )?(?:verzonden|verstuurd|onderweg|vertrokken)",
        rf"{_ORDER} (?:is )?(?:vertraagd|kwijt|zoek|verloren|vast|te laat)",
        rf"(?:nieuws|update) (?:over|van|omtrent) {_MY} {_ORDER}",
    ),
    "delivery_time": (
        r"wanneer (?:komt|komen|wordt|worden|krijg|ontvang|word|zal|gaat|verzenden|versturen|leveren|bezorgen|"
        r"is (?:mijn|het|de) \w+ (?:er|binnen))",
        r"wanneer kan ik (?:het|mijn \w+|de \w+) verwachten",
        r"hoe lang (?:duurt|duren|doet|zal|gaat)|hoeveel dagen|binnen hoeveel (?:dagen|tijd)",
        r"(?:lever|verzend|bezorg|verwerkings)(?:tijd|tijden|duur|datum|termijn)",
        r"(?:verwachte|geschatte) (?:levering|leverdatum|bezorging|aankomst)",
        r"(?:op tijd|nog) voor (?:kerst|sinterklaas|pasen|\w+dag)",
    ),
    "returns": (
        r"retour\w*|terugsturen|terugzenden|terugbetal\w*|terugstor\w*|geld terug|ruil\w*|omruil\w*|herroep\w*|"
        r"restitutie",
        r"terug (?:sturen|zenden|geven|brengen|storten|betalen)|(?:stuur|sturen|zend) (?:\w+ ){0,3}terug",
    ),
    "cancel_or_change": (
        r"annuler\w*|cancel\w*|(?:bestelling|order) (?:intrekken|stopzetten|ongedaan maken)",
        r"(?:adres|afleveradres|bezorgadres|verzendadres)\w* (?:wijzigen|veranderen|aanpassen|corrigeren|is fout|"
        r"klopt niet|verkeerd)",
        r"(?:wijzig|verander|pas) (?:\w+ ){0,2}(?:adres|afleveradres|bezorgadres)\w*",
        r"(?:verkeerde?|foute?|nieuwe?) (?:adres|afleveradres|bezorgadres)",
        r"(?:bestelling|order) (?:wijzigen|aanpassen|veranderen)|(?:toevoegen aan|verwijderen uit) (?:mijn|de) "
        r"(?:bestelling|order)",
    ),
    "shipping_info": (
        r"(?:leveren|verzenden|versturen|sturen|bezorgen) (?:jullie|u) (?:ook )?(?:naar|in|internationaal|buiten)",
        r"(?:verzending|levering|bezorging) naar (?!huis)[a-z]+|internationale? (?:verzending|levering)|buitenland",
        r"(?:verzend|lever|bezorg|porto)(?:kosten|tarieven|tarief|opties|methoden|landen)",
        r"wat kost (?:de |het )?(?:verzending|levering|bezorging|verzenden)|portokosten",
        r"(?:gratis|kosteloze) (?:verzending|levering|bezorging)|(?:verzending|levering|bezorging) (?:is )?(?:gratis|"
        r"kosteloos)",
        r"(?:welke|naar welke) landen|douane\w*|invoerrechten|importheffing\w*|inklaring\w*",
    ),
    "price_complaint": (
        r"(?:te|zo|erg|heel|veel te|echt) duur|overprijsd",
        r"prijs (?:is )?(?:gedaald|verlaagd|veranderd|lager|omlaag)|prijsverschil|prijsdaling|prijsverlaging|"
        r"prijsgarantie",
        r"goedkoper (?:bij|op|elders|nu|in)",
        r"(?:kortings|actie|promo)?(?:code|korting|coupon|waardebon|bon) (?:werkt|doet|is|wordt|werd) (?:\w+ )?"
        r"(?:niet|ongeldig|verlopen)",
        r"(?:vergeten|vergat) (?:\w+ ){0,3}(?:kortingscode|korting|code|coupon|waardebon)",
        r"(?:kortingscode|korting|code|coupon) (?:\w+ ){0,3}vergeten",
        r"volle prijs (?:betaald|gedaan)|(?:nu|inmiddels) (?:in de )?(?:aanbieding|uitverkoop|sale|afgeprijsd)",
    ),
    "damaged_or_wrong": (
        r"kapot\w*|beschadig\w*|defect\w*|gebroken|gebarsten|gescheurd|gedeukt|gekrast|bekrast|vlekken|lekt|gelekt",
        r"werkt niet meer|doet het niet meer|gaat niet aan|(?:is|zijn|was|waren|ging|gingen|kwam|kwamen|aangekomen) "
        r"stuk",
        r"(?:verkeerde?|foute?) (?:artikel|product|maat|kleur|item|pakket|bestelling|model|spullen|ding)"
        r"(?! (?:besteld|gekozen))",
        r"niet (?:wat|hetgeen) ik (?:besteld|gekocht) (?:heb|had)",
        r"(?:ontvangen|gestuurd|geleverd|gekregen) (?:\w+ ){0,2}(?:verkeerde?|foute?)",
        r"ontbre\w*|mist|missen|ik mis|onvolledig|incompleet|lege (?:doos|verpakking|pakket|pakje)|slechte kwaliteit",
    ),
    "human": (
        r"(?:praten|spreken|chatten|contact|in contact komen|doorverbonden) met (?:een |de |jullie |uw )?(?:echte? )?"
        r"(?:mens|persoon|medewerker\w*|agent|klantenservice|eigenaar|iemand|manager|leidinggevende)",
        r"met (?:een |de |jullie |uw )?(?:echte? )?(?:mens|persoon|medewerker\w*|agent|eigenaar|iemand|manager|"
        r"leidinggevende)(?: \w+){0,2} (?:praten|spreken|chatten|bellen)",
        r"(?:echt|echte) (?:mens|persoon|medewerker)|menselijke? (?:medewerker|hulp)",
        r"^(?:een )?(?:mens|medewerker|persoon|agent)(?: aub| alstublieft| graag| nu)?[ .!?]*$",
        r"(?:ben je|bent u|is dit|praat ik met) (?:een )?(?:bot|robot|machine|ai|echt persoon|mens|computer)",
        r"(?:bel|bellen) (?:mij|me) (?:\w+ )?(?:op|terug)|(?:kunnen|kan) (?:jullie|u|iemand) (?:mij|me) (?:bellen|"
        r"terugbellen)",
        r"terugbellen",
    ),
    "thanks": (
        r"bedankt|dank (?:je|u|jullie)(?: wel)?|dankjewel|dankuwel",
    ),
    "pre_sale": (
        r"op voorraad|voorradig|uitverkocht|beschikbaar\w*|leverbaar|weer (?:binnen|beschikbaar|op voorraad)",
        r"welke maat|maattabel|maatadvies|valt (?:het |de |deze )?(?:klein|groot|normaal)|(?:klein|groot|normaal) "
        r"(?:uit|valt)",
        r"(?:hebben|verkopen|voeren) jullie (?:dit|deze|het|ook|nog|dat|die)|(?:heeft|hebt) u (?:dit|deze|het|ook|"
        r"nog|dat|die)",
        r"is (?:dit|deze|het) (?:ook )?(?:verkrijgbaar|leverbaar|te koop)|bestaat (?:dit|deze|het) (?:ook )?(?:in|met)",
        r"(?:is|zijn) (?:dit|deze|het|die) (?:\w+ )?(?:waterdicht|compatibel|origineel|echt|wasbaar|van (?:katoen|"
        r"leer))",
        r"compatibel met|(?:van )?welk materiaal|afmetingen|hoe groot is",
        r"hoe (?:kan ik )?(?:bestellen|betalen|kopen)|betaalmethode\w*|betaalmogelijkhe\w*",
        r"(?:accepteren jullie|kan ik betalen met|kan ik met) \w+",
        r"(?:is er|hebben jullie|zijn er) (?:een |enige )?(?:korting|kortingscode|actie|aanbieding|coupon)",
        r"garantie|cadeaubon|cadeaukaart|inpakken als cadeau",
    ),
}

SIGNALS = {
    "angry": (
        r"schandalig|schande|belachelijk|onacceptabel|onaanvaardbaar|waardeloos|waardeloze|"
        r"slecht(?:ste)? (?:service|winkel|bedrijf|ervaring)|oplichter\w*|oplichting|opgelicht|afzetter\w*|dieven|boos|"
        r"woedend|kwaad|ben het zat|kut\w*|godverdomme|verdomme|klote|nooit meer|leugenaar\w*|gelogen|bedrog|"
        r"bedrieg\w*|"
        r"incompetent\w*|lachertje",
    ),
    "legal": (
        r"chargeback|terugboeking\w*|terugvordering|(?:betaling|afschrijving) (?:terugboeken|terugdraaien|storneren)",
        r"geschil\w*|dispuut|paypal[- ]?(?:claim|geschil|zaak|case)|(?:claim|geschil|zaak) (?:bij|via) (?:paypal|de "
        r"bank|"
        r"mijn bank|klarna)",
        r"advoca\w*|jurist\w*|rechter|rechtbank|rechtszaak|juridisch\w*|aangifte|aanklagen|politie|consumentenbond",
        r"geschillencommissie|consuwijzer|(?:claim|klacht|zaak) (?:indienen|openen|starten)",
    ),
    "review_threat": (
        r"(?:slechte|negatieve) (?:reviews?|recensies?|beoordeling\w*)|(?:1|één|nul|0) sterr?(?:en)?",
        r"kiyoh|trustpilot|sociale media|iedereen waarschuwen",
    ),
    "money": (
        r"terugbetal\w*|terugstort\w*|geld terug|mijn geld|restitutie|schadevergoeding|compensatie|vergoeding|"
        r"tegoedbon",
        r"(?:dubbel|twee keer|2 keer|2x|twee maal) (?:afgeschreven|betaald|gerekend|afgeboekt|in rekening gebracht)",
        r"te veel (?:betaald|afgeschreven|gerekend)",
    ),
}

STOP_WORDS = frozenset("""
aan al als bij dat de deze die dit door een en er haar heb hebben heeft het hier hij hoe ik in is je jij jullie kan
kunnen maar me met mij mijn na naar niet nog nu of om onder ons onze ook op over te tot u uw van veel voor waar wat
we wel wij wordt worden zal ze zich zijn zo zou hallo hoi goedemorgen goedemiddag bedankt graag alstublieft aub
vraag weten
""".split())
