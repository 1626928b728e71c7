#!/usr/bin/env python3
"""Trunk pre-build hook: joins the style sources into the stylesheets index.html links.

Each page and component has its own file under style/ (style/components/*.css,
style/pages/*.css), starting with a comment naming the block it styles. Every stylesheet
Trunk links is a request that blocks the first paint, so they are joined here, in the
order below (the cascade depends on it), into style/build/:

  app.css    the first load: tokens, element defaults, the page frame, the components
             and Home;
  pages.css  every other page, loaded with the first of them (src/page_styles.rs).

print.css (media=print) is linked as it is. A file that is in no bundle, or a bundle
entry with no file, fails the build. A bundle is written only when its text changes, so
`trunk serve` (which ignores style/build/, see Trunk.toml) does not rebuild in a loop.
"""
import glob
import os
import sys

BUNDLES = {
    "app.css": [
        "tokens.css",
        "base.css",
        "layout.css",
        "components/button.css",
        "components/hat.css",
        "components/notice.css",
        "components/page-head.css",
        "components/card.css",
        "components/empty-state.css",
        "components/new-product.css",
        "components/form.css",
        "components/table.css",
        "components/kind.css",
        "components/confirm.css",
        "components/segmented.css",
        "components/panel-form.css",
        "components/toolbar.css",
        "components/dialog.css",
        "components/shortcuts.css",
        "components/palette.css",
        "components/theme-toggle.css",
        "components/more-rows.css",
        "components/page-slot.css",
        "components/link-button.css",
        "pages/home.css",
    ],
    "pages.css": [
        "pages/explainer.css",
        "pages/presenter.css",
        "pages/hierarchy.css",
        "pages/roadmap.css",
        "pages/backlog.css",
        "pages/planning.css",
        "pages/training.css",
        "pages/room.css",
        "pages/data.css",
    ],
}
# Linked by index.html directly, not joined.
SINGLE = {"print.css"}


def main() -> int:
    root = os.path.join(os.environ.get("TRUNK_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "style")
    sources = {
        os.path.relpath(p, root).replace(os.sep, "/")
        for p in glob.glob(os.path.join(root, "**", "*.css"), recursive=True)
    }
    sources = {s for s in sources if not s.startswith("build/")}
    listed = [s for files in BUNDLES.values() for s in files]
    missing = [s for s in listed if s not in sources]
    unlisted = sorted(sources - set(listed) - SINGLE)
    if missing or unlisted or len(listed) != len(set(listed)):
        print(f"join_css: listed but missing: {missing}; in no bundle: {unlisted}", file=sys.stderr)
        return 1
    out_dir = os.path.join(root, "build")
    os.makedirs(out_dir, exist_ok=True)
    for name, files in BUNDLES.items():
        parts = []
        for rel in files:
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                parts.append(f"/* style/{rel} */\n" + f.read().rstrip("\n") + "\n")
        text = "/* Written by scripts/join_css.py from the files named below; do not edit. */\n" + "".join(parts)
        path = os.path.join(out_dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() == text:
                    continue
        except FileNotFoundError:
            pass
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"join_css: style/build/{name} from {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
