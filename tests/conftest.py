"""Shared fixtures: a generator of small Arabic news corpora written for the tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

# Sentences written for these tests; documents are made by combining them.
SENTENCES = [
    "شنت الطائرات الروسية غارات على مواقع المعارضة السورية في ريف حلب.",
    "قال وزير الخارجية التركي إن أنقرة تدعم الحل السياسي في سوريا.",
    "تظاهر مئات المحتجين أمام البرلمان العراقي في بغداد.",
    "أعلن الجيش اللبناني اعتقال خمسة مسلحين قرب الحدود السورية.",
    "استقبل الملك الأردني وفدا أمريكيا في عمان لبحث الأوضاع في المنطقة.",
    "هددت إيران بإغلاق مضيق هرمز إذا فرضت عليها عقوبات جديدة.",
    "اتهمت الحكومة اليمنية الحوثيين بقصف أحياء سكنية في تعز.",
    "وقعت مصر والسعودية اتفاقية للتعاون الاقتصادي في القاهرة.",
]


def news_record(number: int) -> dict[str, str]:
    """Document ``number`` of the test corpus: one to three sentences, a date in March 2016."""
    text = " ".join(SENTENCES[(number + k) % len(SENTENCES)] for k in range(1 + number % 3))
    return {
        "id": f"n{number}",
        "date": f"2016-03-{1 + number % 28:02d}",
        "text": f"{text} (الخبر رقم {number})",
    }


@pytest.fixture
def write_corpus() -> Callable[..., Path]:
    """``write_corpus(path, count, broken=False)`` writes a JSONL corpus; ``broken`` adds an invalid
    JSON line and an empty text."""

    def write(path: Path, count: int, *, broken: bool = False) -> Path:
        lines = [json.dumps(news_record(i), ensure_ascii=False) for i in range(count)]
        if broken:
            lines.insert(3, "{not json")
            lines.insert(5, json.dumps({"id": "empty", "text": "   "}))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
