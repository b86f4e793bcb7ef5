"""The follow-ups' shopper texts: every key in the eight languages with the same variables, exact
renderings, strict about blanks."""
import pytest

from support.rules import texts
from support.rules.followup_text import TEXTS, checkin_text, delay_text, nudge_text

LINKS = [f"https://app.example.com/r?t={stars}" for stars in range(1, 6)]


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_is_in_every_language_with_the_english_variables(key):
    assert set(TEXTS[key]) == set(texts.LANGUAGES)
    english = texts.variables_of(TEXTS[key]["en"])
    assert {language: texts.variables_of(text) for language, text in TEXTS[key].items()} == dict.fromkeys(
        texts.LANGUAGES, english)
    assert all("<" not in text and ">" not in text for text in TEXTS[key].values())


def test_the_checkin_lists_the_five_links_in_star_order():
    assert checkin_text(order_name="#1042", links=LINKS, language="en") == ("followup.checkin", (
        "Your order #1042 has arrived. How did it go? Rate it with one click:\n"
        "1/5: https://app.example.com/r?t=1\n2/5: https://app.example.com/r?t=2\n3/5: https://app.example.com/r?t=3\n"
        "4/5: https://app.example.com/r?t=4\n5/5: https://app.example.com/r?t=5"))
    key, text = checkin_text(order_name="#1042", links=LINKS, language="fr-CA")
    assert (key, text.splitlines()[0]) == (
        "followup.checkin", "Votre commande #1042 est arrivée. Comment cela s'est-il passé ? Notez-la en un clic :")


def test_the_delay_notice_and_the_nudge_in_two_languages():
    assert delay_text(order_name="#1042", window="Thu 3 – Mon 7 Dec", language="en") == ("followup.delay_notice", (
        "Your order #1042 is taking longer than expected to arrive. We're sorry for the wait.\n"
        "New expected delivery: Thu 3 – Mon 7 Dec"))
    assert delay_text(order_name="#1042", window="Do., 3. – Mo., 7. Dez.", language="de")[1] == (
        "Ihre Bestellung #1042 braucht länger als erwartet. Entschuldigen Sie bitte die Wartezeit.\n"
        "Neue voraussichtliche Zustellung: Do., 3. – Mo., 7. Dez.")
    assert nudge_text(language="es") == ("followup.nudge", "Solo queríamos saber: ¿todavía necesitas ayuda con esto? "
                                                           "Responde aquí y seguimos.")
    assert nudge_text(language="xx")[1] == ("Just checking in: do you still need help with this? Reply here and "
                                            "we'll pick it up.")


def test_a_blank_order_name_raises_instead_of_sending_a_blank():
    with pytest.raises(texts.MissingVariable):
        delay_text(order_name=" ", window="Thu 3 Dec", language="en")
