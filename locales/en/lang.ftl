# /lang: the chat's language.

# The language's own name, on its button.
lang-name = English
lang-current = This chat's language: { $language }. Admins can change it with the buttons or /lang en, /lang zh.
lang-set = This chat now gets answers, alerts and digests in { $language }.
