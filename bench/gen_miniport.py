#!/usr/bin/env python3
# ===- gen_miniport.py - Synthetic NDIS 6.20 miniport of a chosen size ---=== #
# SPDX-License-Identifier: Apache-2.0
#
# The benchmark needs drivers of 1..100 KLOC that look like real miniports to
# both Clang and ndisv: one adapter structure, a goto-cleanup
# MiniportInitializeEx calling resource helpers in other files, a shared
# cleanup helper used by MiniportHaltEx, and subsystem files whose small
# init/shutdown pair is reached from init/halt while most of their code (OID
# switches, NBL walks, statistics, register bit twiddling, state machines) is
# reachable only from the data path. That split matters: Clang pays for every
# line, ndisv's symbolic execution only for what init and halt reach, so the
# ratio measures both halves the way a real driver would.
#
# Branches in reached code are kept to what real init code has (allocation
# failures, a few clamped registry reads); subsystem init never branches on
# symbolic data, so paths grow with the number of failure points, not
# exponentially. Output is a pure function of (--kloc, --seed, --plant-defect).
#
# This file is the command line; the generator is the package miniport_gen/
# beside it (its __init__.py says which module writes which file).
#
#   gen_miniport.py --kloc 10 --seed 1 --out /tmp/drv [--plant-defect]
# ===----------------------------------------------------------------------=== #

import argparse
import os
import sys

sys.dont_write_bytecode = True     # no __pycache__ in the source tree on every bench run
from miniport_gen import generate  # noqa: E402 (after the line above on purpose)


def main():
    ap = argparse.ArgumentParser(description="Generate a synthetic multi-file NDIS 6.20 miniport.")
    ap.add_argument("--kloc", type=int, required=True, help="target size in thousands of lines (1..100)")
    ap.add_argument("--seed", type=int, default=1, help="random seed; same seed, same driver")
    ap.add_argument("--out", required=True, help="output directory (created; existing .c/.h replaced)")
    ap.add_argument("--plant-defect", action="store_true",
                    help="make the late general-attributes failure skip NdisMDeregisterInterruptEx")
    a = ap.parse_args()
    if not 1 <= a.kloc <= 100:
        ap.error("--kloc must be in 1..100")
    files = generate(a.kloc, a.seed, a.plant_defect)
    os.makedirs(a.out, exist_ok=True)
    # Stale files from a bigger earlier run would otherwise be verified too.
    for f in os.listdir(a.out):
        if f.endswith((".c", ".h")) and f not in files:
            os.remove(os.path.join(a.out, f))
    total = 0
    for name, o in sorted(files.items()):
        with open(os.path.join(a.out, name), "w") as fh:
            fh.write(o.text())
        total += o.count()
    print(f"{a.out}: {len(files)} files, {total} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
