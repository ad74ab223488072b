"""Find the line of a key in TOML text, since tomllib gives line numbers only for errors.

A key path names a value the way messages do: "title", "audio.fr", "steps[2].picture"
(indexes from 0). The locator scans the raw text for table headers such as
`[[steps]]`, counts them to find the right block, then looks for `key =` inside it.
When the key is not written there (a missing field) the block's header line is the
answer; when even that cannot be found, None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADER = re.compile(r"^\s*(\[\[|\[)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*[.=]""")
_SEGMENT = re.compile(r"^([^\[\]]+)(?:\[(\d+)\])?$")


@dataclass(frozen=True)
class _Block:
    """The lines under one table header; the top of the file is the block named ""."""

    name: str
    is_array: bool
    header_line: int | None  # 1-based; None for the top of the file
    first: int  # index of the first line after the header
    end: int  # index one past the block's last line


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in "\"'" else key


class TomlLocator:
    """Maps key paths to 1-based line numbers in one TOML file's text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.blocks = self._scan()
        self._keys: dict[int, dict[str, int]] = {}  # block position -> key -> line, on demand

    def _scan(self) -> list[_Block]:
        blocks: list[_Block] = []
        name, is_array, header_line, first = "", False, None, 0
        open_quote: str | None = None  # inside a multi-line string: no headers there
        for index, line in enumerate(self.lines):
            if open_quote is not None:
                if line.count(open_quote) % 2 == 1:
                    open_quote = None
                continue
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    open_quote = quote
            match = _HEADER.match(line) if open_quote is None else None
            if match:
                blocks.append(_Block(name, is_array, header_line, first, index))
                name = ".".join(_unquote(p.strip()) for p in match.group(2).split("."))
                is_array, header_line, first = match.group(1) == "[[", index + 1, index + 1
        blocks.append(_Block(name, is_array, header_line, first, len(self.lines)))
        return blocks

    def _scope_end(self, position: int) -> int:
        """Index of the first block after `position` that is not nested inside it."""
        name = self.blocks[position].name
        for later in range(position + 1, len(self.blocks)):
            if not (name == "" or self.blocks[later].name.startswith(name + ".")):
                return later
        return len(self.blocks)

    def _key_line(self, position: int, key: str) -> int | None:
        """The first line of block `position` assigning `key` (also as a dotted key)."""
        keys = self._keys.get(position)
        if keys is None:
            keys = {}
            block = self.blocks[position]
            for index in range(block.first, block.end):
                match = _KEY.match(self.lines[index])
                if match:
                    keys.setdefault(_unquote(match.group(1)), index + 1)
            self._keys[position] = keys
        return keys.get(key)

    def line_of(self, key_path: str) -> int | None:
        """The line of `key_path` ("steps[2].picture"), its table's header, or None."""
        position = 0  # the block we are in
        for number, part in enumerate(key_path.split(".")):
            match = _SEGMENT.match(part)
            if match is None:
                return self.blocks[position].header_line
            key, index = match.group(1), match.group(2)
            block = self.blocks[position]
            qualified = f"{block.name}.{key}" if block.name else key
            end = self._scope_end(position)
            if index is not None:
                arrays = [p for p in range(position + 1, end)
                          if self.blocks[p].is_array and self.blocks[p].name == qualified]
                if int(index) < len(arrays):
                    position = arrays[int(index)]
                    continue
                # Perhaps an inline array ("steps = [...]"): its key's line will do.
                return self._key_line(position, key) or block.header_line
            line = self._key_line(position, key)
            if line is not None:
                return line  # deeper keys are inline tables on this line
            tables = [p for p in range(position + 1, end) if self.blocks[p].name == qualified]
            if not tables:
                return block.header_line
            position = tables[0]
            if number == len(key_path.split(".")) - 1:
                return self.blocks[position].header_line
        return self.blocks[position].header_line
