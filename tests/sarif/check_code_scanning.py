#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks what GitHub code scanning requires of an uploaded SARIF log
(beyond the schema): version 2.1.0, tool.driver.name, and for every result a
ruleId, message.text, a level among SARIF's, and a physicalLocation with
artifactLocation.uri and region.startLine. Also checks that each ruleId has
a rule descriptor with a shortDescription, since that is what the alert shows.

usage: check_code_scanning.py FILE [MIN_RESULTS]
"""
import json
import sys

LEVELS = {"none", "note", "warning", "error"}


def fail(msg):
    sys.exit("check_code_scanning.py: %s: %s" % (sys.argv[1], msg))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    min_results = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if log.get("version") != "2.1.0":
        fail("version is not 2.1.0")
    total = 0
    for r_i, run in enumerate(log.get("runs") or fail("no runs")):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            fail("runs[%d].tool.driver.name is missing" % r_i)
        rules = {d["id"]: d for d in driver.get("rules", [])}
        for i, res in enumerate(run.get("results") or []):
            where = "runs[%d].results[%d]" % (r_i, i)
            rule = res.get("ruleId")
            if not rule:
                fail(where + ".ruleId is missing")
            if not rules.get(rule, {}).get("shortDescription", {}).get("text"):
                fail(where + ": rule %s has no descriptor with a shortDescription" % rule)
            if not res.get("message", {}).get("text"):
                fail(where + ".message.text is missing")
            if res.get("level", "warning") not in LEVELS:
                fail(where + ".level is %r" % res.get("level"))
            locs = res.get("locations") or fail(where + " has no location")
            phys = locs[0].get("physicalLocation") or fail(where + " has no physicalLocation")
            if not phys.get("artifactLocation", {}).get("uri"):
                fail(where + ": physicalLocation.artifactLocation.uri is missing")
            if not isinstance(phys.get("region", {}).get("startLine"), int):
                fail(where + ": physicalLocation.region.startLine is missing")
            total += 1
    if total < min_results:
        fail("%d results, expected at least %d" % (total, min_results))
    print("code scanning fields present in %d results" % total)


if __name__ == "__main__":
    main()
