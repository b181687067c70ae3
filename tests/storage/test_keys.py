"""Keys: every traversal trick is refused, and client filenames always become one safe segment."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tonn_mock.storage import (
    MAX_FILENAME_LENGTH,
    UnsafeKey,
    check_key,
    make_key,
    sanitise_filename,
)

UPLOAD_ID = "0b7f9a52-3c1e-4d2a-9f00-5e6c7d8e9fa1"

HOSTILE_KEYS = {
    "parent": "../x",
    "parent inside": "uploads/../../etc/passwd",
    "parent at end": "uploads/..",
    "dots in a name": "uploads/a..b",
    "absolute": "/etc/passwd",
    "windows drive": "C:/Windows/win.ini",
    "backslash": "uploads\\..\\x",
    "backslash in a name": "uploads/a\\b",
    "NUL": "uploads/a\x00.wav",
    "percent-encoded dots": "uploads/%2e%2e/%2e%2e/etc/passwd",
    "percent-encoded slash": "uploads/..%2f..%2fetc",
    "empty": "",
    "empty segment": "uploads//x",
    "trailing slash": "uploads/x/",
    "current dir": "uploads/./x",
    "hidden name": "uploads/.meta",
    "space": "uploads/my song.wav",
    "newline": "uploads/a\nb",
    "unicode": "uploads/caf\u00e9.wav",
    "too long": "a/" + "b" * 1100,
    "long segment": "a/" + "b" * 201,
}


@pytest.mark.parametrize("key", HOSTILE_KEYS.values(), ids=HOSTILE_KEYS.keys())
def test_unsafe_keys_are_refused(key: str) -> None:
    with pytest.raises(UnsafeKey) as caught:
        check_key(key)
    assert caught.value.key == key
    assert caught.value.code == "InvalidArgument"
    assert caught.value.status == 400


@pytest.mark.parametrize("encoded", ["uploads/%2e%2e/%2e%2e/etc/passwd", "%2E%2E/x", "a/%2e./b"])
def test_percent_encoded_traversal_is_refused_before_and_after_decoding(encoded: str) -> None:
    for key in (encoded, unquote(encoded)):
        with pytest.raises(UnsafeKey):
            check_key(key)


@pytest.mark.parametrize(
    "key",
    [
        f"uploads/{UPLOAD_ID}/song.wav",
        "results/task-1/RoEx_Final_Mix_Preview.mp3",
        "a",
        "a/b.c/d-e_f.tar.gz",
    ],
)
def test_safe_keys_pass_unchanged(key: str) -> None:
    assert check_key(key) == key


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("song.wav", "song.wav"),
        ("My Song (final).wav", "My_Song_final_.wav"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("C:\\Users\\me\\take 1.flac", "take_1.flac"),
        ("/abs/path/mix.mp3", "mix.mp3"),
        (".htaccess", "htaccess"),
        ("...", "file"),
        ("..", "file"),
        ("", "file"),
        ("dir/", "file"),
        ("a..b...wav", "a.b.wav"),
        ("evil\x00.wav", "evil_.wav"),
        ("%2e%2e%2fetc%2fpasswd", "_2e_2e_2fetc_2fpasswd"),
        ("caf\u00e9 d\u00e9j\u00e0 vu.wav", "cafe_deja_vu.wav"),
        ("\u65e5\u672c\u8a9e.wav", "_.wav"),
        ("line\nbreak\r\n.wav", "line_break_.wav"),
    ],
)
def test_sanitise_filename_neutralises_hostile_names(filename: str, expected: str) -> None:
    assert sanitise_filename(filename) == expected


def test_long_names_are_cut_before_the_extension() -> None:
    name = sanitise_filename("x" * 500 + ".wav")
    assert len(name) == MAX_FILENAME_LENGTH
    assert name.endswith("x.wav")


def test_long_names_without_a_short_extension_are_cut_plainly() -> None:
    assert sanitise_filename("y" * 500) == "y" * MAX_FILENAME_LENGTH
    assert len(sanitise_filename("a." + "z" * 500)) == MAX_FILENAME_LENGTH


def test_cutting_never_leaves_a_double_dot() -> None:
    name = sanitise_filename("a" * 122 + ".b.c.wav")
    assert ".." not in name
    assert name.endswith(".wav")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_filename_becomes_one_safe_segment(filename: str) -> None:
    name = sanitise_filename(filename)
    assert name
    assert "/" not in name
    assert len(name) <= MAX_FILENAME_LENGTH
    check_key(f"uploads/{UPLOAD_ID}/{name}")


def test_make_key_builds_upload_and_result_keys() -> None:
    assert make_key("uploads", UPLOAD_ID, "My Song.wav") == f"uploads/{UPLOAD_ID}/My_Song.wav"
    assert make_key("results", "t1", "../stems/vocals.wav") == "results/t1/vocals.wav"


@pytest.mark.parametrize(
    ("prefix", "ident"),
    [
        ("../uploads", "x"),
        ("uploads", "../x"),
        ("uploads", ".."),
        ("", "x"),
        ("a/b", "x"),
        ("uploads", "a b"),
        ("uploads", ""),
    ],
)
def test_make_key_refuses_unsafe_prefix_or_id(prefix: str, ident: str) -> None:
    with pytest.raises(UnsafeKey):
        make_key(prefix, ident, "song.wav")
