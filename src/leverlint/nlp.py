"""The spaCy pipeline: a blank English tokenizer plus a lookup lemmatizer.

No trained model and nothing downloaded: ``spacy.blank("en")`` and the
English lemma table from ``spacy-lookups-data``. Lemmas are looked up by the
token's lower-case form (spaCy's own lookup mode is case-sensitive, so
"Increased" at the start of an action item would keep its inflection).
spaCy is imported only when this module's ``get_nlp`` is first called, so
commands that never tag never pay for it.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language


@cache
def lemma_table() -> dict[str, str]:
    """The English form -> lemma table shipped by spacy-lookups-data."""
    data = resources.files("spacy_lookups_data") / "data" / "en_lemma_lookup.json.gz"
    with data.open("rb") as fh:
        table: dict[str, str] = json.loads(gzip.decompress(fh.read()))
    return table


def lemmatize(word: str) -> str:
    """The lower-case lemma of one word; unknown plurals lose their "s"."""
    lower = word.lower()
    table = lemma_table()
    lemma = table.get(lower)
    if lemma is not None:
        return lemma.lower()
    if len(lower) > 4 and lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return table.get(lower[:-1], lower[:-1]).lower()
    return lower


@cache
def get_nlp() -> Language:
    """Build the pipeline once per process."""
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc

    if "leverlint_lemmas" not in Language.factories:

        @Language.component("leverlint_lemmas")
        def _lemmas(doc: Doc) -> Doc:
            for token in doc:
                token.lemma_ = lemmatize(token.text)
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("leverlint_lemmas")
    return nlp


def make_doc(text: str) -> Any:
    """Tokenize and lemmatize one text."""
    return get_nlp()(text)
