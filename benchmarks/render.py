"""Benchmark: how big and how readable `ivrcheck render` diagrams of generated lines are, and how fast.

Run: python benchmarks/render.py [--sizes 20 60 120 200] [--keep DIR] [-- extra render options]
Each size is rendered to SVG by `python -m ivrcheck render` in a fresh process. Columns:
size of the drawing in points, aspect ratio (long side / short side), the size the smallest
font in the SVG would print at when the drawing is fitted to an A3 landscape page
(1191 x 842 pt, never enlarged), and wall time of the whole command. With --keep DIR the
generated menus, their SVGs and PNGs (a second `ivrcheck render -o x.png`, untimed) are kept
for looking at.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from linegen import realistic_line  # noqa: E402

A3_LANDSCAPE = (1191.0, 842.0)


def measure(svg: bytes) -> tuple[float, float, float]:
    """Width and height in points, and the smallest font size used by any text."""
    root = ET.fromstring(svg)
    width, height = (float(root.get(name, "0").removesuffix("pt")) for name in ("width", "height"))
    sizes = [float(size) for size in re.findall(rb'font-size="([\d.]+)"', svg)]
    return width, height, min(sizes, default=0.0)


def fitted_text(width: float, height: float, font: float) -> float:
    """The smallest font's printed size when the drawing is shrunk to fit A3 landscape."""
    scale = min(1.0, A3_LANDSCAPE[0] / width, A3_LANDSCAPE[1] / height) if width and height else 1.0
    return font * scale


def render(menu: Path, out: Path, extra: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ivrcheck", "render", str(menu), "-o", str(out), *extra],
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"render of {menu} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 60, 120, 200])
    parser.add_argument("--keep", type=Path, help="keep menus, SVGs and PNGs in this folder")
    parser.add_argument("extra", nargs="*", help="more `ivrcheck render` options (after --)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="ivrcheck-render-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'nodes':>6} {'width pt':>9} {'height pt':>10} {'aspect':>7} {'min font':>9} {'on A3 pt':>9} "
          f"{'svg bytes':>10} {'time s':>7}")
    for size in args.sizes:
        menu = folder / f"line-{size}.ivr.yaml"
        menu.write_text(realistic_line(size), encoding="utf-8")
        svg_path = folder / f"line-{size}.svg"
        seconds = render(menu, svg_path, args.extra)
        data = svg_path.read_bytes()
        width, height, font = measure(data)
        aspect = max(width, height) / max(1.0, min(width, height))
        print(f"{size:>6} {width:>9.0f} {height:>10.0f} {aspect:>7.2f} {font:>9.1f} "
              f"{fitted_text(width, height, font):>9.2f} {len(data):>10,} {seconds:>7.2f}")
        if args.keep:
            render(menu, folder / f"line-{size}.png", args.extra)
    if args.keep:
        print(f"kept in {folder}")


if __name__ == "__main__":
    main()
