"""English: intent and signal patterns, FAQ stop words (see the package docstring for the rules)."""
_MY = r"(?:my|the|our)"
_ORDER = r"(?:orders?|packages?|parcels?|shipments?|deliver(?:y|ies)|purchases?|stuff|items?)"
_NOT = r"(?:not|n't|never|no longer)"
_NEG = r"(?:doesn't|does not|doesnt|didn't|did not|didnt|isn't|is not|isnt|wasn't|was not|wasnt|won't|will not|wont|" \
       r"can't|cannot|cant|not|never|no longer)"
_IT = r"(?:it|they|this|these|(?:my|the|this|our) \w+(?: \w+)?)"

INTENTS = {
    "order_status": (
        rf"where(?:'?s| is| are)? (?:my|our) {_ORDER}",
        r"(?:order|package|parcel|shipment|delivery) status",
        rf"status of {_MY} {_ORDER}",
        r"track(?:ing)? (?:my |the )?(?:order|package|parcel|shipment|number|link|code|info\w*|details)",
        rf"(?:haven't|have not|havent|didn't|did not|didnt|still not|not yet|never) (?:received|recieved|got|gotten|"
        rf"get) "
        rf"(?:my|the|our|any) {_ORDER}",
        rf"(?:my|the|our) {_ORDER}(?: still)?(?: (?:has|have|is|are|did|was|were|does|do))?(?: still)? ?{_NOT}"
        r"(?: yet| still)?(?: been)? (?:arrived?|come|came|shipped|ship|delivered|here|received|shown up|show up|"
        r"turned up|moved)",
        r"tracking (?:\w+ )?(?:has|have|is|does|did)(?:n't| not) (?:been )?(?:updated?|changed|moved|working)",
        rf"(?:has|have|did|was|were) (?:my|the|our) {_ORDER} (?:been |already )?(?:shipped|sent|dispatched|ship|left)",
        rf"(?:any )?updates? (?:on|about|for|regarding) (?:my|the|our) {_ORDER}",
        rf"(?:is|are) (?:my|the|our) {_ORDER} (?:on (?:its|their|the) way|out for delivery|in transit)",
        rf"{_ORDER} (?:is |was |has been |seems |got )?(?:late|delayed|stuck|lost|missing in transit)",
        r"check (?:on )?(?:my|the) order",
    ),
    "delivery_time": (
        r"when (?:will|would|should|does|do|can|could|is|are) (?:i|we) (?:get|receive|expect|have) (?:it|them|my|the|"
        r"this|"
        r"our|these)",
        rf"when (?:will|would|should|does|do|is|are) {_IT} (?:going to |gonna )?(?:arrive|be delivered|be here|get "
        rf"here|"
        r"come|be shipped|ship|reach|be dispatched|dispatch|be sent)",
        r"how long (?:does|will|would|do|is|for) (?:the |your )?(?:shipping|delivery|postage|dispatch|processing)",
        rf"how long (?:does|will|would|do|did) {_IT} (?:take|takes) to (?:arrive|ship|deliver|be delivered|get (?:here|"
        rf"to)|"
        r"come|reach|dispatch)",
        rf"how long (?:until|till|before) {_IT} (?:arrives?|ships?|is delivered|gets? here|comes?)",
        r"how (?:many|much) (?:days|weeks|time) (?:for|does|will|to|until|till|before|is) (?:\w+ ){0,3}"
        r"(?:deliver\w*|shipping|arrive|arrival|ship)",
        r"(?:delivery|shipping|transit|arrival|dispatch|processing) (?:times?|estimates?)",
        r"when (?:do|will|does) you (?:ship|dispatch|send out|send)",
        r"eta",
        r"estimated (?:delivery|arrival|shipping)",
        r"expected (?:delivery|arrival)",
        r"(?:delivery|arrival) date",
        r"(?:arrive|be delivered|get here|be here) (?:by|before|in time for) (?:\w+ ){0,2}(?:christmas|xmas|birthday|"
        r"monday|"
        r"tuesday|wednesday|thursday|friday|saturday|sunday|next week|the weekend|weekend)",
    ),
    "returns": (
        r"(?<!in )return(?:s|ed)?",
        r"returning(?! customer)",
        r"refund\w*",
        r"money back",
        r"send (?:it|them|this|these|the \w+|my \w+) back",
        r"exchange (?:it|them|this|these|for|the|my|an?)",
        r"reimburse\w*",
        r"rma",
    ),
    "cancel_or_change": (
        r"cancel\w*",
        r"(?:change|update|edit|correct|modify|fix|amend)(?: (?:my|the|our))?(?: (?:shipping|delivery|billing|"
        r"postal))? "
        r"address",
        r"(?:wrong|incorrect|old|typo in (?:my|the)) (?:shipping |delivery )?address",
        r"new (?:shipping |delivery )?address",
        r"(?:change|edit|modify|amend|update|adjust) (?:my|the) order",
        r"(?:change|switch) (?:the )?(?:size|colou?r|quantity|item|variant) (?:of|in|on) (?:my|the) order",
        r"add (?:an? \w+|something|another \w+|an item|items|more) to (?:my|the) order",
        r"remove (?:an? \w+|something|an item|one \w+|the \w+) from (?:my|the) order",
    ),
    "shipping_info": (
        r"(?:do|can|will|would) you (?:ship|deliver|send|post)(?: \w+)? (?:to|internationally|worldwide|abroad|"
        r"overseas|"
        r"outside)",
        r"(?:ship|deliver) (?:internationally|worldwide|abroad|overseas)",
        r"international (?:shipping|delivery|orders)",
        r"(?:shipping|delivery|postage|freight) (?:costs?|fees?|prices?|rates?|charges?|options?|methods?|countries|"
        r"policy)",
        r"(?:cost|price) of (?:shipping|delivery|postage)",
        r"how much (?:is|does|for|will|would) (?:the )?(?:shipping|delivery|postage|it cost to ship|it cost to "
        r"deliver)",
        r"free (?:shipping|delivery)",
        r"(?:which|what) countries",
        r"customs (?:fees?|duties|duty|charges?|tax\w*|clearance)",
        r"import (?:duties|duty|tax\w*|fees?|vat)",
        r"(?:pay|charged?) (?:for )?(?:customs|duties|import)",
        r"where (?:do|does) (?:you|it|this|the \w+) ship from",
    ),
    "price_complaint": (
        r"(?:too|so|very|really|way too) (?:expensive|pricey|costly)",
        r"overpriced",
        r"price (?:has )?(?:dropped|drop|went down|is lower|was lower|changed|increase\w*|reduction|match\w*|"
        r"adjustment|"
        r"difference|protection)",
        r"(?:lower|cheaper|better) price",
        r"cheaper (?:on|at|elsewhere|somewhere|in|from|now)",
        rf"(?:discount|coupon|promo|voucher|gift card)(?: code)?s? {_NEG} (?:\w+ )?(?:work\w*|appl\w*|valid|accepted|"
        r"go(?:ing|es)? through)",
        r"(?:code|coupon|discount) (?:is |was )?(?:invalid|expired|rejected)",
        r"(?:forgot|forgotten|missed|didn't use|did not use) (?:to (?:use|apply|add|enter) )?(?:the |my |a |your )?"
        r"(?:discount|coupon|promo|voucher|code)",
        r"(?:paid|charged|pay) (?:the )?full price",
        r"(?:now|went) on sale",
        r"why (?:is|was|are|were) (?:it|this|the \w+|they|these|your \w+) (?:so )?(?:expensive|pricey|more expensive)",
        r"(?:wrong|different|higher) price",
        r"price (?:is|was|seems) (?:too )?(?:high|wrong|different)",
    ),
    "damaged_or_wrong": (
        r"(?:broken|broke|damaged|defective|faulty|cracked|shattered|smashed|dented|torn|stained|leaking|leaked|"
        r"scratched|"
        r"crushed|snapped|mouldy|moldy|rotten)",
        r"ripped(?! off)",
        r"(?:stopped|stops) working",
        r"(?:doesn't|does not|doesnt|won't|will not|wont) (?:turn on|switch on|power on|charge)",
        r"(?:arrived|came) (?:not working|dead|in pieces|in bad condition|opened|used)",
        r"(?<!ordered the )(?<!ordered a )(?<!chose the )(?<!picked the )(?<!selected the )(?:wrong|incorrect) "
        r"(?:items?|products?|size|colou?r|model|order|parcel|package|thing|one|article|version|quantity)",
        r"not what i (?:ordered|bought|paid for|purchased)",
        r"(?:sent|received|got|delivered|shipped)(?: me)? (?:the |a |an )?(?:wrong|different|incorrect)",
        r"(?:missing|lost) (?:items?|parts?|pieces?|products?|accessor\w*)",
        r"(?:items?|parts?|pieces?|products?|something|one|half) (?:is |are |was |were )?missing",
        r"missing from (?:my|the) (?:order|package|parcel|box)",
        r"(?:someone|somebody) else'?s (?:order|package|parcel|items?)",
        r"(?:only|just) (?:received|got) (?:one|two|half|part|\d+) (?:of|out of)",
        r"empty (?:box|package|parcel)",
        r"(?:poor|bad|low|cheap) quality",
        r"f(?:ell|alls|alling) apart",
    ),
    "human": (
        r"(?:talk|speak|chat|speaking|talking|chatting|connect me|put me through|transfer me) (?:to|with) "
        r"(?:a |an |the |some |your )?(?:real |live |actual )?(?:human|person|agent|someone|somebody|representative|"
        r"rep|"
        r"manager|supervisor|staff|operator|employee|people|owner|team member)",
        r"(?:real|live|actual) (?:human|person|agent|people|operator)",
        r"(?:is there|are there) (?:a |an |any )?(?:human|real person|person|agent|someone|anyone|anybody) "
        r"(?:i can|to) (?:talk|speak|chat)",
        r"^(?:a )?(?:human|agent|person|operator|representative)(?: please| pls| now)?[ .!?]*$",
        r"(?:are you|is this|am i talking to|am i chatting with) (?:a |an )?(?:bot|robot|machine|ai|real person|human|"
        r"automated)",
        r"(?:want|need|get me|give me|i'd like|i would like) (?:a |an |to (?:talk|speak) to an? )?(?:human|real person|"
        r"live agent|person|agent)",
        r"(?:can|could) (?:someone|somebody|you|anyone) (?:call|phone) me",
        r"(?:contact|reach) (?:your |the )?(?:customer service|support team|a person|someone|the owner)",
    ),
    "thanks": (
        r"thank(?:s| you| u| ya)?|thx|thanx|tysm|ty|cheers|many thanks",
        r"(?:much )?appreciated|appreciate (?:it|that|your help|the help)",
    ),
    "pre_sale": (
        r"(?:in|back in|out of) stock|restock\w*|availability",
        r"(?:is|are) (?:it|this|these|they|the \w+|this \w+) (?:still )?available",
        r"(?:what|which) size|size (?:chart|guide|guidance|recommendation)|sizing|true to size|runs? (?:small|large|"
        r"big)",
        r"(?:will|would|does) (?:it|this) fit",
        r"(?:do|does) (?:you|they) (?:have|sell|carry|stock|make) (?:this|these|it|them|that|those|the same|one|any|"
        r"more|other|in)",
        r"(?:does|do) (?:it|this|they|these|the \w+) come (?:in|with)",
        r"(?:is|are) (?:it|this|these|they|the \w+|this \w+) (?:waterproof|washable|compatible|suitable|made (?:of|"
        r"from|in)|"
        r"real|genuine|original|authentic|vegan|organic|handmade|dishwasher safe)",
        r"compatible with|made (?:of|from)|what material|dimensions|measurements",
        r"how (?:do|can) i (?:order|buy|purchase|pay|place an order)|how to (?:order|buy|purchase|pay)",
        r"payment (?:methods?|options?)",
        r"(?:pay|paying) (?:with|by|via|in) (?:paypal|klarna|afterpay|apple pay|google pay|credit card|card|"
        r"installments|"
        r"bank transfer|crypto|cash)",
        r"(?:accept|take) (?:paypal|klarna|afterpay|apple pay|google pay|credit cards?|cards?|amex|crypto)",
        r"(?:before|thinking (?:of|about)|planning (?:to|on)|going to) (?:buy|buying|order|ordering|purchase|"
        r"purchasing)",
        r"(?:is there|are there|got) (?:a |an |any )?(?:discount|coupon|promo|sale|deal|offer)s?",
        r"warranty|gift (?:wrap\w*|cards?|message|receipt)",
    ),
}

