"""The leanest Python `coach speak` could be: a floor for bench_speak_cli.py, not part of Coach.

    python bench/lean_speaker.py LIBRARY DATA_DIR VOICE TEXT OUT.wav

The work every `coach speak` must do, in as few modules as Python allows (ctypes, wave):
load the espeak-ng library Coach loads, initialise it in synchronous mode, set the
voice, synthesise TEXT and write the WAV, then leave without the interpreter's clean-up.
No language check, no voice choice, no speech cache, no message.
"""

import sys

import ctypes
import os
import wave

library, data, voice, text, out = sys.argv[1:6]
os.environ["ESPEAK_DATA_PATH"] = data
espeak = ctypes.cdll.LoadLibrary(library)
espeak.espeak_Synth.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
                                ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p)
rate = espeak.espeak_Initialize(2, 500, None, 0)  # AUDIO_OUTPUT_SYNCHRONOUS, 500 ms buffers
chunks: list[bytes] = []


def collect(samples: int, count: int, events: int) -> int:
    if count > 0:
        chunks.append(ctypes.string_at(samples, count * 2))
    return 0


callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(collect)
espeak.espeak_SetSynthCallback(callback)
espeak.espeak_SetVoiceByName(voice.encode())
utf8 = text.encode()
espeak.espeak_Synth(utf8, len(utf8) + 1, 0, 1, 0, 1 | 0x1000, None, None)  # POS_CHARACTER, CHARS_UTF8 | ENDPAUSE
with wave.open(out, "wb") as wav:
    wav.setnchannels(1)
    wav.setsampwidth(2)
    wav.setframerate(rate)
    wav.writeframes(b"".join(chunks))
sys.stdout.flush()
os._exit(0)
