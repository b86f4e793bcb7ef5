"""Guardrail on outgoing text: promises the shop's policy does not allow ("guaranteed full refund",
"we will compensate"), in the eight languages the app answers in. Pure: plain text in, warnings out.

Matching ignores case and accents (``"Rückerstattung"``, ``"rueckerstattung"`` and ``"ruckerstattung"``
are one word to it) and skips a phrase negated just before it in the same clause (``"we cannot offer a
full refund"``). A warning names its code and the phrase as the agent wrote it. The bot uses
``BOT_POLICY``: it never promises anything."""
import re
import unicodedata
from dataclasses import dataclass

REFUND, COMPENSATION, GUARANTEE, FREE_REPLACEMENT, PAYMENT = (
    "refund", "compensation", "guarantee", "free_replacement", "payment")
CODES = (REFUND, COMPENSATION, GUARANTEE, FREE_REPLACEMENT, PAYMENT)


@dataclass(frozen=True)
class PromisePolicy:
    """What the shop lets its people promise. Nothing by default."""

    refunds_allowed: bool = False
    compensation_allowed: bool = False  # also "we will pay / cover the cost"
    replacements_allowed: bool = False
    guarantees_allowed: bool = False

    def allows(self, code: str) -> bool:
        return {
            REFUND: self.refunds_allowed, COMPENSATION: self.compensation_allowed, PAYMENT: self.compensation_allowed,
            FREE_REPLACEMENT: self.replacements_allowed, GUARANTEE: self.guarantees_allowed,
        }[code]


BOT_POLICY = PromisePolicy()


@dataclass(frozen=True)
class PromiseWarning:
    code: str
    phrase: str


_WILL = r"(?:\s+will|'ll|\s+shall|\s+are going to|\s+am going to)\s+"
_ADVERB = r"(?:(?!not\b|never\b)\w+\s+)?"  # "we will gladly refund", never "we will not refund"
_GAP_DE = r"(?:(?!\bnicht\b|\bkein).){0,30}?\b"
_GAP_NL = r"(?:(?!\bniet\b|\bgeen\b).){0,30}?\b"
_FREE = (r"(?:free of charge|for free|at no (?:extra |additional )?(?:cost|charge)|gratis|gratuitamente|gratuitement"
         r"|sin (?:ningun )?(?:coste|costo|cargo)|sans frais|a nos frais|kostenlos|kostenfrei|sem (?:nenhum )?custo"
         r"|senza (?:alcun )?cost\w*|kosteloos)\b")
_THEN_FREE = rf"\b.{{0,40}}?\b{_FREE}"  # "... send you a new one ... free of charge"