SIGNALS = {
    "angry": (
        r"ridiculous|unacceptable|disgusting|disgraceful|outrageous|pathetic|useless|terrible|horrible|awful|worst|"
        r"incompetent|shameful|furious|angry|livid|fed up|sick of|sick and tired|scam\w*|fraud\w*|thie(?:f|ves)|"
        r"stealing|"
        r"stole|wtf|bullshit|crap|shit\w*|fuck\w*|damn|hell|rip[- ]?off|ripped off|never again|what a joke|"
        r"are you kidding|how dare|lied|liars?|lying|cheat\w*",
    ),
    "legal": (
        r"charge ?backs?|chargeback\w*",
        r"disput\w*",
        r"paypal (?:case|claim|dispute|complaint|resolution)",
        r"(?:case|claim|complaint) (?:with|on|via|through|against) (?:paypal|my bank|the bank|visa|mastercard|amex|"
        r"my credit card|my card issuer|amazon|etsy|ebay|you)",
        r"lawyers?|attorneys?|solicitors?|legal action|lawsuit|sue|suing|sued|court|small claims|legal (?:department|"
        r"steps)",
        r"a[- ]?(?:to|2)[- ]?z(?: guarantee| claim)?",
        r"(?:file|filed|filing|open|opened|opening|make|made|submit|submitted|raise|raised|start|started|lodge|lodged) "
        r"(?:a |an )?(?:claim|case|complaint|dispute)",
        r"(?:report|reporting|reported) (?:you|this|your (?:store|shop|company|business)) to",
        r"consumer (?:protection|rights|ombudsman|authority)|trading standards|better business bureau|bbb|ftc|police",
        r"(?:contact|call|calling|contacted|tell|told) (?:my|the) (?:bank|credit card company|card issuer)",
        r"revers(?:e|ing) (?:the )?(?:payment|charge|transaction)",
    ),
    "review_threat": (
        r"(?:bad|negative|terrible|horrible|1[- ]?star|one[- ]?star|poor|awful|scathing) (?:reviews?|ratings?|"
        r"feedback)",
        r"(?:1|one|zero|0)[- ]?stars?",
        r"trust ?pilot|sitejabber|yelp|reviews? (?:on|everywhere|online)",
        r"(?:warn|tell|let) (?:everyone|everybody|people|others|all my friends)",
        r"social media",
    ),
    "money": (
        r"refund\w*|reimburs\w*|money back|my money|compensat\w*|store credit|credit (?:back|note)",
        r"charged (?:me )?(?:twice|double|two times|2 times|again|more|extra)|double[- ]?charged|overcharged|billed "
        r"twice",
        r"charged (?:me )?(?:but|and)|(?:payment|charge) (?:went through )?twice|(?:taken|took) my money",
        r"(?:charge|payment) on my (?:card|account|statement)",
    ),
}

STOP_WORDS = frozenset("""
a about above after again all also am an and any are as at be been before being below between both but by can could
did do does doing down during each few for from further had has have having he her here hers him his how i if in into
is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your yours yourself hi hello hey please
pls thanks thank hey dear ok okay would like want wondering question know tell im i'm ive i've id i'd dont don't
""".split())
