"""The public API stays small and sorted (STYLE.md §6)."""

import frontwatch


def test_public_api_all_is_sorted_and_resolvable():
    assert list(frontwatch.__all__) == sorted(frontwatch.__all__)
    for name in frontwatch.__all__:
        assert hasattr(frontwatch, name), name


def test_public_api_exposes_extract_and_records():
    assert callable(frontwatch.extract)
    assert {"Claim", "Document", "Flag", "Mention", "Place", "extract"} <= set(frontwatch.__all__)