# Per code, per language; written in the normalized form: lower case, no accents, straight apostrophes.
PATTERNS = {
    REFUND: {
        "en": [rf"\b(?:we|i){_WILL}{_ADVERB}refund\b", r"\b(?:full|complete|100 ?%) refund\b",
               r"\brefund(?:ed)? you in full\b", r"\b(?:get|receive|have) (?:all )?your money back\b",
               r"\bmoney[- ]back guarantee\b", r"\byou(?:'ll| will) be (?:fully )?refunded\b"],
        "es": [r"\breembolso (?:completo|total|integro)\b", r"\b(?:le |te |les )?reembolsaremos\b",
               r"\b(?:vamos a|voy a) (?:reembolsar|devolver)(?:le|te|les)?\b",
               r"\bdevolve(?:re)?mos (?:el|su|tu|todo el) dinero\b"],
        "fr": [r"\bremboursement (?:integral|complet|total)\b", r"\b(?:vous )?rembourserons\b",
               r"\b(?:vous )?rembourserai\b", r"\b(?:nous allons|je vais) vous rembourser\b",
               r"\bvous serez (?:integralement |entierement )?rembourse"],
        "de": [r"\b(?:voll|vollsta(?:e)?ndig|komplett|gesamt)\w* (?:ru(?:e)?ck)?erstattung\b",
               rf"\b(?:wir|ich) (?:werden|werde) {_GAP_DE}(?:zuru(?:e)?ck)?erstatten\b",
               r"\berstatten (?:wir|ich)\b", r"\b(?:wir|ich) erstatten\b",
               r"\bgeld[- ]zuru(?:e)?ck[- ]garantie\b", r"\bihr geld zuru(?:e)?ck\b"],
        "pt": [r"\breembolso (?:total|integral|completo)\b", r"\b(?:o |a |lhe )?reembolsaremos\b",
               r"\b(?:vamos|iremos|vou|irei) (?:lhe |te )?reembolsar\b",
               r"\b(?:vamos devolver|iremos devolver|devolveremos) (?:o|seu|teu|todo o) dinheiro\b"],
        "it": [r"\brimborso (?:completo|totale|integrale)\b", r"\b(?:vi |ti |la |le |li )?rimborseremo\b",
               r"\brestituiremo (?:il denaro|i soldi|l'importo)\b",
               r"\bsara (?:interamente |completamente )?rimborsat[oa]\b"],
        "nl": [r"\bvolledige terugbetaling\b",
               rf"\b(?:wij|we|ik) (?:zullen|zal|gaan) {_GAP_NL}terug(?:betalen|storten)\b",
               r"\b(?:wij|we) betalen .{0,20}?\bterug\b", r"\bkrijgt (?:uw |je )?(?:geld|aankoopbedrag) terug\b",
               r"\bgeld[- ]terug[- ]garantie\b", r"\bvolledig terugbetaald\b"],
        "zh": [r"全额退款", r"全部退款",
               r"(?:我们|我)(?:会|将|一定|保证|马上)(?:给|为|向)?(?:您|你)?(?:办理)?(?:全额)?退款",
               r"退还(?:您|你)?(?:的)?(?:全部|所有)?(?:货款|款项|费用)"],
    },
    COMPENSATION: {
        "en": [rf"\b(?:we|i){_WILL}{_ADVERB}(?:compensate|make it up to you)\b", r"\bcompensate you\b",
               r"\bas (?:a |an |some )?(?:compensation|goodwill gesture|gesture of goodwill)\b",
               r"\boffer you (?:a |some )?compensation\b"],
        "es": [r"\b(?:le |te |les )?(?:compensaremos|indemnizaremos)\b",
               r"\bvamos a (?:compensar|indemnizar)(?:le|te|les)?\b", r"\b(?:como|en) compensacion\b"],
        "fr": [r"\b(?:vous )?(?:compenserons|dedommagerons|indemniserons)\b",
               r"\b(?:nous allons|je vais) vous (?:compenser|dedommager|indemniser)\b",
               r"\b(?:en|a titre de|en guise de) (?:compensation|dedommagement|geste commercial)\b"],
        "de": [rf"\b(?:wir|ich) (?:werden|werde) {_GAP_DE}entscha(?:e)?digen\b", r"\bentscha(?:e)?digen (?:wir|ich)\b",
               r"\b(?:wir|ich) entscha(?:e)?dige",
               r"\bals (?:kleine )?(?:entscha(?:e)?digung|wiedergutmachung|kompensation)\b"],
        "pt": [r"\b(?:vamos|iremos|vou|irei) (?:lhe |te |o |a )?(?:compensar|indenizar|indemnizar)\b",
               r"\b(?:compensaremos|indenizaremos)\b", r"\b(?:como|em) compensacao\b"],
        "it": [r"\b(?:vi |ti |la |le )?(?:compenseremo|risarciremo|indennizzeremo)\b",
               r"\b(?:come|a titolo di) (?:compensazione|risarcimento|indennizzo)\b"],
        "nl": [rf"\b(?:wij|we|ik) (?:zullen|zal|gaan) {_GAP_NL}compenseren\b", r"\b(?:wij|we) compenseren\b",
               r"\bals (?:compensatie|schadevergoeding|tegemoetkoming)\b"],
        "zh": [r"(?:作为|给(?:您|你)|予以)(?:补偿|赔偿)", r"(?:我们|我)(?:会|将|一定)(?:给(?:您|你))?(?:补偿|赔偿)",
               r"(?:补偿|赔偿)(?:您|你)"],
    },
    GUARANTEE: {
        "en": [r"\b(?:we|i) (?:can )?guarantee\b", r"\bguaranteed\b", r"\b(?:we|i) promise\b",
               r"\b100 ?% (?:sure|certain)\b"],
        "es": [r"\bgarantizamos\b", r"\bgarantizad[oa]s?\b", r"\bprometo\b", r"\bprometemos\b"],
        "fr": [r"\b(?:vous )?garantissons\b", r"\bje (?:vous )?garantis\b", r"\bgaranti(?:e|s|es)? a 100",
               r"\bje (?:vous )?(?:le )?promets\b", r"\b(?:vous )?(?:le )?promettons\b"],
        "de": [r"\b(?:wir|ich) garantier(?:en|e)\b", r"\bgarantiert\b", r"\b(?:wir|ich) versprech(?:en|e)\b",
               r"\bversprochen\b"],
        "pt": [r"\bgarantimos\b", r"\bgarantid[oa]s?\b", r"\bgaranto\b", r"\bprometo\b", r"\bprometemos\b"],
        "it": [r"\bgarantiamo\b", r"\bgarantisco\b", r"\bgarantit[oa]\b", r"\bprometto\b", r"\bpromettiamo\b"],
        "nl": [r"\b(?:wij|we) garanderen\b", r"\bik garandeer\b", r"\bgegarandeerd\b", r"\bik beloof\b",
               r"\b(?:wij|we) beloven\b"],
        "zh": [r"(?:我们|我)(?:向(?:您|你))?(?:保证|承诺)", r"保证(?:会|能|在|您|你|一定)", r"百分之百",
               r"100 ?%(?:保证|确定)"],
    },
    FREE_REPLACEMENT: {
        "en": [r"\bfree (?:of charge )?replacement\b", rf"\breplace(?:ment)?{_THEN_FREE}",
               rf"\b(?:send|ship|resend|reship)\w* you (?:a |another )?(?:new|replacement|another){_THEN_FREE}"],
        "es": [r"\b(?:reemplazo|reposicion|sustitucion|cambio) gratuit[oa]\b",
               rf"\b(?:enviaremos|mandaremos|reenviaremos){_THEN_FREE}"],
        "fr": [r"\bremplacement gratuit\b", rf"\b(?:renverrons|enverrons|expedierons|reexpedierons){_THEN_FREE}"],
        "de": [r"\b(?:kostenlos|gratis|kostenfrei)\w* (?:ersatz|ersatzlieferung|neulieferung|austausch)\w*",
               rf"\b(?:ersatz|austausch)\w*{_THEN_FREE}",
               rf"\b(?:(?:schicken|senden) (?:wir|ich)|(?:wir|ich) (?:schicken|senden|schicke|sende)){_THEN_FREE}"],
        "pt": [r"\b(?:substituicao|reposicao|troca) gratuita\b", rf"\b(?:enviaremos|reenviaremos){_THEN_FREE}"],
        "it": [r"\bsostituzione gratuita\b", rf"\b(?:invieremo|spediremo|rispediremo){_THEN_FREE}"],
        "nl": [r"\b(?:gratis|kosteloze?) vervanging\b",
               rf"\b(?:(?:sturen|versturen) (?:wij|we)|(?:wij|we) (?:sturen|versturen|verzenden)){_THEN_FREE}"],
        "zh": [r"免费(?:更换|补发|换货|重发|重新发货|替换)"],
    },
    PAYMENT: {
        "en": [rf"\b(?:we|i){_WILL}{_ADVERB}(?:pay|cover|reimburse)\b", r"\breimburse you\b",
               r"\bat our (?:own )?(?:expense|cost)\b"],
        "es": [r"\b(?:pagaremos|cubriremos|asumiremos)\b", r"\bvamos a (?:pagar|cubrir|asumir)\b",
               r"\ba nuestro cargo\b", r"\bpor nuestra cuenta\b"],
        "fr": [r"\b(?:vous )?(?:paierons|payerons)\b", r"\bprendrons en charge\b", r"\ba nos frais\b"],
        "de": [rf"\b(?:wir|ich) (?:werden|werde) {_GAP_DE}(?:bezahlen|u(?:e)?bernehmen)\b",
               r"\b(?:u(?:e)?bernehmen|bezahlen|tragen) (?:wir|ich) (?:die|alle)\b", r"\bauf unsere kosten\b"],
        "pt": [r"\b(?:pagaremos|cobriremos|arcaremos)\b", r"\b(?:vamos|iremos) (?:pagar|cobrir|arcar)\b",
               r"\bpor nossa conta\b"],
        "it": [r"\b(?:pagheremo|copriremo)\b", r"\bci faremo carico\b", r"\ba (?:nostre spese|carico nostro)\b"],
        "nl": [rf"\b(?:wij|we|ik) (?:zullen|zal|gaan) {_GAP_NL}(?:betalen|vergoeden)\b", r"\b(?:wij|we) vergoeden\b",
               r"\bop onze kosten\b"],
        "zh": [r"(?:我们|我)(?:会|将)(?:支付|承担|报销|负担)", r"由我们(?:承担|支付|负担)"],
    },
}
_COMPILED = {
    code: [re.compile(pattern) for patterns in by_language.values() for pattern in patterns]
    for code, by_language in PATTERNS.items()
}

