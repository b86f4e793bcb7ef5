"""Spanish: intent and signal patterns, FAQ stop words (see the package docstring for the rules)."""
_ORDER = r"(?:pedidos?|paquetes?|envíos?|compras?|órden(?:es)?|orden|productos?|artículos?)"
_MY = r"(?:mi|mis|el|la|los|las|nuestro|nuestra)"

INTENTS = {
    "order_status": (
        rf"(?:dónde|como|cómo) (?:está|están|va|anda|andan|queda) {_MY} {_ORDER}",
        rf"(?:estado|seguimiento|rastreo|localizador) (?:de |del )(?:{_MY} )?{_ORDER}",
        r"(?:número|código|enlace|link) de (?:seguimiento|rastreo)",
        rf"rastrear (?:{_MY} )?{_ORDER}",
        r"(?:no|aún no|todavía no|nunca) (?:me )?(?:ha|han) (?:llegado|enviado)",
        r"(?:no|aún no|todavía no|nunca) (?:he|hemos) recibido",
        r"(?:no|nunca) (?:me )?(?:llegó|llegaron|llega|llegan)",
        r"(?:ya )?(?:han|ha) enviado (?:mi|el|la|mis)",
        rf"{_MY} {_ORDER} (?:ya )?(?:fue|ha sido|está|están) (?:enviad[oa]s?|despachad[oa]s?|en camino)",
        rf"{_ORDER} (?:está |están |va |viene )?(?:retrasad[oa]s?|atrasad[oa]s?|perdid[oa]s?|extraviad[oa]s?|"
        rf"parad[oa]s?)",
        rf"(?:novedad|novedades|noticias|actualizaci\w*) (?:de|del|sobre) (?:{_MY} )?{_ORDER}",
    ),
    "delivery_time": (
        r"cuándo (?:me )?(?:llega|llegará|llegarán|llegan|recibo|recibiré|recibiría|lo recibo|lo recibiré|la recibo|"
        r"sale|"
        r"saldrá|envían|enviarán|van a enviar|va a llegar|van a llegar|voy a recibir|entregan|entregarán)",
        r"cu[aá]nto (?:tiempo )?(?:tarda|tardan|demora|demoran|tardará|tardaría|se tarda|se demora)",
        r"(?:plazos?|tiempos?|fecha) (?:de|estimad[oa] de) (?:entrega|envío|llegada)",
        r"fecha (?:estimada|prevista|aproximada)",
        r"(?:en )?cuántos días (?:llega|tarda|se tarda|demora|lo recibo|tardan)",
        r"llegará (?:antes de|para|a tiempo)",
    ),
    "returns": (
        r"devol\w*|devuelv\w*",
        r"re?embols\w*|reintegro",
        r"cambi(?:ar|o|arlo|arla|arlos) (?:por|de) (?:otr[oa]|una? talla|talla|color|tamaño)",
    ),
    "cancel_or_change": (
        r"cancel\w*|anular\w*",
        r"(?:cambiar|corregir|modificar|actualizar|editar) (?:la |mi )?dirección",
        r"dirección (?:equivocada|incorrecta|errónea|mal)|nueva dirección",
        r"(?:me equivoqué|me confundí) (?:de|en la) dirección",
        r"(?:modificar|cambiar|editar) (?:mi |el )?pedido",
        r"(?:añadir|agregar|quitar|eliminar) (?:\w+ ){0,3}(?:a|al|de|del) (?:mi )?pedido",
    ),
    "shipping_info": (
        r"(?:envían|enviáis|envías|envia|envía|mandan|hacen envíos?|realizan envíos?|entregan) (?:también )?"
        r"(?:a|al|hasta|para) (?:el |la )?(?!mi\b|mis\b|casa\b|tiempo\b)[a-z]+",
        r"envíos? internacional\w*|(?:envío )?(?:a|al) extranjero",
        r"(?:coste|costo|costes|costos|precio|precios|gastos|tarifas?|valor) (?:de|del) (?:envío|envíos|entrega|"
        r"transporte)",
        r"cuánto (?:cuesta|vale|es|sale|cobran) (?:el )?(?:envío|la entrega|mandar|enviar)",
        r"envío (?:gratis|gratuito)",
        r"(?:a )?(?:qué|cuáles) países",
        r"aduanas?|impuestos de importación|aranceles",
    ),
    "price_complaint": (
        r"(?:muy|demasiado|bastante|súper|super) car[oa]s?|carísim[oa]s?",
        r"(?:bajado|bajó|cambió|cambiado) (?:de |el )?precio|precio (?:ha )?(?:bajado|bajó|más bajo|rebajado)",
        r"diferencia (?:de|del|en el) precio",
        r"más barat[oa] (?:en|ahora|aquí|que)",
        r"(?:código|cupón|descuento)(?: de descuento| promocional)? no (?:me )?(?:funciona|sirve|se aplica|se aplicó|"
        r"aplica|funcionó|es válido|vale|lo aplica|deja)",
        r"(?:código|cupón) (?:inválido|caducado|expirado)",
        r"(?:olvidé|me olvidé de|se me olvidó) (?:usar|poner|aplicar|meter) (?:el |mi )?(?:código|cupón|descuento)",
        r"(?:pagué|cobraron|cobrado) (?:el )?precio completo",
        r"ahora (?:está|están) (?:de|en) (?:oferta|rebaja)|(?:lo|la) (?:han )?rebajado",
        r"precio (?:es )?(?:muy alto|incorrecto|distinto|diferente|equivocado)",
    ),
    "damaged_or_wrong": (
        r"rot[oa]s?|dañad[oa]s?|defectuos[oa]s?|estropead[oa]s?|rayad[oa]s?|abollad[oa]s?|agrietad[oa]s?|manchad[oa]s?|"
        r"rajad[oa]s?|golpead[oa]s?|descosid[oa]s?|roturas?",
        r"dejó de funcionar|no enciende|no carga|no prende",
        r"(?<!pedí la )(?<!pedí el )(?<!elegí la )(?<!elegí el )(?:productos?|artículos?|talla|color|pedido|paquete|"
        r"modelo|"
        r"cosa) (?:equivocad[oa]|incorrect[oa]|erróne[oa]|distint[oa]|diferente)s?",
        r"no es (?:lo|el|la) que (?:pedí|compré|ordené)",
        r"(?:me )?(?:enviaron|mandaron|llegó|llegaron|recibí) (?:un |una |el |la |otr[oa] )?(?:\w+ )?"
        r"(?:equivocad[oa]|incorrect[oa]|distint[oa]|diferente)",
        r"(?:falta|faltan|faltaba|faltaban) (?:un |una |uno |dos |\w+ )?(?:artículos?|productos?|piezas?|partes?|cosas|"
        r"algo)",
        r"incomplet[oa]|caja vacía|paquete vacío|(?:mala|pésima) calidad",
    ),
    "human": (
        r"(?:hablar|chatear|comunicarme|contactar) con (?:un |una |el |la |algún |alguna )?(?:humano|persona|agente|"
        r"asesor\w*|operador\w*|representante|encargad[oa]|gerente|responsable|alguien)",
        r"persona (?:real|de verdad|humana)|atención humana",
        r"(?:atender|atienda|atiende) (?:una |un )?(?:persona|humano|agente|asesor)",
        r"^(?:un |una )?(?:humano|agente|persona|operador|asesor)(?: por favor| ya)?[ .!?]*$",
        r"(?:eres|es esto|estoy hablando con) (?:un |una )?(?:bot|robot|máquina|ia|persona real|humano)",
        r"(?:quiero|necesito|pásame|páseme|me pasas|me pueden pasar) (?:con )?(?:un |una )?(?:humano|persona|agente|"
        r"asesor|"
        r"operador)",
        r"(?:pueden|podrían|puede|podría) llamarme",
    ),
    "thanks": (
        r"gracias|te lo agradezco|se lo agradezco|agradecid[oa]",
    ),
    "pre_sale": (
        r"(?:hay|tienen|tienes|queda|quedan) (?:stock|existencias)|en stock|sin stock|disponib\w*|reponer\w*|repondrán",
        r"(?:qué|cuál) talla|guía de tallas|tabla de tallas|(?:talla|tallan) (?:grande|pequeño|normal)",
        r"(?:tienen|tienes|venden|vendéis) (?:este|esta|esto|estos|estas|el|la|los|las|en|algún\w*)",
        r"(?:es|son) (?:de )?(?:impermeables?|compatibles?|original(?:es)?|auténtic[oa]s?|resistentes?|lavables?|"
        r"de algodón|de cuero)",
        r"compatible con|(?:de )?qué material|medidas|dimensiones|cuánto mide|cuánto pesa",
        r"cómo (?:puedo )?(?:comprar|pedir|pagar|hacer un pedido|realizar un pedido)",
        r"(?:métodos?|formas?) de pago|(?:aceptan|puedo pagar con|se puede pagar con) \w+",
        r"(?:hay|tienen) (?:algún |algunos |un )?(?:descuentos?|cupón|cupones|código de descuento|ofertas?|promoci\w*)",
        r"garantía|tarjetas? regalo|envolver para regalo",
    ),
}

