"""Render one figure view to a PNG to look at it: scripts/preview_view.py VIEW OUT.png [PX]."""

import subprocess
import sys
from pathlib import Path

from bodymap.figure import figure_view

view, out = sys.argv[1], sys.argv[2]
px = int(sys.argv[3]) if len(sys.argv) > 3 else 1200
fv = figure_view(view)
css = Path("static/css/bodymap.css").read_text("utf-8")
# The page's own rules, then one that gives the figure the width asked for.
size = f".figure {{ width: {px}px; height: auto; max-height: none; }}"
html = Path(f"/tmp/preview-{view}.html")
html.write_text(
    f"<html><head><style>{css}\n{size}</style></head>"
    f"<body style='margin:0'>{fv.render()}</body></html>",
    "utf-8",
)
h = int(px * fv.view.height / fv.view.width) + 10
subprocess.run(["../shared/tools/screenshot", f"file://{html}", out, f"{px},{h}"], check=True)
