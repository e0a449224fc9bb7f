"""The oblast written right after a name places it, not the next place's oblast further on."""

from __future__ import annotations

import frontwatch
from frontwatch.resources import default_resources


def test_nearest_following_oblast_wins():
    gaz = default_resources().gazetteer
    doc = frontwatch.extract(
        "Освобождены Тихое, Новоселовка Харьковской области, Затишье и Каменка Донецкой области.", lang="ru", date="2024-12-10"
    )
    got = {m.surface: gaz.get(m.place).oblast for m in doc.mentions if m.place}
    assert got["Новоселовка"] == "Харківська"
    assert got["Каменка"] == "Донецька"
