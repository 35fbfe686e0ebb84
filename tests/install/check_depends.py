# SPDX-License-Identifier: Apache-2.0
"""Checks a .deb's Depends against what its binaries link.

usage: check_depends.py DEB UNPACKED_ROOT

Every shared library a binary under usr/bin names (ELF NEEDED) must come
from a package the Depends field names: libllvm19 happening to pull in
libz3-4 is no promise. Each NEEDED is resolved with ldconfig as on this
(Debian 12) host and its package found with dpkg -S (under /usr/lib or
/lib: Debian 12 is usr-merged, dpkg knows either path). Prints one line per
library, then "ok" or the problems.
"""
import os
import re
import subprocess
import sys


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def owner(path):
    candidates = [path]
    for a, b in (("/usr/lib/", "/lib/"), ("/lib/", "/usr/lib/")):
        if path.startswith(a):
            candidates.append(b + path[len(a):])
    for p in candidates:
        r = subprocess.run(["dpkg", "-S", p], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":")[0].strip()
    return None


def main():
    deb, root = sys.argv[1], sys.argv[2]
    depends = {re.split(r"[\s(:]", d.strip())[0] for d in run("dpkg-deb", "-f", deb, "Depends").split(",")}
    where = {}
    for line in run("ldconfig", "-p").splitlines():
        m = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if m and "x86-64" in m.group(2) and m.group(1) not in where:
            where[m.group(1)] = m.group(3)
    problems = []
    bindir = os.path.join(root, "usr", "bin")
    for exe in sorted(os.listdir(bindir)):
        for needed in re.findall(r"NEEDED\s+(\S+)", run("objdump", "-p", os.path.join(bindir, exe))):
            path = where.get(needed)
            pkg = owner(os.path.realpath(path)) or owner(path) if path else None
            print(exe, needed, pkg)
            if pkg is None:
                problems.append("%s: %s: no package of this host has it" % (exe, needed))
            elif pkg not in depends:
                problems.append("%s: %s comes from %s, which Depends does not name" % (exe, needed, pkg))
    print("\n".join(problems) if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
