"""Named-entity recognition: a CRF trained here on ANERcorp (tools/train_ner.py), shipped in the package.

``load_ner_tagger().entities(text)`` gives the PER, LOC, ORG and MISC names of a text as spans of the
original text; ``tag_sentences`` labels pre-tokenised sentences (IOB2).
"""

from hadath.ner.model import Entity, NerTagger, load_ner_tagger

__all__ = ["Entity", "NerTagger", "load_ner_tagger"]
