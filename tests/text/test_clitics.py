"""Hadath's memo over Farasa's stem-template fit changes speed and memory, never a segmentation."""

import json
import subprocess
import sys

from farasa import fitTemplateClass

from hadath.text.clitics import _farasa, _farasa_segments

# Words of our own with proclitics, suffixes, broken plurals, hamzas and names: the fit's fallbacks
# (ta marbuta, alef forms, doubled last letter, assimilated ta) are all exercised.
WORDS = [
    "وبالحكومة",
    "فأطلقوا",
    "للنظام",
    "سيبقون",
    "والمتظاهرين",
    "بمستشفياتهم",
    "استهدفتها",
    "الاشتباكات",
    "وزارتي",
    "ومسؤولوها",
    "فاضطروا",
    "اطمأن",
    "المؤتمرات",
    "كاتبة",
    "بيانه",
    "الإيرانية",
    "وسيناقشون",
    "مدّ",
    "آلاف",
    "ولاستئناف",
    "مرؤوسيه",
    "فاستقالت",
    "بالأمم",
    "وكالاتهم",
    "ترامب",
    "لداعش",
    "واتهم",
    "الشرطيين",
    "انسحابها",
    "يدعو",
    "مستوطنون",
    "بصواريخ",
]

_PLAIN_FARASA = """
import json, sys
from farasa import segmentation
words = json.loads(sys.stdin.read())
print(json.dumps([segmentation.mostLikelyPartition(w, 1)[0][1] for w in words]))
"""


def test_memoised_fit_gives_farasa_s_own_segmentations():
    # only words missing from Farasa's shipped table are scored, where the fit is used
    scored = [word for word in WORDS if word not in _farasa().hmSeenBefore]
    assert len(scored) > 10
    plain = subprocess.run(
        [sys.executable, "-c", _PLAIN_FARASA],
        input=json.dumps(scored),
        capture_output=True,
        text=True,
        check=True,
    )
    expected = [
        [part for part in best.replace(";", "").replace("++", "+").strip("+").split("+") if part]
        for best in json.loads(plain.stdout)
    ]
    assert [_farasa_segments(word) for word in scored] == expected


def test_the_fit_is_memoised_and_farasa_s_unread_dict_does_not_grow():
    _farasa()
    assert fitTemplateClass.fitTemplate.cache_info().maxsize  # bounded
    before = len(fitTemplateClass.hmSeenBefore)
    for word in ("ومستشفياتهمااا", "فاستقالتاهن", "بمؤتمراتكما"):
        _farasa_segments(word)
    assert len(fitTemplateClass.hmSeenBefore) == before
