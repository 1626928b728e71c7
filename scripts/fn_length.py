#!/usr/bin/env python3
"""Fails when a function in src/ is longer than MAX lines, from its `fn` line to its
closing brace, comments and view markup included: such a function is too big to hold in
one's head, so split it along its seams (issue 19). A function that is data, such as the
sample product, says so on the line before it: `// fn-length: data (why)`.

    python3 scripts/fn_length.py [--list N]   # --list: every function over N lines
"""
import os
import re
import sys

MAX = 120
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def code_only(line, state):
    """The line with strings, chars and comments blanked, so only real braces count.
    `state` carries an open string or block comment across lines."""
    out, i = [], 0
    while i < len(line):
        c = line[i]
        if state["in"] == "block":
            if line.startswith("*/", i):
                state["in"] = None
                i += 2
                continue
            i += 1
            continue
        if state["in"] == "str":
            if c == "\\":
                i += 2
                continue
            if c == '"':
                state["in"] = None
            i += 1
            continue
        if state["in"] == "raw":
            end = '"' + "#" * state["hashes"]
            if line.startswith(end, i):
                state["in"] = None
                i += len(end)
                continue
            i += 1
            continue
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["in"] = "block"
            i += 2
            continue
        raw = re.match(r'r(#*)"', line[i:])
        if raw and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
            state["in"], state["hashes"] = "raw", len(raw.group(1))
            i += len(raw.group(0))
            continue
        if c == '"':
            state["in"] = "str"
            i += 1
            continue
        char = re.match(r"'(\\.|[^\\'])'", line[i:])
        if char:
            i += len(char.group(0))
            continue
        out.append(c)
        i += 1
    return "".join(out)


def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    state = {"in": None, "hashes": 0}
    code = [code_only(l, state) for l in lines]
    for i, line in enumerate(code):
        m = FN.match(line)
        if not m:
            continue
        depth, opened = 0, False
        for j in range(i, len(code)):
            if not opened and ";" in code[j] and "{" not in code[j]:
                break  # a declaration in a trait
            depth += code[j].count("{") - code[j].count("}")
            opened = opened or "{" in code[j]
            if opened and depth <= 0:
                data = i > 0 and "fn-length: data" in lines[i - 1]
                yield m.group(6), i + 1, j - i + 1, data
                break


def main():
    limit = MAX
    if len(sys.argv) > 2 and sys.argv[1] == "--list":
        limit = int(sys.argv[2])
    long = []
    for root, _, files in os.walk("src"):
        for f in sorted(files):
            if f.endswith(".rs"):
                path = os.path.join(root, f)
                for name, line, n, data in functions(path):
                    if n > limit and not (data and limit == MAX):
                        long.append((n, f"{path}:{line}", name))
    for n, at, name in sorted(long, reverse=True):
        print(f"{n:4} lines  {at}  {name}")
    if limit == MAX and long:
        print(f"{len(long)} function(s) over {MAX} lines: split them along their seams.")
        sys.exit(1)


if __name__ == "__main__":
    main()