SIGNALS = {
    "angry": (
        r"(?:una )?vergüenza|inaceptable|indignante|ridícul\w*|pésim[oa]|horrible|terrible|estafa\w*|estafador\w*|"
        r"ladr(?:ón|ones|ona)|me robaron|robo|hart[oa]s?|cabrea\w*|enfadad[oa]|enojad[oa]|furios[oa]|mierda|joder|"
        r"carajo|"
        r"cabrón\w*|incompetentes?|una broma|nunca más|peor (?:servicio|tienda|empresa|experiencia)|tomadura de pelo|"
        r"mentiros[oa]s?|mintieron|engañ\w*",
    ),
    "legal": (
        r"contracargo\w*|disputa\w*",
        r"(?:reclamación|reclamo|caso) (?:en|a|con|de) (?:paypal|el banco|mi banco|visa|mastercard|amazon)",
        r"(?:abrir|abrí|abriré|poner|pondré|puse|hacer|haré|presentar) (?:una |un )?(?:disputa|reclamación|reclamo|"
        r"denuncia|queja formal)",
        r"abogad[oa]s?|demandar\w*|poner una demanda|denunci\w*|acci(?:ón|ones) legal(?:es)?|vía legal|juzgado|"
        r"tribunal\w*",
        r"(?:oficina|asociación|organismo) (?:de|del) consum\w*|profeco|omic|hoja de reclamaciones",
    ),
    "review_threat": (
        r"(?:mala|malas|pésima|negativa|horrible) (?:reseñas?|opinión|opiniones|valoración|calificación|crítica)",
        r"(?:reseña|opinión|valoración|calificación) negativa",
        r"(?:una|1|cero|0) estrellas?|trustpilot|redes sociales|(?:contarle|contaré|decirle) a todo el mundo",
    ),
    "money": (
        r"re?embols\w*|(?:mi|el|del|su) dinero|devolu\w* del dinero",
        r"cobrad[oa] dos veces|cobraron dos veces|doble cobro|cobro doble|cobraron de más|cobro (?:de más|duplicado)",
        r"compensación|indemniz\w*|crédito en tienda|saldo a favor",
    ),
}

STOP_WORDS = frozenset("""
a al algo algun alguna algunas alguno algunos ante antes como con contra cual cuales cuando de del desde donde durante
e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estado estan estar este esto estos estoy fue
fueron ha hay la las le les lo los me mi mis mucho muy nada ni no nos nosotros o os otra otro para pero poco por porque
que quien se ser si sin sobre son su sus tambien te tengo ti tiene tienen todo tu tus un una uno unos usted ustedes y
ya yo hola buenas buenos dias tardes noches favor gracias quiero quisiera saber puedo pueden podria
""".split())
