"""Light morphology the extractors need: is this word a verbal noun (masdar) or a finite verb?

Undiacritised Arabic does not say, but shape often does: a word with the article or a preposition
clitic is a noun (no finite verb takes ال or ب), and the masdar patterns of the derived forms
(إفعال، انفعال، افتعال، استفعال: اعتقال، انسحاب، استهداف; تفعيل: تصريح، تأكيد، تنسيق) are not shapes
of finite verbs.
"""

from __future__ import annotations

import re

from hadath.doc import Doc
from hadath.text.tokens import Token

# forms IV, VII, VIII, X: ا + at least two letters + ا + final letter (normalised, so إ is ا); with
# two letters, not ت as the second: that is the perfect of a hollow form VIII verb (اغتال، اجتاح،
# اقتاد), whose masdar has a ي (اغتيال)
_DERIVED_MASDAR_RE = re.compile(r"^ا(?:[^ا\s]{3,}|[^ا\s][^ات\s])ا[^ا\s]$")
# form II: ت + two letters + ي + final letter
_TAFIL_RE = re.compile(r"^ت[^ا\s]{2}ي[^ا\s]$")


# how a nisba adjective ends as written: "اجتماعي", "حوثية", "حوثيون", "حوثيين" (ة may be written ه)
NISBA_ENDINGS = ("ي", "ية", "يه", "يين", "يون")


def looks_nominal(token: Token) -> bool:
    """Whether ``token`` reads as a verbal noun rather than a finite verb."""
    if "ال" in token.prefixes or token.has_prefix("ب", "ك"):
        return True
    if token.has_prefix("ل") and token.stem[:1] not in ("ي", "ت", "ن", "ا"):
        return True  # لتعميق is a noun; ليظهروا is a verb
    return bool(_DERIVED_MASDAR_RE.match(token.stem) or _TAFIL_RE.match(token.stem))


# person/number endings that only finite verbs carry (قصفت، قصفوا، قصفتم، قصفن)
_VERB_ENDINGS = frozenset({"ت", "وا", "تم", "تما", "ن"})
# those only a past verb carries (اتهمت، اتهموا، اتهمتا): a verbal noun or an imperfect has none of them
PAST_PERSON_ENDINGS = frozenset({"ت", "وا", "تا"})
_FUTURE_PERSON = ("سي", "ست", "سن", "سا")


def looks_finite(token: Token) -> bool:
    """Whether ``token`` carries a finite verb's person ending or the future prefix."""
    if looks_nominal(token):
        return False
    return bool(set(token.suffixes) & _VERB_ENDINGS) or "س" in token.prefixes or is_unsplit_future(token)


def is_unsplit_future(token: Token) -> bool:
    """ "ستنسحب": the segmenter sometimes leaves the future س on the verb."""
    return token.prefixes == () and token.stem[:2] in _FUTURE_PERSON and len(token.stem) > 4


# plural and first/second person endings: the verb carries its (pronoun) subject ("شنوا"، "قلنا")
_SUBJECT_ENDINGS = frozenset({"وا", "ون", "تم", "نا"})


def has_subject_ending(token: Token) -> bool:
    """Whether a verb's ending is its subject, so that nobody after it is."""
    return any(s in _SUBJECT_ENDINGS for s in token.suffixes)


def ends_in_written_ta(token: Token, surface: str) -> bool:
    """A last ت written as such, with nothing after it ("قتلت", "وسلطت"): a verb's ending (she, or
    I/you), where a noun would keep its ta marbuta ("سلطة") or take a pronoun after it ("حكومتنا")."""
    return token.suffixes[-1:] == ("ت",) and surface.endswith("ت")


# third-person pronoun clitics as the segmenter gives them (a ta marbuta stays ة: hadath.text.clitics)
THIRD_PERSON_PRONOUNS = frozenset({"ه", "ها", "هم", "هما", "هن"})
# and every person's ("كتابي", "حكومتنا", "بلادكم")
PERSONAL_PRONOUNS = THIRD_PERSON_PRONOUNS | {"ي", "نا", "ك", "كم", "كما", "كن"}


def has_pronoun_suffix(doc: Doc, position: int) -> bool:
    """Whether the word at ``position`` ends in a third-person pronoun ("جنوده", "قتلهم", "اعتداءاتها"),
    not a definite word, which takes no pronoun."""
    token = doc.tokens[position]
    return bool(token.suffixes) and token.suffixes[-1] in THIRD_PERSON_PRONOUNS and "ال" not in token.prefixes
