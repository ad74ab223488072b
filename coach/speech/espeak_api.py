"""The seven libespeak-ng functions Coach calls, bound with ctypes (espeak-ng's speak_lib.h).

pyttsx3's espeak driver module binds the library when it is imported, by fixed names,
with no way to say which library: using the bundled espeak-ng 1.52 (which speaks
Tigrinya) meant replacing `ctypes.cdll.LoadLibrary` for the whole process during that
import. It also binds some thirty functions and imports pyttsx3's engine (about 3 ms at
every start of the speech child and of `coach speak`) for an engine the synchronous
speaker (espeak.py) never runs. No maintained package offers the bindings alone
(espeakng-loader ships the library and its data, not an API). These are the same calls
with the same types; `EspeakApi` wraps one loaded library. pyttsx3 still drives the
system's own voices (SAPI5, macOS) in the speech child.
"""

from __future__ import annotations

import ctypes
from ctypes import CFUNCTYPE, POINTER, Structure, Union, c_char_p, c_int, c_short, c_ubyte, c_uint, c_void_p

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (see coach/values.py)
if TYPE_CHECKING:
    from collections.abc import Callable

EVENT_LIST_TERMINATED = 0
EVENT_WORD = 1
AUDIO_OUTPUT_SYNCHRONOUS = 2
INITIALIZE_DONT_EXIT = 0x8000
"""espeakINITIALIZE_DONT_EXIT: a data folder espeak-ng cannot read is an error returned, not exit()."""
EE_OK = 0
RATE = 1
POS_CHARACTER = 1
CHARS_UTF8 = 1
ENDPAUSE = 0x1000

SYSTEM_LIBRARIES = (
    "/opt/homebrew/lib/libespeak-ng.1.dylib", "/usr/local/lib/libespeak-ng.1.dylib", "/usr/local/lib/libespeak.dylib",
    "libespeak-ng.so.1", "/usr/local/lib/libespeak-ng.so.1", "libespeak.so.1",
    r"C:\Program Files\eSpeak NG\libespeak-ng.dll", r"C:\Program Files (x86)\eSpeak NG\libespeak-ng.dll",
)
"""Where a system's libespeak-ng is looked for, in this order (the names pyttsx3's driver tries)."""


class _EventId(Union):
    _fields_ = (("number", c_int), ("name", c_char_p))


class Event(Structure):
    """espeak_EVENT: what the synthesis callback gets beside the samples (word starts among them)."""

    _fields_ = (("type", c_int), ("unique_identifier", c_uint), ("text_position", c_int), ("length", c_int),
                ("audio_position", c_int), ("sample", c_int), ("user_data", c_void_p), ("id", _EventId))


class VoiceEntry(Structure):
    """espeak_VOICE: one installed voice as espeak_ListVoices gives it."""

    _fields_ = (("name", c_char_p), ("languages", c_char_p), ("identifier", c_char_p), ("gender", c_ubyte),
                ("age", c_ubyte), ("variant", c_ubyte), ("xx1", c_ubyte), ("score", c_int), ("spare", c_void_p))


SynthCallback = CFUNCTYPE(c_int, POINTER(c_short), c_int, POINTER(Event))
"""int callback(short *wav, int numsamples, espeak_EVENT *events): 0 goes on, 1 aborts."""


class EspeakApi:
    """One loaded libespeak-ng with the calls the synchronous speaker makes."""

    def __init__(self, dll: ctypes.CDLL, data_folder: str | None = None) -> None:
        self.dll = dll
        self.path = str(getattr(dll, "_name", ""))
        self.data_folder = data_folder
        """The folder that holds the espeak-ng-data this library reads (the bundled one's), or None: its own."""
        self._sample_rate = 0
        dll.espeak_Initialize.argtypes = (c_int, c_int, c_char_p, c_int)
        dll.espeak_Initialize.restype = c_int
        dll.espeak_SetSynthCallback.argtypes = (SynthCallback,)
        dll.espeak_SetSynthCallback.restype = None
        dll.espeak_ListVoices.argtypes = (c_void_p,)
        dll.espeak_ListVoices.restype = POINTER(POINTER(VoiceEntry))
        dll.espeak_SetVoiceByName.argtypes = (c_char_p,)
        dll.espeak_SetVoiceByName.restype = c_int
        dll.espeak_SetParameter.argtypes = (c_int, c_int, c_int)
        dll.espeak_SetParameter.restype = c_int
        dll.espeak_Synth.argtypes = (c_char_p, ctypes.c_size_t, c_uint, c_int, c_uint, c_uint, POINTER(c_uint),
                                     c_void_p)
        dll.espeak_Synth.restype = c_int
        dll.espeak_Info.argtypes = (POINTER(c_char_p),)
        dll.espeak_Info.restype = c_char_p
        self._callback: object = None  # kept alive while espeak-ng holds it

    def version(self) -> str:
        """As the library reports it, such as "1.52.0"; "" when it does not say."""
        try:
            raw = self.dll.espeak_Info(None)
        except (AttributeError, OSError):
            return ""
        return raw.decode("ascii", errors="replace") if raw else ""

    def data_path(self) -> str:
        """The espeak-ng-data folder the library reads (known once it is initialised); "" when it does not say."""
        path = c_char_p()
        try:
            self.dll.espeak_Info(ctypes.byref(path))
        except (AttributeError, OSError):
            return ""
        return path.value.decode("utf-8", errors="replace") if path.value else ""

    def initialize_synchronous(self, buffer_ms: int) -> int:
        """Start espeak-ng in synchronous mode, once for this library; its sample rate, or 0 or less when it cannot.

        The data folder is given to espeak-ng here (`data_folder`, else ESPEAK_DATA_PATH or the
        library's default), not left to the environment of a later call, and an unreadable one is
        an error returned (espeak-ng's default is to end the process). A second speaker in the same
        process shares the first one's start, as the speech child and `coach speak` have one
        each: started again, espeak-ng reloads its data under the voice already set (a CI test
        process that started speakers one after another crashed in a synthesis after that).
        """
        if self._sample_rate <= 0:
            folder = self.data_folder.encode("utf-8") if self.data_folder else None
            self._sample_rate = int(self.dll.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, buffer_ms, folder,
                                                               INITIALIZE_DONT_EXIT))
        return self._sample_rate

    def set_synth_callback(self, function: Callable[..., int]) -> None:
        self._callback = SynthCallback(function)
        self.dll.espeak_SetSynthCallback(self._callback)

    def list_voices(self) -> list[VoiceEntry]:
        entries = self.dll.espeak_ListVoices(None)
        voices, i = [], 0
        while entries[i]:
            voices.append(entries[i][0])
            i += 1
        return voices

    def set_voice(self, identifier: str) -> int:
        return int(self.dll.espeak_SetVoiceByName(identifier.encode("utf-8")))

    def set_rate(self, words_per_minute: int) -> int:
        return int(self.dll.espeak_SetParameter(RATE, words_per_minute, 0))

    def synth(self, text: str) -> int:
        """Say `text` (UTF-8, a pause at the end); returns when the callback has had every sample."""
        data = text.encode("utf-8")
        return int(self.dll.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8 | ENDPAUSE, None,
                                         None))


def open_system_library() -> EspeakApi:
    """The system's libespeak-ng; OSError (with the names tried) when there is none."""
    for name in SYSTEM_LIBRARIES:
        try:
            return EspeakApi(ctypes.cdll.LoadLibrary(name))
        except OSError:
            continue
    raise OSError("no libespeak-ng found (tried " + ", ".join(SYSTEM_LIBRARIES) + ")")
