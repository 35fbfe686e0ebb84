#!/usr/bin/env python3
"""Write OUTPUT from a template INPUT by replacing each @NAME@ with its value.

This is what the corpus drivers' own builds do to their .in/.tmpl files
(tap-windows6's buildtap.py, win-xennet's scripts/genfiles.ps1); setup.sh
runs it instead, so no driver needs Python 2, PowerShell or msbuild here.

VARS is a text file of values, one a line, either as m4 definitions
(`define([NAME], [VALUE])`, the form of tap-windows6's version.m4) or as
`NAME=VALUE`; blank lines and lines starting with # are skipped.

--drop-empty: a line that uses a name whose value is empty is left out, as
genfiles.ps1 does; without it the name is replaced by the empty string, as
buildtap.py does. A name the template uses but VARS does not give is an
error: a newer template should fail loudly, not generate a wrong header.
"""
import argparse
import re
import sys

M4_DEFINE = re.compile(r"^define\(\[?(\w+)\]?,\s*\[(.*)\]\)\s*$")
PLAIN = re.compile(r"^(\w+)=(.*)$")
MACRO = re.compile(r"@(\w+)@")


def read_vars(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = M4_DEFINE.match(line) or PLAIN.match(line)
            if m:
                values[m.group(1)] = m.group(2)
            elif not line.startswith("dnl"):
                sys.exit(f"subst.py: {path}:{number}: neither define([NAME], [VALUE]) nor NAME=VALUE")
    return values


def substitute(text, values, drop_empty):
    missing = sorted({n for n in MACRO.findall(text) if n not in values})
    if missing:
        sys.exit("subst.py: the template uses names the values do not give: " + ", ".join(missing))
    out = []
    for line in text.splitlines(keepends=True):
        if drop_empty and any(values[n] == "" for n in MACRO.findall(line)):
            continue
        out.append(MACRO.sub(lambda m: values[m.group(1)], line))
    return "".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("vars")
    p.add_argument("--drop-empty", action="store_true")
    a = p.parse_args()
    with open(a.input, encoding="utf-8", errors="surrogateescape", newline="") as f:
        text = f.read()
    result = substitute(text, read_vars(a.vars), a.drop_empty)
    with open(a.output, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(result)


if __name__ == "__main__":
    main()
