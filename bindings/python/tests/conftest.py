"""The contract's cases: requests with the bytes the native
``obligraph::contract::handle`` answered (examples/contract_cases.rs).
``OBLIGRAPH_CASES`` names their folder (.ci/run writes it once for the
WebAssembly and Python tests); without it they are written here with cargo.
"""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
SEEDS = ROOT / "examples" / "data" / "seeds"


@pytest.fixture(scope="session")
def cases_dir(tmp_path_factory) -> pathlib.Path:
    given = os.environ.get("OBLIGRAPH_CASES")
    if given:
        return pathlib.Path(given)
    out = tmp_path_factory.mktemp("cases")
    subprocess.run(
        ["cargo", "run", "-q", "--example", "contract_cases", "--", str(out)],
        cwd=ROOT,
        check=True,
    )
    return out


@pytest.fixture(scope="session")
def cases(cases_dir):
    names = sorted(p.name[: -len(".request.json")] for p in cases_dir.glob("*.request.json"))
    assert len(names) >= 30, f"only {len(names)} cases in {cases_dir}"
    return {
        n: ((cases_dir / f"{n}.request.json").read_bytes(), (cases_dir / f"{n}.response.json").read_bytes())
        for n in names
    }


def case(cases, suffix):
    (found,) = [v for k, v in cases.items() if k.endswith(suffix)]
    return found
