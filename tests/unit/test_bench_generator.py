"""The benchmark's pack generator writes valid, realistic packs, the same every time."""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

from coach.packs.check import check_command
from coach.packs.loader import load_pack

REPO = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_packs", REPO / "bench" / "generate_packs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_packs", module)
    spec.loader.exec_module(module)
    return module


generate_packs = _generator()


def test_generated_packs_pass_pack_check(tmp_path: Path) -> None:
    """Every generated pack passes `coach pack check` (deep validation) with no error."""
    folders = generate_packs.generate(tmp_path, packs=3, lessons=3, steps=3, languages=10)
    out = io.StringIO()
    assert check_command([str(f) for f in folders], out) == 0, out.getvalue()
    assert out.getvalue().splitlines()[-1].startswith("3 packs checked: all valid")


def test_generated_packs_have_the_asked_shape(tmp_path: Path) -> None:
    """A pack has the asked lessons, steps and languages, one catalog per translation."""
    (folder,) = generate_packs.generate(tmp_path, packs=1, lessons=4, steps=5, languages=6)
    pack = load_pack(folder).pack
    assert pack is not None
    assert len(pack.lessons) == 4 and all(len(lesson.steps) == 5 for lesson in pack.lessons)
    assert pack.languages == generate_packs.LANGUAGES[:6] and pack.source_language == "fr"
    assert sorted(pack.catalogs) == sorted(generate_packs.LANGUAGES[1:6])
    assert pack.translate(pack.lessons[0].steps[0].text, "de") != pack.lessons[0].steps[0].text.source


def test_generation_is_deterministic(tmp_path: Path) -> None:
    """Two generations with the same arguments write the same files, bytes and times."""
    first = generate_packs.generate(tmp_path / "a", packs=2, lessons=2, steps=2, languages=4)
    second = generate_packs.generate(tmp_path / "b", packs=2, lessons=2, steps=2, languages=4)

    def files(folders: list[Path], root: Path) -> dict[str, tuple[bytes, int]]:
        return {
            path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for folder in folders for path in folder.rglob("*") if path.is_file()
        }

    assert files(first, tmp_path / "a") == files(second, tmp_path / "b")


def _records_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_records", REPO / "bench" / "bench_records.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_records", module)
    spec.loader.exec_module(module)
    return module


def test_generated_records_are_found_by_search(tmp_path: Path) -> None:
    """The records bench's clients carry their search key: a part of a pseudonym, or a code, finds them."""
    from coach.records import Records

    bench = _records_bench()
    path = tmp_path / "records.db"
    bench.generate(path, clients=200, ratings=2000)
    with Records.open(path, bench.PASS) as records:
        pseudonym, code = records.conn.execute("SELECT pseudonym, code FROM clients WHERE id = 7").fetchone()
        assert 7 in [client.id for client in records.find_clients(pseudonym[1:4].upper())]
        assert [client.id for client in records.find_clients(code.lower())][0] == 7
        assert len(records.find_clients(pseudonym[:2])) == 20  # the list's limit: a short part finds many
