#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints a SARIF log written by ndisv without invocations[0].commandLine and
.arguments, the only lines two runs that differ in options such as -j or the
output file name may differ in; everything else is kept byte for byte, so
comparing two normalized logs checks that the rest is byte-identical.

usage: normalize_sarif.py FILE
"""
import sys

out = []
skipping = None
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for line in f:
        stripped = line.lstrip(" ")
        if skipping is not None:
            # The array ends at the "]" indented like its key.
            if line.startswith(skipping + "]"):
                skipping = None
            continue
        if stripped.startswith('"commandLine": '):
            continue
        if stripped.startswith('"arguments": ['):
            if not stripped.rstrip().endswith(("[]", "[],")):
                skipping = line[: len(line) - len(stripped)]
            continue
        out.append(line)
sys.stdout.write("".join(out))
