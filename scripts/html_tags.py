"""Finds tags and their attributes in the built index.html, quoted or not and in any
order: the release build's index.html is minified (Trunk's minify-html), which drops
quotes and reorders attributes."""
import re

ATTR = re.compile(r"""([\w:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


def tags(html: str, name: str):
    """(start, end, {attribute: value}) for each `<name …>` in `html`."""
    out = []
    for m in re.finditer(rf"<{name}\b([^>]*)>", html):
        attrs = {}
        for a in ATTR.finditer(m.group(1)):
            value = a.group(2) or ""
            attrs[a.group(1).lower()] = value[1:-1] if value[:1] in "\"'" else value
        out.append((m.start(), m.end(), attrs))
    return out
