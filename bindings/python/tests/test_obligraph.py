"""The Python package on the five seeds: the same bytes as the native
contract, the same dicts through the convenience functions, errors as
exceptions that name the place."""

import json
import os
import pathlib
import subprocess

import pytest

import obligraph
from conftest import ROOT, SEEDS, case

SEED_NAMES = [
    "binh-thuan-qd87-2023",
    "dong-nai-74-2026",
    "hue-qd2715-2026",
    "hue-sokhcn-de-an-65-2026",
    "ngo-quyen-102-2023",
]


def seed(name):
    return SEEDS / f"{name}.txt"


def test_every_case_gives_the_native_bytes(cases):
    differ = [n for n, (req, native) in cases.items() if obligraph.handle_json(req) != native]
    assert differ == []
    seen = {s for s in SEED_NAMES for req, _ in cases.values() if f'"{s}.txt"'.encode() in req}
    assert seen == set(SEED_NAMES)


def test_handle_gives_the_native_dicts_or_raises(cases):
    for name, (req, native) in cases.items():
        expected = json.loads(native)
        try:
            request = json.loads(req)
        except ValueError:
            continue  # not JSON: only handle_json can send it
        if expected["op"] == "error":
            with pytest.raises(obligraph.ObligraphError) as e:
                obligraph.handle(request)
            if expected["error"]["kind"] == "request":
                # json.dumps lays the request out anew: another place.
                assert e.value.kind == "request", name
            else:
                assert e.value.error == expected["error"], name
        else:
            assert obligraph.handle(request) == expected, name


def test_versions():
    r = obligraph.import_document(seed("hue-sokhcn-de-an-65-2026"))
    assert r["schema_version"] == obligraph.SCHEMA_VERSION
    assert r["tool_version"] == obligraph.__version__
    assert r["tool"] == "obligraph"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_import_from_a_path_bytes_or_a_dict(cases, name):
    expected = json.loads(case(cases, f"import-{name}")[1])
    path = seed(name)
    assert obligraph.import_document(path) == expected
    assert obligraph.import_document(str(path)) == expected
    assert obligraph.import_document(path.read_bytes(), name=path.name) == expected
    assert obligraph.import_document({"name": path.name, "text": path.read_text("utf-8")}) == expected
    assert expected["input"]["plan_found"] is True
    assert expected["plan"]["obligations"]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_check_each_seed(cases, name):
    assert obligraph.check(seed(name)) == json.loads(case(cases, f"check-{name}")[1])


def test_audit_ngo_quyen_against_binh_thuan(cases):
    request, native = case(cases, "audit-ngo-quyen-vs-binh-thuan")
    r = obligraph.audit(seed("binh-thuan-qd87-2023"), seed("ngo-quyen-102-2023"))
    assert r == json.loads(native)
    assert r["op"] == "audit"
    assert r["parent_input"]["name"] == "binh-thuan-qd87-2023.txt"
    assert r["child_input"]["name"] == "ngo-quyen-102-2023.txt"
    assert 0 < r["coverage"]["ratio"] <= 1


def test_audit_with_config_and_ids(cases, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[rules.OG005]\nseverity = "off"\n', encoding="utf-8")
    r = obligraph.audit(seed("hue-qd2715-2026"), seed("dong-nai-74-2026"), config=cfg)
    assert r == json.loads(case(cases, "audit-dong-nai-vs-hue-config")[1])
    assert not any(f["rule"] == "OG005" for f in r["findings"])
    r = obligraph.audit(seed("hue-qd2715-2026"), seed("dong-nai-74-2026"), parent_id="p", child_id="c")
    assert (r["parent_input"]["id"], r["child_input"]["id"]) == ("p", "c")


def test_word_document_as_bytes(cases):
    docx = ROOT / "tests" / "fixtures" / "docx" / "dong-nai-74-2026.docx"
    r = obligraph.import_document(docx.read_bytes(), name=docx.name, id="word")
    assert r == json.loads(case(cases, "import-docx")[1])


def test_the_command_line_writes_the_same_bytes(cases):
    cli = os.environ.get("OBLIGRAPH_CLI")
    if not cli:
        pytest.skip("OBLIGRAPH_CLI (the obligraph binary) not set; .ci/run sets it")
    out = subprocess.run(
        [cli, "audit", "--parent", "binh-thuan-qd87-2023.txt", "--child", "ngo-quyen-102-2023.txt",
         "--format", "json"],
        cwd=SEEDS, capture_output=True, check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    request, native = case(cases, "audit-ngo-quyen-vs-binh-thuan")
    assert out.stdout == obligraph.handle_json(request) == native


def test_a_bad_setting_names_its_file_line_and_column():
    with pytest.raises(obligraph.ObligraphError) as e:
        obligraph.check(seed("dong-nai-74-2026"), config={"name": "c.toml", "text": "[rules.OG999]\n"})
    err = e.value
    assert (err.kind, err.file, err.line, err.column) == ("config", "c.toml", 1, 8)
    assert "OG999" in str(err)


def test_a_bad_plan_names_its_line_and_column():
    with pytest.raises(obligraph.ObligraphError) as e:
        obligraph.import_document(b'{\n "number": 7\n}', name="p.json")
    assert (e.value.kind, e.value.file, e.value.line, e.value.column) == ("document", "p.json", 2, 12)


def test_bytes_that_are_not_utf8_are_placed_by_the_importer():
    with pytest.raises(obligraph.ObligraphError) as e:
        obligraph.import_document(b"KE HOACH\n\xff\xfe\n", name="x.txt")
    assert (e.value.kind, e.value.file, e.value.line) == ("document", "x.txt", 2)
    assert e.value.column is not None


def test_a_bad_request_is_an_error_not_a_crash():
    out = json.loads(obligraph.handle_json(b'{"op": "audit",\n "parent": 3}'))
    assert out["op"] == "error"
    assert (out["error"]["file"], out["error"]["line"]) == ("request", 2)
    with pytest.raises(obligraph.ObligraphError) as e:
        obligraph.handle({"op": "frobnicate"})
    assert e.value.kind == "request"
    with pytest.raises(TypeError):
        obligraph.import_document(42)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        obligraph.import_document(pathlib.Path("no-such-plan.txt"))
