from alerts.yamlsource import line_at, load_documents


def test_only_true_and_false_are_booleans():
    docs, problems = load_documents("x.yaml", "codes: [NO, on, yes, off]\nflag: true\n")
    assert problems == []
    assert docs[0].data == {"codes": ["NO", "on", "yes", "off"], "flag": True}


def test_line_numbers_follow_keys_and_list_items():
    text = "a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n"
    docs, _ = load_documents("x.yaml", text)
    data = docs[0].data
    assert line_at(data, ("b", 1)) == 4
    assert line_at(data, ("c", "d")) == 6
    assert line_at(data, ("missing",)) == 1


def test_several_documents_keep_their_own_lines():
    docs, _ = load_documents("x.yaml", "a: 1\n---\nb: 2\n")
    assert [d.line for d in docs] == [1, 3]


def test_duplicate_key_is_a_problem_with_its_line():
    _, problems = load_documents("x.yaml", "a: 1\nb: 2\na: 3\n")
    assert len(problems) == 1
    assert problems[0].line == 3
    assert "appears twice" in problems[0].message and "line 1" in problems[0].message


def test_syntax_error_is_a_problem_not_a_traceback():
    _, problems = load_documents("x.yaml", "a: [1, 2\nb: 3\n")
    assert problems and problems[0].file == "x.yaml" and problems[0].line is not None


def test_alias_bomb_is_refused():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefg", "bcdefgh", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    _, problems = load_documents("bomb.yaml", "\n".join(lines) + "\n")
    assert problems and "aliases" in problems[0].message


def test_unreadable_and_non_utf8_files(tmp_path):
    _, problems = load_documents(tmp_path / "absent.yaml")
    assert "cannot read" in problems[0].message
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    _, problems = load_documents(latin)
    assert problems[0].line == 2 and "UTF-8" in problems[0].message


def test_a_tab_is_called_a_tab():
    for text, line in (("a: 1\nb:\n\tc: 2\n", 3), ("match:\n  all:\n  \t- terms: [x]\n", 3)):
        _, problems = load_documents("x.yaml", text)
        assert len(problems) == 1, problems
        assert problems[0].line == line
        assert "tab character" in problems[0].message and "spaces" in problems[0].message
    # A tab inside a quoted value is text, and other syntax errors keep the general sentence.
    docs, problems = load_documents("x.yaml", 'a: "x\ty"\n')
    assert problems == [] and docs[0].data == {"a": "x\ty"}
    _, problems = load_documents("x.yaml", "a: [1, 2\n")
    assert "tab" not in problems[0].message and "not valid YAML" in problems[0].message
