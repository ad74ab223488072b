"""The desk's settings file: defaults, round trips, damaged files and atomic writes."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.settings import TEXT_SCALES, Settings, load_settings, save_settings

FIELD_TYPES = {f.name: type(getattr(Settings(), f.name)) for f in fields(Settings)}


def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def assert_well_formed(loaded: Settings) -> None:
    for name, kind in FIELD_TYPES.items():
        assert type(getattr(loaded, name)) is kind, name
    assert loaded.text_scale in TEXT_SCALES


def test_defaults() -> None:
    """The defaults open on the language picker, worker in French, 100 %, normal contrast."""
    assert Settings() == Settings(
        client_language="", worker_language="fr", show_worker_text=False, text_scale=100, high_contrast=False
    )


def test_missing_file_gives_defaults_and_creates_nothing(tmp_path: Path) -> None:
    """Loading a settings file that does not exist returns the defaults and writes nothing."""
    path = settings_file(tmp_path)
    assert load_settings(path) == Settings()
    assert not path.parent.exists()


def test_round_trip(tmp_path: Path) -> None:
    """What save_settings writes, load_settings reads back unchanged (folders are created)."""
    path = settings_file(tmp_path)
    chosen = Settings(desk_language="fa-AF", worker_language="de", show_worker_text=True,
                      text_scale=175, high_contrast=True)
    save_settings(path, chosen)
    assert load_settings(path) == chosen
    assert json.loads(path.read_text(encoding="utf-8"))["desk_language"] == "fa-AF"


def test_the_clients_language_is_never_saved(tmp_path: Path) -> None:
    """The next client, after a restart, never lands in the previous client's language."""
    path = settings_file(tmp_path)
    save_settings(path, Settings(client_language="ar", desk_language="fr"))
    assert "client_language" not in json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({"client_language": "ar", "desk_language": "de"}), encoding="utf-8")
    loaded = load_settings(path)
    assert (loaded.client_language, loaded.desk_language) == ("", "de")


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    client=st.sampled_from(["", "fr", "ar", "fa-AF", "ti", "de-CH"]),
    worker=st.sampled_from(["fr", "ar", "fa-AF", "ti", "uk"]),
    show=st.booleans(),
    scale=st.sampled_from(TEXT_SCALES),
    high=st.booleans(),
)
def test_round_trip_any_values(tmp_path: Path, client: str, worker: str, show: bool, scale: int, high: bool) -> None:
    """Any valid settings survive a save and a load."""
    chosen = Settings(desk_language=client or "fr", worker_language=worker, show_worker_text=show,
                      text_scale=scale, high_contrast=high)
    path = settings_file(tmp_path)
    save_settings(path, chosen)
    assert load_settings(path) == chosen


def test_save_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    """Saving twice leaves exactly settings.json in the folder, with the latest values."""
    path = settings_file(tmp_path)
    save_settings(path, Settings(text_scale=125))
    save_settings(path, Settings(text_scale=150))
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]
    assert load_settings(path).text_scale == 150


def test_failed_save_keeps_old_file_and_removes_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If writing fails half way, the old settings file is intact and no temporary file remains."""
    path = settings_file(tmp_path)
    save_settings(path, Settings(text_scale=125))

    def broken_dump(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("coach.settings.json.dump", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        save_settings(path, Settings(text_scale=200))
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]
    assert load_settings(path).text_scale == 125


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'"a string"',
        b"42",
        b"null",
    ],
    ids=["garbage", "empty", "not-utf8", "list", "string", "number", "null"],
)
def test_damaged_file_is_set_aside(tmp_path: Path, content: bytes) -> None:
    """A file that is not a JSON object gives the defaults and is kept as settings.json.bad."""
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert load_settings(path) == Settings()
    assert not path.exists()
    assert (path.parent / "settings.json.bad").read_bytes() == content


def test_after_setting_aside_a_save_works(tmp_path: Path) -> None:
    """Once a damaged file is set aside, saving writes a fresh file beside the .bad copy."""
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("{oops", encoding="utf-8")
    load_settings(path)
    save_settings(path, Settings(text_scale=150))
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json", "settings.json.bad"]
    assert load_settings(path).text_scale == 150


def test_wrong_types_and_unknown_keys_are_ignored(tmp_path: Path) -> None:
    """Values of the wrong type and unknown keys fall back to the defaults; good values are kept."""
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({
        "client_language": 12,
        "worker_language": "ar",
        "show_worker_text": "yes",
        "text_scale": "150",
        "high_contrast": True,
        "favourite_colour": "blue",
    }), encoding="utf-8")
    assert load_settings(path) == Settings(worker_language="ar", high_contrast=True)


@pytest.mark.parametrize(("stored", "expected"), [(0, 100), (-50, 100), (90, 100), (130, 125), (140, 150),
                                                  (199, 200), (250, 200), (10**30, 200)])
def test_out_of_range_scale_snaps_to_nearest(tmp_path: Path, stored: int, expected: int) -> None:
    """A text scale outside 100–200 % or between steps becomes the nearest allowed scale."""
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"text_scale": stored}), encoding="utf-8")
    assert load_settings(path).text_scale == expected


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.dictionaries(st.sampled_from([*FIELD_TYPES, "other"]), JSON, max_size=6) | JSON,
)
def test_any_json_never_raises(tmp_path: Path, data: object) -> None:
    """Whatever JSON is in the file, loading never raises and gives well-typed settings."""
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert_well_formed(load_settings(path))


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=40))
def test_any_bytes_never_raise(tmp_path: Path, content: bytes) -> None:
    """Whatever bytes are in the file, loading never raises and gives well-typed settings."""
    path = settings_file(tmp_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert_well_formed(load_settings(path))


def test_scale_steps_up_and_down() -> None:
    """with_scale_step moves one step along 100, 125, 150, 175, 200."""
    assert Settings().with_scale_step(+1).text_scale == 125
    assert Settings(text_scale=150).with_scale_step(-1).text_scale == 125
    assert Settings(text_scale=175).with_scale_step(+1).text_scale == 200


def test_scale_steps_stop_at_the_bounds() -> None:
    """with_scale_step never goes below 100 % or above 200 %."""
    assert Settings(text_scale=100).with_scale_step(-1).text_scale == 100
    assert Settings(text_scale=200).with_scale_step(+1).text_scale == 200


@given(scale=st.integers(-1000, 1000), steps=st.lists(st.sampled_from([-1, 1]), max_size=12))
def test_scale_steps_always_land_on_a_scale(scale: int, steps: list[int]) -> None:
    """From any starting value, stepping stays on an allowed scale and changes nothing else."""
    current = Settings(client_language="ar", text_scale=scale)
    for direction in steps:
        current = current.with_scale_step(direction)
        assert current.text_scale in TEXT_SCALES
        assert current.client_language == "ar"


@pytest.mark.parametrize("name, value", [
    ("worker_language", "\ud800"), ("worker_language", "zz"), ("client_language", "klingon"),
    ("text_scale", True), ("show_worker_text", 1),
])
def test_unusable_values_fall_back_and_can_be_saved(tmp_path: Path, name: str, value: object) -> None:
    """An unknown language, a lone surrogate or a bool scale is dropped, and saving still works."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({name: value}), encoding="utf-8")
    settings = load_settings(path)
    assert getattr(settings, name) == getattr(Settings(), name)
    save_settings(path, settings)
    assert load_settings(path) == settings
