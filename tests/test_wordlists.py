import pytest

from policy_parser import wordlists


def test_entries_read_words_and_tags(tmp_path, monkeypatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "demo.txt").write_text(
        "# header: WORD<TAB>TAGS\n\n委员会\trank,signature\n局\n", encoding="utf-8"
    )
    monkeypatch.setattr(wordlists.resources, "files", lambda _pkg: tmp_path)
    wordlists.entries.cache_clear()
    wordlists.words.cache_clear()
    try:
        assert wordlists.entries("demo") == (
            ("委员会", frozenset({"rank", "signature"})),
            ("局", frozenset()),
        )
        assert wordlists.words("demo") == ("委员会", "局")
        assert wordlists.words("demo", "rank") == ("委员会",)
    finally:
        wordlists.entries.cache_clear()
        wordlists.words.cache_clear()


def test_a_word_written_twice_is_an_error(tmp_path, monkeypatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dup.txt").write_text("局\n厅\n局\ttag\n", encoding="utf-8")
    monkeypatch.setattr(wordlists.resources, "files", lambda _pkg: tmp_path)
    wordlists.entries.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"dup.txt names '局' twice \(at line 3\)"):
            wordlists.entries("dup")
    finally:
        wordlists.entries.cache_clear()


def test_every_shipped_list_loads_and_has_a_header() -> None:
    data = wordlists.resources.files("policy_parser").joinpath("data")
    names = [p.name for p in data.iterdir() if p.name.endswith(".txt")]
    assert names
    for name in names:
        text = data.joinpath(name).read_text("utf-8")
        assert text.startswith("#"), f"{name} has no header saying its format"
        assert wordlists.entries(name.removesuffix(".txt"))


def test_lexicon_kinds() -> None:
    lex = wordlists.lexicon()
    assert lex["国务院办公厅"] == "organ"
    assert set(lex.values()) <= {"organ", "generic", "people"}
