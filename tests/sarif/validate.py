#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs Microsoft's SARIF validator (Sarif.Multitool validate) on SARIF logs
and fails when it reports any error-level result.

usage: validate.py SARIF_MULTITOOL OUT_DIR LOG...

The validator exits 0 even when a log breaks the schema or SARIF's rules, so
its own SARIF output is read instead. Each log is validated as a copy whose
$schema names the validator's bundled schema: given an https $schema, the
validator downloads it, and a test must not touch the network.
"""
import json
import os
import subprocess
import sys


def main():
    tool, out_dir, logs = sys.argv[1], sys.argv[2], sys.argv[3:]
    schema = os.path.join(os.path.dirname(os.path.abspath(tool)), "sarif-2.1.0.json")
    os.makedirs(out_dir, exist_ok=True)
    copies = []
    for i, log in enumerate(logs):
        with open(log, encoding="utf-8") as f:
            text = f.read()
        original = json.loads(text)["$schema"]
        copy = os.path.join(out_dir, "%d-%s" % (i, os.path.basename(log)))
        with open(copy, "w", encoding="utf-8") as f:
            f.write(text.replace(original, "file://" + schema, 1))
        copies.append(copy)
    report = os.path.join(out_dir, "validation.sarif")
    if os.path.exists(report):
        os.remove(report)
    # Invariant globalization: the self-contained .NET program then needs no
    # libicu on the machine.
    env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1", DOTNET_CLI_TELEMETRY_OPTOUT="1")
    run = subprocess.run([tool, "validate", "-o", report] + copies, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if run.returncode != 0 or not os.path.exists(report):
        sys.stdout.write(run.stdout)
        sys.exit("validate.py: the validator failed (exit code %d)" % run.returncode)
    with open(report, encoding="utf-8") as f:
        results = json.load(f)["runs"][0].get("results", [])
    errors = 0
    for r in results:
        # A result without a level is a warning (SARIF 3.27.10).
        level = r.get("level", "warning")
        loc = r.get("locations", [{}])[0].get("physicalLocation", {})
        where = "%s:%s" % (loc.get("artifactLocation", {}).get("uri", "?"),
                           loc.get("region", {}).get("startLine", "?"))
        args = r.get("message", {}).get("arguments", [])
        print("%s %s %s %s" % (level, r.get("ruleId"), where, " | ".join(args)))
        errors += level == "error"
    print("validated %d logs: %d errors, %d other results" % (len(logs), errors, len(results) - errors))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
