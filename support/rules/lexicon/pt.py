"""Portuguese (Portugal and Brazil): intent and signal patterns, FAQ stop words (see the package docstring)."""
_ORDER = r"(?:encomendas?|pedidos?|compras?|pacotes?|entregas?|produtos?|envios?)"
_MY = r"(?:a minha|o meu|os meus|as minhas|meu|minha|meus|minhas|o|a|os|as)"

INTENTS = {
    "order_status": (
        rf"(?:onde|como) (?:está|estão|anda|andam|fica|ficou) {_MY} {_ORDER}",
        rf"(?:estado|status|situação|rastreamento|rastreio|seguimento) (?:da|do|de) (?:minha |meu |sua )?{_ORDER}",
        r"(?:código|número|link) de (?:rastreio|rastreamento|seguimento)",
        rf"rastrear (?:{_MY} )?{_ORDER}",
        rf"cadê (?:o |a |os |as )?(?:meu |minha |meus |minhas )?{_ORDER}",
        r"(?:ainda )?(?:não|nunca) (?:recebi|chegou|chegaram|foi enviad[oa]|foram enviad[oa]s|me chegou|veio|"
        r"recebemos)",
        r"(?:já )?(?:foi|foram) (?:enviad[oa]s?|despachad[oa]s?|expedid[oa]s?)|já (?:enviaram|despacharam|expediram)",
        rf"{_ORDER} (?:está |estão |tá )?(?:atrasad[oa]s?|parad[oa]s?|perdid[oa]s?|extraviad[oa]s?)",
        rf"(?:novidades|atualiza\w*|notícias) (?:da|do|sobre a|sobre o) (?:minha |meu )?{_ORDER}",
    ),
    "delivery_time": (
        r"quando (?:é que )?(?:vai|vou|chega|chegará|recebo|receberei|vou receber|será|é enviad[oa]|enviam|vão enviar|"
        r"vai chegar|posso esperar)",
        r"quanto tempo (?:demora|leva|vai demorar|demoram|levam|para)|(?:demora|leva) quanto tempo",
        r"(?:em )?quantos dias (?:demora|leva|para|até|úteis|chega|chegam)",
        r"(?:prazo|tempo|data|previsão) (?:de|da|estimad[oa] de) (?:entrega|envio|chegada)",
        r"chega (?:antes|a tempo|até)",
    ),
    "returns": (
        r"devol\w*|devolv\w*|reembols\w*|estorn\w*",
        r"trocas?|trocar (?:por|de|o tamanho|a cor|o produto|este|esta)",
        r"dinheiro de volta",
    ),
    "cancel_or_change": (
        r"cancel\w*",
        r"(?:mudar|alterar|trocar|corrigir|atualizar|modificar) (?:o |meu |o meu )?endereço",
        r"endereço (?:errado|incorreto|antigo)|novo endereço",
        r"(?:alterar|modificar|mudar|editar) (?:a |o |minha |meu |a minha |o meu )?(?:encomenda|pedido)",
        r"(?:adicionar|acrescentar|remover|tirar) (?:\w+ ){0,3}(?:a|ao|da|do|na|no) (?:minha |meu )?(?:encomenda|"
        r"pedido)",
    ),
    "shipping_info": (
        r"(?:enviam|entregam|fazem envios?|mandam)(?: também)? (?:para|pra|a|ao|no|na|internacional\w*)",
        r"(?:envio|entrega) internaciona\w*|(?:para o|ao) exterior|fora d[oa] (?:país|brasil|portugal)",
        r"(?:custos?|preço|valor|taxas?)(?: de| do| da)? (?:envio|entrega|frete|portes)",
        r"quanto (?:custa|é|fica) o (?:envio|frete|portes)|fretes?|portes",
        r"(?:quais|para que|que) países|alfândega|impostos? de importação|taxas? alfandegária\w*|taxação",
    ),
    "price_complaint": (
        r"(?:muito|tão|demasiado|bem|super) car[oa]s?|caríssim[oa]s?",
        r"(?:o )?preço (?:baixou|caiu|diminuiu|mudou|está mais baixo|mais baixo)|baixaram o preço|diferença de preço",
        r"mais barat[oa] (?:na|no|em|agora|noutr[oa])",
        r"(?:código|cupão|cupom|desconto|voucher)(?: de desconto| promocional)? não (?:funciona|funcionou|aplica|"
        r"aplicou|"
        r"foi aplicado|é válido|deu|entrou)",
        r"(?:código|cupão|cupom) (?:inválido|expirado)",
        r"(?:esqueci|me esqueci) (?:de )?(?:usar|colocar|aplicar|inserir) (?:o |a |meu )?(?:código|cupão|cupom|"
        r"desconto)",
        r"(?:paguei|pago) (?:o )?preço (?:cheio|total|inteiro)|agora (?:está|estão) em promoção",
    ),
    "damaged_or_wrong": (
        r"partid[oa]s?|quebrad[oa]s?|danificad[oa]s?|estragad[oa]s?|defeituos[oa]s?|com defeito|avariad[oa]s?|"
        r"rachad[oa]s?|amassad[oa]s?|riscad[oa]s?|rasgad[oa]s?|manchad[oa]s?",
        r"não liga|parou de funcionar|deixou de funcionar",
        r"(?<!pedi o )(?<!pedi a )(?<!escolhi o )(?<!escolhi a )(?:produto|artigo|tamanho|cor|item|modelo|encomenda|"
        r"pedido)s? "
        r"(?:errad[oa]|diferente|trocad[oa]|incorret[oa])s?",
        r"não é (?:o|a) que (?:eu )?(?:pedi|encomendei|comprei)|veio (?:errad[oa]|outr[oa]|diferente)",
        r"(?:recebi|enviaram|mandaram) (?:o |a |um |uma )?(?:\w+ )?(?:errad[oa]|diferente|trocad[oa])",
        r"(?:falta|faltam|faltava|faltavam) (?:um |uma |dois |\w+ )?(?:artigo|produto|peça|item|parte|coisa)s?",
        r"incomplet[oa]|caixa vazia|(?:má|péssima|baixa) qualidade",
    ),
    "human": (
        r"(?:falar|conversar|comunicar|contactar|contatar) com (?:um |uma |o |a |algum |alguma )?(?:humano|pessoa|"
        r"atendente|"
        r"agente|assistente|operador\w*|representante|responsável|gerente|alguém|funcionári[oa]|colaborador)",
        r"pessoa (?:real|de verdade|humana)|atendimento humano|atendente humano",
        r"^(?:um |uma )?(?:humano|atendente|agente|pessoa)(?: por favor| já)?[ .!?]*$",
        r"(?:você é|és|isto é|estou a falar com|estou falando com) (?:um |uma )?(?:bot|robô|máquina|ia|pessoa real|"
        r"humano)",
        r"(?:quero|preciso de|queria) (?:um |uma )?(?:humano|atendente|pessoa real)",
        r"(?:me liguem|liguem-me|ligue-me|me ligue|ligar-me)",
    ),
    "thanks": (
        r"obrigad[oa]s?|agradeç\w*|agradec\w*|valeu|brigad[oa]",
    ),
    "pre_sale": (
        r"em (?:stock|estoque)|(?:tem|tens|há|terá|vão ter) (?:em )?(?:stock|estoque)|esgotad[oa]s?|disponíve\w*|"
        r"disponibilidade|reposição",
        r"(?:que|qual) tamanho|tabela de (?:tamanhos|medidas)|guia de tamanhos|tamanho (?:normal|grande|pequeno)",
        r"(?:vocês|vcs|você|vc|ainda) (?:têm|tem|vendem) (?:este|esta|esse|essa|isto|isso|em|o|a|os|as|mais|outr\w*|"
        r"algum|"
        r"alguma|estoque|stock)",
        r"^(?:olá,? |oi,? |bom dia,? |boa tarde,? )?(?:tem|tens|vendem) (?:este|esta|esse|essa|isto|isso|em|algum|"
        r"alguma)",
        r"(?:é|são) (?:\w+ )?(?:impermeáve\w*|compatíve\w*|origina\w*|laváve\w*|de algodão|de couro)",
        r"compatível com|(?:que|qual o?) material|dimensões|medidas",
        r"como (?:posso )?(?:comprar|encomendar|pagar|fazer (?:um |uma )?(?:pedido|encomenda))",
        r"(?:formas?|métodos?) de pagamento|(?:aceitam|posso pagar com|dá para pagar com) \w+",
        r"(?:tem|há|existe) (?:algum |alguma |um |uma )?(?:desconto|cupão|cupom|código de desconto|promoção)",
        r"garantia|cartão (?:presente|oferta)|vale[- ]presente|embrulho",
    ),
}

