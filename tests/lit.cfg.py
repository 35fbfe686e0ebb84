# lit configuration for ndisv's driver tests. See docs/testing.md.
import os
import shutil
import lit.formats


import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "litsupport"))
from ndisv_format import DriverTest  # noqa: E402

config.name = "ndisv"
config.test_format = DriverTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(os.path.dirname(config.ndisv_bin), "tests")
config.excludes = ["Inputs", "litsupport", "lit.cfg.py", "CMakeLists.txt"]
# CLI and report tests are about the tool, not the rule catalogue: they pin the
# three rules their expected output was written for, so adding a rule file does
# not change what they check. Listed before %ndisv, which is a prefix of it.
config.substitutions.insert(0, ("%ndisv_cli_rules",
    "--rules Init_DeRegisterInterrupt,Init_NdisAllocateIoWorkItem,Init_RegisterInterrupt"))
config.substitutions.append(("%ndisv", os.path.join(config.ndisv_bin, "ndisv")))
config.substitutions.append(("%src", config.ndisv_src))
config.substitutions.append(("%builddir", config.ndisv_build))
# tests/install install the build and package it as a .deb.
if shutil.which("cpack") and shutil.which("dpkg-deb"):
    config.available_features.add("debian-packaging")
# ... and run the installed package in a mount namespace of its own, with
# the checkout and the build host's Clang headers hidden (unshare -rm needs
# unprivileged user namespaces), and resolve its Depends against Debian 12's
# archive when apt's bookworm lists are here (apt-get update has run).
import glob  # noqa: E402
import subprocess  # noqa: E402

if shutil.which("unshare") and subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0:
    config.available_features.add("user-namespaces")
if shutil.which("apt-get") and glob.glob("/var/lib/apt/lists/*_dists_bookworm_main_binary-amd64_Packages*"):
    config.available_features.add("apt-bookworm")
config.environment["PATH"] = os.pathsep.join([config.llvm_tools, config.environment.get("PATH", "")])
# No NDISV_DATA_DIR: %ndisv finds the checkout's model and rules as any build
# or installed binary does, through ../share/ndisv (links in the build tree).
config.environment.pop("NDISV_DATA_DIR", None)
# The sanitized build (scripts/build-sanitized) marks itself for tests that
# ASan cannot run.
if "address" in getattr(config, "ndisv_sanitize", ""):
    config.available_features.add("asan")
# Tests of unreadable files need a user file permissions apply to: as root,
# %unprivileged runs the command as nobody (setpriv, util-linux).
if hasattr(os, "geteuid") and os.geteuid() != 0:
    config.available_features.add("unprivileged")
    config.substitutions.append(("%unprivileged", ""))
elif shutil.which("setpriv"):
    config.available_features.add("unprivileged")
    config.substitutions.append(("%unprivileged", "setpriv --reuid=65534 --regid=65534 --clear-groups"))
# tests/corpus run bench/corpus/run.sh, which measures with GNU time.
import subprocess  # noqa: E402

try:
    _time = subprocess.run(["/usr/bin/time", "--version"], capture_output=True, text=True)
    if "GNU" in _time.stdout + _time.stderr:
        config.available_features.add("gnu-time")
except OSError:
    pass
# tests/html load the report in a headless browser when one is installed.
import shutil  # noqa: E402

if shutil.which("chromium"):
    config.available_features.add("chromium")
# tests/sarif run Microsoft's SARIF validator when `npm ci` in tests/sarif has
# installed it (scripts/install-deps does); %normalize_sarif drops the lines
# that differ between runs only by the command line.
_sarif_tool = os.path.join(config.ndisv_src, "tests", "sarif", "node_modules", "@microsoft",
                           "sarif-multitool-" + {"darwin": "darwin", "win32": "win32"}.get(sys.platform, "linux"),
                           "Sarif.Multitool" + (".exe" if sys.platform == "win32" else ""))
if os.access(_sarif_tool, os.X_OK):
    config.available_features.add("sarif-validator")
config.substitutions.append(("%sarif_validator", _sarif_tool))
config.substitutions.append(("%normalize_sarif", "python3 " + os.path.join(config.test_source_root, "sarif", "normalize_sarif.py")))
config.excludes.append("node_modules")
