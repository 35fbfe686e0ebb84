# lit configuration for ndisv's driver tests. See docs/testing.md.
import os
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
config.substitutions.append(("%ndisv", os.path.join(config.ndisv_bin, "ndisv")))
config.substitutions.append(("%src", config.ndisv_src))
config.environment["PATH"] = os.pathsep.join([config.llvm_tools, config.environment.get("PATH", "")])
config.environment["NDISV_DATA_DIR"] = config.ndisv_src
