"""Benchmark: importing generated FreeSWITCH, Asterisk and VoiceXML files, each in a fresh process.

Run: python benchmarks/bench_importers.py [--sizes 100 1000] [--repeat 3]
Prints one row per format and size: the median seconds of `reading.menu_text` alone (the import,
without rules), measured inside a fresh interpreter so no cache carries over.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

_CHILD = """
import sys, time
from ivrcheck.reading import menu_text
text = sys.stdin.read()
start = time.perf_counter()
menu, findings = menu_text(text, "bench", source_format=sys.argv[1], entry=sys.argv[2])
assert menu is not None, [f.message for f in findings][:3]
print(time.perf_counter() - start)
"""


def freeswitch(n: int) -> str:
    menus = "".join(
        f'<menu name="m{i}" greet-long="say:For more, press 1." timeout="5000">'
        + "".join(f'<entry action="menu-sub" digits="{k}" param="m{(i * 9 + k) % n}"/>' for k in range(1, 10))
        + '<entry action="menu-exec-app" digits="0" param="bridge user/1000"/></menu>\n' for i in range(n))
    return f"<include>\n{menus}</include>\n"


def asterisk(n: int) -> str:
    out = []
    for i in range(n):
        out.append(f"[m{i}]\nexten => s,1,Background(menu{i})\n same => n,WaitExten(5)")
        out += [f"exten => {k},1,Goto(m{(i * 9 + k) % n},s,1)" for k in range(1, 10)]
        out.append("exten => 0,1,Queue(ops)\nexten => i,1,Goto(s,1)\nexten => t,1,Goto(s,1)")
    return "\n".join(out) + "\n"


def voicexml(n: int) -> str:
    menus = "".join(
        f'<menu id="m{i}"><prompt>For more, press 1.</prompt>'
        + "".join(f'<choice dtmf="{k}" next="#m{(i * 9 + k) % n}"/>' for k in range(1, 10))
        + '<choice dtmf="0" next="#agent"/></menu>\n' for i in range(n))
    return f'<vxml version="2.1">\n{menus}<form id="agent"><transfer dest="tel:1"/></form></vxml>\n'


FORMATS = {"freeswitch": freeswitch, "asterisk": asterisk, "voicexml": voicexml}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'format':<11}{'menus':>7}{'bytes':>11}{'seconds':>10}")
    for name, make in FORMATS.items():
        for size in args.sizes:
            text = make(size)
            times = [float(subprocess.run([sys.executable, "-c", _CHILD, name, "m0"], input=text, text=True,
                                          capture_output=True, check=True).stdout) for _ in range(args.repeat)]
            print(f"{name:<11}{size:>7}{len(text):>11,}{statistics.median(times):>10.3f}")


if __name__ == "__main__":
    main()
