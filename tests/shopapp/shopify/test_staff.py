import pytest

from shopapp.shopify.staff import display_name


@pytest.mark.parametrize(
    "first, last, locale, expected",
    [
        ("Ada", "Lovelace", "en", "Ada Lovelace"),
        ("建国", "徐", "zh-CN", "徐建国"),
        ("Hanako", "Yamada", "ja", "Yamada Hanako"),
        ("花子", "山田", "ja", "山田花子"),
        ("민준", "김", "ko-KR", "김민준"),
        ("Martín", "Guardia", "es", "Martín Guardia"),
        ("", "Solo", "en", "Solo"),
        ("Solo", "", "", "Solo"),
    ],
)
def test_display_name(first, last, locale, expected):
    assert display_name(first, last, locale) == expected
