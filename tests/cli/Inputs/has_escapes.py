# has_escapes.py yes|no FILE...: fails unless every FILE does (yes) or does
# not (no) contain an ANSI colour escape, naming the first file that is wrong.
import sys

want = sys.argv[1] == "yes"
for name in sys.argv[2:]:
    with open(name, "rb") as f:
        has = b"\x1b[" in f.read()
    if has != want:
        sys.exit("%s: colour escapes %s" % (name, "missing" if want else "present"))
