"""Find the line of a key in TOML text, since tomllib gives line numbers only for errors.

A key path names a value the way messages do: "title", "audio.fr", "steps[2].picture"
(indexes from 0). The locator scans the raw text for table headers such as
`[[steps]]`, counts them to find the right block, then looks for `key =` inside it.
When the key is not written there (a missing field) the block's header line is the
answer; when even that cannot be found, None.

Every lookup is linear at worst and usually constant: headers are parsed with string
methods (a regex with two overlapping repeats backtracked cubically on one 6 KB line
of brackets and spaces), and the blocks of each array and table are indexed once,
so a lesson of 5,000 steps costs 5,000 lookups, not 5,000 scans of 5,000 blocks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass



def _header(line: str) -> tuple[bool, str] | None:
    """(is an array of tables, name) for a table header line such as `[[steps]]`, else None."""
    text = line.strip()
    if not text.startswith("["):
        return None
    is_array = text.startswith("[[")
    body = text[2:] if is_array else text[1:]
    end = body.find("]")
    if end < 0:
        return None
    name = body[:end].strip()
    rest = body[end + 1:]
    if rest.startswith("]"):
        rest = rest[1:]
    rest = rest.strip()
    if not name or "[" in name or (rest and not rest.startswith("#")):
        return None
    return is_array, name
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
        self._ends = self._scope_ends()
        self._by_name: dict[str, list[int]] = {}  # block name -> positions, in order
        self._arrays: dict[str, list[int]] = {}  # the same, arrays of tables ([[steps]]) only
        for position, block in enumerate(self.blocks):
            self._by_name.setdefault(block.name, []).append(position)
            if block.is_array:
                self._arrays.setdefault(block.name, []).append(position)

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
            found = _header(line) if open_quote is None else None
            if found:
                blocks.append(_Block(name, is_array, header_line, first, index))
                name = ".".join(_unquote(p.strip()) for p in found[1].split("."))
                is_array, header_line, first = found[0], index + 1, index + 1
        blocks.append(_Block(name, is_array, header_line, first, len(self.lines)))
        return blocks

    def _scope_ends(self) -> list[int]:
        """For each block, the index of the first later block not nested inside it (one pass, a stack)."""
        ends = [len(self.blocks)] * len(self.blocks)
        open_: list[int] = []
        for later, block in enumerate(self.blocks):
            while open_:
                name = self.blocks[open_[-1]].name
                if name == "" or block.name.startswith(name + "."):
                    break
                ends[open_.pop()] = later
            open_.append(later)
        return ends

    def _within(self, name: str, position: int, end: int) -> list[int]:
        """Positions of the blocks called `name` after `position` and before `end`."""
        positions = self._by_name.get(name, [])
        return positions[bisect.bisect_right(positions, position):bisect.bisect_left(positions, end)]

    def _array_item(self, name: str, position: int, end: int, index: int) -> int | None:
        """The position of item `index` of the array of tables `name` inside (position, end), or None."""
        positions = self._arrays.get(name, [])
        target = bisect.bisect_right(positions, position) + index
        return positions[target] if target < len(positions) and positions[target] < end else None

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
            end = self._ends[position]
            if index is not None:
                item = self._array_item(qualified, position, end, int(index))
                if item is not None:
                    position = item
                    continue
                # Perhaps an inline array ("steps = [...]"): its key's line will do.
                return self._key_line(position, key) or block.header_line
            line = self._key_line(position, key)
            if line is not None:
                return line  # deeper keys are inline tables on this line
            tables = self._within(qualified, position, end)
            if not tables:
                return block.header_line
            position = tables[0]
            if number == len(key_path.split(".")) - 1:
                return self.blocks[position].header_line
        return self.blocks[position].header_line