_NEGATIONS_BEFORE = frozenset(
    "not never cannot can't won't don't doesn't didn't isn't aren't couldn't wouldn't unable nor neither "  # en
    "nunca ni "  # es ("no" counts only right before the phrase: "no worries, we will refund" is a promise)
    "pas ne n' jamais aucun aucune "  # fr
    "nicht kein keine keinen keiner nie niemals "  # de
    "nao nem "  # pt
    "non mai nessun nessuna "  # it
    "niet geen nooit".split()  # nl
)
_NEGATIONS_AFTER = frozenset("pas jamais nicht nie niemals niet nooit".split())
_CJK_NEGATIONS = set("不没無无未别別")
_CLAUSE_END = re.compile(r"[.,;:!?\-–—()\n]")
_WORD = re.compile(r"[\w']+")
_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}


def check_promises(text: str, policy: PromisePolicy) -> list[PromiseWarning]:
    """Promises in ``text`` the policy does not allow, in the order they appear."""
    normalized, origin = _normalize(text or "")
    found = []
    for code, patterns in _COMPILED.items():
        if policy.allows(code):
            continue
        claimed = []  # the earliest, longest match of a place speaks for it, negated or not
        matches = sorted((m.start(), -m.end()) for pattern in patterns for m in pattern.finditer(normalized))
        for start, end in ((start, -negative_end) for start, negative_end in matches):
            if any(s < end and start < e for s, e in claimed):
                continue
            claimed.append((start, end))
            if not _negated(normalized, start, end):
                found.append((start, code, text[origin[start]:origin[end - 1] + 1]))
    return [PromiseWarning(code, phrase) for _, code, phrase in sorted(found)]


def _normalize(text: str) -> tuple[str, list[int]]:
    """Lower case without accents, straight apostrophes, runs of spaces as one; and for each
    character of the result, the index of the character of ``text`` it came from."""
    out, origin = [], []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char).casefold():
            if unicodedata.combining(part):
                continue
            part = " " if part.isspace() and part != "\n" else _APOSTROPHES.get(part, part)
            if part == " " and out and out[-1] == " ":
                continue
            out.append(part)
            origin.append(index)
    return "".join(out), origin


def _negated(text: str, start: int, end: int) -> bool:
    """A negation just before the phrase in its clause ("we can't offer a full refund"), or, in
    languages that negate after the verb, just after it ("wir erstatten das nicht")."""
    before = _CLAUSE_END.split(text[:start])[-1]
    if _CJK_NEGATIONS & set(before[-3:]):
        return True
    words = _WORD.findall(before)[-3:]
    if _NEGATIONS_BEFORE & set(words) or any(word.startswith("n'") for word in words) or words[-1:] == ["no"]:
        return True
    after = _CLAUSE_END.split(text[end:])[0]
    return bool(_NEGATIONS_AFTER & set(_WORD.findall(after)[:4]))
