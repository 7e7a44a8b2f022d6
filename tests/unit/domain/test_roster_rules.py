"""The roster's functions as the user reads them."""


def test_the_default_functions_read_in_english_in_english_mode():
    """Seen on the English Situational picture: 'On duty: burgemeester: H. van Dam ·
    directe ondersteuner: …'. The stored fact keeps the Dutch name; a function the
    municipality configured itself shows as typed."""
    from crisisconsole import i18n
    from crisisconsole.domain.roster_rules import DEFAULT_FUNCTIONS, function_label

    try:
        i18n.set_language("en")
        assert function_label("burgemeester") == "mayor"
        assert function_label("directe ondersteuner") == "mayor's aide"
        assert all(function_label(f) != f for f in DEFAULT_FUNCTIONS)
        assert function_label("wethouder sport") == "wethouder sport"
        i18n.set_language("nl")
        assert function_label("burgemeester") == "burgemeester"
    finally:
        i18n.set_language(None)
