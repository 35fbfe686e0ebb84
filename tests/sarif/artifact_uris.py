#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints every distinct artifactLocation of a SARIF log, sorted, one per
line as "UriBaseId uri" ("-" when there is no uriBaseId), so that a test can
check them all at once wherever they occur.

usage: artifact_uris.py FILE
"""
import json
import sys


def walk(node, found):
    if isinstance(node, dict):
        loc = node.get("artifactLocation")
        if isinstance(loc, dict):
            found.add((loc.get("uriBaseId", "-"), loc.get("uri", "")))
        for value in node.values():
            walk(value, found)
    elif isinstance(node, list):
        for value in node:
            walk(value, found)


found = set()
with open(sys.argv[1], encoding="utf-8") as f:
    walk(json.load(f), found)
for base, uri in sorted(found):
    print(base, uri)