SIGNALS = {
    "angry": (
        r"vergonha|inaceitável|absurdo|ridícul\w*|péssim[oa]|horrível|lamentável|"
        r"pior (?:loja|serviço|atendimento|empresa|experiência)|golpe\w*|golpista\w*|fraude\w*|burla\w*|"
        r"ladr(?:ão|ões|ona)|roubo|roubaram|fart[oa]|furios[oa]|irritad[oa]|merda|porra|caralho|nunca mais|mentir\w*|"
        r"mentiros[oa]s?|engan\w*|palhaçada|desrespeito|incompetent\w*",
    ),
    "legal": (
        r"chargeback|estorno (?:no|do|pelo|junto) (?:cartão|banco)|contestar (?:a|o) (?:compra|cobrança|pagamento)",
        r"contestação|disputa\w*|(?:abrir|abri|abrirei|vou abrir) (?:uma |um )?(?:disputa|reclamação|caso|queixa|"
        r"processo)",
        r"advogad[oa]s?|(?:vou|irei|vamos) processar|processo judicial|aç(?:ão|ões) judicia\w*|justiça|tribunal|procon",
        r"livro de reclamações|polícia|queixa (?:formal|crime|na polícia)",
        r"(?:caso|disputa|reclamação) (?:no|na|com o) paypal",
    ),
    "review_threat": (
        r"(?:má|más|péssima|negativa|péssimas|negativas) (?:avaliaç\w*|crítica\w*|opini\w*|review\w*|comentário\w*)",
        r"(?:avaliação|crítica|review) negativa|(?:uma|1|zero|0) estrelas?|reclame aqui|trustpilot|redes sociais",
        r"(?:contar|avisar) a (?:toda a gente|todo mundo|todos)",
    ),
    "money": (
        r"reembols\w*|estorn\w*|(?:meu|o meu) dinheiro|dinheiro de volta|compensaç\w*|indemniz\w*|indeniz\w*|"
        r"crédito na loja|vale[- ]compra",
        r"cobrad[oa]s? (?:duas vezes|2 vezes|em dobro|a mais|duplicad[oa])|cobrança (?:duplicada|em dobro|a mais|"
        r"indevida)",
        r"cobraram (?:duas vezes|a mais|em dobro)",
    ),
}

STOP_WORDS = frozenset("""
a ao aos as com como da das de do dos e ela elas ele eles em entre era essa esse esta este eu foi ha isso isto ja la
lhe mais mas me meu minha muito na nas nao nem no nos nossa nosso num numa o os ou para pela pelo por qual quando que
quem se sem ser seu sua suas seus so sou tambem te tem ter tu um uma voce voces vos ola oi bom dia boa tarde noite
obrigado obrigada favor queria gostaria saber posso pode
""".split())
