# ===- miniport_gen/__init__.py - The synthetic miniport generator --------=== #
# SPDX-License-Identifier: Apache-2.0
#
# gen_miniport.py is the command line; this package writes the files. One
# module per part of the driver: names.py (names, OID pools, the seeded
# state), header.py (precomp.h), adapter.py (init/halt), resources.py (what
# init acquires and halt releases), datapath.py (send/receive, OIDs),
# subsys_roles.py and subsystem.py (the subsystem files), driver.py (driver.c,
# subsys.c/.h and generate(), which puts them together in draw order).
# ===----------------------------------------------------------------------=== #

from .driver import generate

__all__ = ["generate"]
