"""Machine translation between shoppers and agents: provider clients (DeepL, Google Cloud
Translation basic) behind one ``Translator`` protocol, and the language codes each one speaks.

No ORM in the clients: ``providers.translator_for`` builds one from a shop's ``TranslationSettings``;
``support/actions/translation.py`` decides when to call it."""
