"""Render one figure view to a PNG to look at it: scripts/preview_view.py VIEW OUT.png [PX]."""

import subprocess
import sys

from bodymap.figure import figure_view

view, out = sys.argv[1], sys.argv[2]
px = int(sys.argv[3]) if len(sys.argv) > 3 else 1200
fv = figure_view(view)
css = open("static/css/bodymap.css").read()
svg = fv.render().replace(
    'class="figure', f'style="width:{px}px;height:auto;max-height:none" class="figure', 1
)
html = f"/tmp/preview-{view}.html"
open(html, "w").write(
    f"<html><head><style>{css}</style></head><body style='margin:0'>{svg}</body></html>"
)
h = int(px * fv.view.height / fv.view.width) + 10
subprocess.run(["../shared/tools/screenshot", f"file://{html}", out, f"{px},{h}"], check=True)
