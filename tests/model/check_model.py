#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks the bundled NDIS model against the documented API names.

coverage: compiles `#include <ndis.h>` as an NDIS 6.86 miniport the way ndisv
does and counts which names of model/coverage/ndis-documented-names.txt it
declares (macros from -dM, declarations from Clang's JSON AST); prints the
figure and the missing names, and fails below --min percent. With --include,
the TU includes those headers after <ndis.h> (ntintsafe-coverage.test).

values: compiles the same TU with a static assertion for every listed name
that has a value (a 4th column), so a wrong value fails.

versions: compiles the same TU for every NDIS version macro, in C and C++, so
a declaration gated below what it uses fails.

compile: compiles the given sources (tests/model/Inputs) in C and in C++ the
same way; their _Static_asserts pin names and documented values.

table: every function <ndis.h> declares (as an NDIS 6.86 miniport) whose name
marks it as acquiring or releasing a resource (RESOURCE_DDI) has a line in
model/ndis-api.table or a reviewed exception (--exceptions); a stale
exception fails too.

headers: compiles every header of the model on its own, in C and C++, after
<ndis.h> (as an NDIS 6.86 miniport) and <wdm.h>, as drivers include them; a
header that needs something it does not include, or clashes with ndis.h,
fails.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

VERSIONS = ["60", "61", "620", "630", "640", "650", "660", "670", "680", "681", "682", "683",
            "684", "685", "686", "687", "688", "689"]
DECL_KINDS = {"FunctionDecl": "function", "TypedefDecl": "type", "RecordDecl": "type",
              "EnumDecl": "type", "VarDecl": "variable", "EnumConstantDecl": "constant"}


def clang_args(clang, model, lang):
    rd = subprocess.run([clang, "-print-resource-dir"], capture_output=True, text=True,
                        check=True).stdout.strip()
    args = [clang, "--target=x86_64-pc-windows-msvc", "-fms-extensions", "-fms-compatibility",
            "-fms-compatibility-version=19.40", "-D_AMD64_=1", "-DAMD64=1", "-D_WIN64=1",
            "-D_KERNEL_MODE=1", "-nostdinc", "-isystem", model, "-isystem",
            os.path.join(rd, "include"), "-ferror-limit=0", "-x", lang]
    return args + (["-std=c++17"] if lang == "c++" else [])


def tu(version, lang):
    f = tempfile.NamedTemporaryFile("w", suffix=".c" if lang == "c" else ".cpp", delete=False)
    f.write("#define NDIS_MINIPORT_DRIVER 1\n#define NDIS%s_MINIPORT 1\n#include <ndis.h>\n"
            % version)
    f.close()
    return f.name


def declared_names(clang, model, includes=()):
    path = tu("686", "c")
    with open(path, "a") as f:
        f.write("".join("#include <%s>\n" % h for h in includes))
    try:
        base = clang_args(clang, model, "c")
        r = subprocess.run(base + ["-E", "-dM", path], capture_output=True, text=True)
        if r.returncode:
            sys.exit("the model does not preprocess:\n" + r.stderr)
        names = {}
        for line in r.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) >= 2 and parts[0] == "#define":
                names[parts[1].split("(")[0]] = "macro"
        r = subprocess.run(base + ["-fsyntax-only", "-Xclang", "-ast-dump=json", path],
                           capture_output=True, text=True)
        if r.returncode:
            sys.exit("the model does not compile:\n" + r.stderr[-4000:])
        ast = json.loads(r.stdout)
    finally:
        os.unlink(path)

    def walk(node):
        kind = DECL_KINDS.get(node.get("kind"))
        if kind and node.get("name"):
            names.setdefault(node["name"], kind)
        if node.get("kind") in ("EnumDecl", "TranslationUnitDecl", "LinkageSpecDecl"):
            for c in node.get("inner", []):
                walk(c)

    walk(ast)
    return names


def coverage(a):
    listed = []
    with open(a.names) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, header, kind = line.split()[:3]
                listed.append((name, header, kind))
    have = declared_names(a.clang, a.model, a.includes)
    missing = [(n, h, k) for n, h, k in listed if n not in have]
    macro_as_other = [n for n, h, k in listed if k == "macro" and have.get(n) not in (None, "macro")]
    function_as_macro = [n for n, h, k in listed if k == "function" and have.get(n) == "macro"]
    done = len(listed) - len(missing)
    pct = 100.0 * done / len(listed)
    print("coverage: %d of %d documented %s names declared (%.1f%%)" % (done, len(listed), a.what, pct))
    for n, h, k in missing:
        print("missing: %s (%s, %s)" % (n, k, h))
    for n in macro_as_other:
        print("documented as a macro, declared as a %s: %s" % (have[n], n))
    for n in function_as_macro:
        print("documented as a function, defined as a macro: %s" % n)
    if pct < a.min:
        print("FAIL: coverage below %.0f%%" % a.min)
        return 1
    return 0


def values(a):
    """Every listed name with a value (a 4th column) has that value, as unsigned 32 bits."""
    checks = []
    with open(a.names) as f:
        for line in f:
            parts = line.split()
            if line.startswith("#") or len(parts) < 4:
                continue
            checks.append("_Static_assert((unsigned)(%s) == %uu, \"%s\");"
                          % (parts[0], int(parts[3]) & 0xFFFFFFFF, parts[0]))
    path = tu("686", "c")
    with open(path, "a") as f:
        f.write("".join("#include <%s>\n" % h for h in a.includes))
        f.write("\n".join(checks) + "\n")
    r = subprocess.run(clang_args(a.clang, a.model, "c") + ["-fsyntax-only", path],
                       capture_output=True, text=True)
    os.unlink(path)
    wrong = [l for l in r.stderr.splitlines() if "static assertion failed" in l]
    print("values: %d of %d listed values match" % (len(checks) - len(wrong), len(checks)))
    for l in wrong:
        print("FAIL: " + l.split("requirement", 1)[-1].strip())
    if r.returncode and not wrong:
        print("FAIL: the model does not compile:\n" + r.stderr[-3000:])
    return 1 if r.returncode else 0


def versions(a):
    failed = 0
    for v in VERSIONS:
        for lang in ("c", "c++"):
            path = tu(v, lang)
            r = subprocess.run(clang_args(a.clang, a.model, lang) + ["-fsyntax-only", path],
                               capture_output=True, text=True)
            os.unlink(path)
            status = "ok" if r.returncode == 0 else "FAIL"
            print("NDIS%s_MINIPORT %s: %s" % (v, lang, status))
            if r.returncode:
                failed += 1
                print(r.stderr[:3000])
    return 1 if failed else 0


def headers(a):
    failed = 0
    names = []
    for dirpath, _, files in os.walk(a.model):
        for fn in files:
            if fn.endswith(".h"):
                names.append(os.path.relpath(os.path.join(dirpath, fn), a.model))
    for h in sorted(names):
        for lang in ("c", "c++"):
            f = tempfile.NamedTemporaryFile("w", suffix=".c" if lang == "c" else ".cpp",
                                            delete=False)
            # poppack.h undoes a pshpackN.h, so it comes after one.
            first = "#include <pshpack1.h>\n" if h == "poppack.h" else ""
            f.write("#define NDIS_MINIPORT_DRIVER 1\n#define NDIS686_MINIPORT 1\n"
                    "#include <ndis.h>\n#include <wdm.h>\n%s#include <%s>\n" % (first, h))
            f.close()
            r = subprocess.run(clang_args(a.clang, a.model, lang) + ["-fsyntax-only", f.name],
                               capture_output=True, text=True)
            os.unlink(f.name)
            print("%s %s: %s" % (h, lang, "ok" if r.returncode == 0 else "FAIL"))
            if r.returncode:
                failed += 1
                print(r.stderr[:3000])
    return 1 if failed else 0


# Declared functions whose names mark them as acquiring or releasing a resource.
RESOURCE_DDI = r"^(Ndis|Ex|Mm|Io|Ke|Rtl|Ob|Ps|Zw)\w*?(Allocate|Free|Register|Deregister|Unregister|Map|Unmap|" \
               r"Open|Close|Create|Delete|Reference|Dereference|Acquire|Release|Lock|Unlock)"


def table(a):
    """Every declared resource DDI has a line in the API table or a reviewed exception."""
    import re
    names = declared_names(a.clang, a.model)
    ddis = sorted(n for n, k in names.items() if k == "function" and re.match(RESOURCE_DDI, n))
    with open(a.table) as f:
        modelled = {l.split()[0] for l in f if l.strip() and not l.startswith("#")}
    with open(a.exceptions) as f:
        excepted = {l.split()[0] for l in f if l.strip() and not l.startswith("#")}
    bad = 0
    for n in ddis:
        if n not in modelled and n not in excepted:
            print("FAIL: %s acquires or releases a resource by its name, and has neither a line in "
                  "the API table nor a reviewed exception" % n)
            bad += 1
    for n in sorted(excepted):
        if n in modelled:
            print("FAIL: %s is a reviewed exception but the API table models it" % n)
            bad += 1
        elif n not in ddis:
            print("FAIL: %s is a reviewed exception but not a declared resource DDI" % n)
            bad += 1
    print("table: %d of %d resource DDIs modelled, %d reviewed exceptions"
          % (sum(n in modelled for n in ddis), len(ddis), len(excepted)))
    return 1 if bad else 0


def compile_sources(a):
    failed = 0
    for src in a.sources:
        for lang in ("c", "c++"):
            r = subprocess.run(clang_args(a.clang, a.model, lang) + ["-fsyntax-only", src],
                               capture_output=True, text=True)
            print("%s %s: %s" % (os.path.basename(src), lang, "ok" if r.returncode == 0 else "FAIL"))
            if r.returncode:
                failed += 1
                print(r.stderr[:3000])
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["coverage", "values", "versions", "headers", "compile", "table"])
    ap.add_argument("--clang", default="clang")
    ap.add_argument("--model", required=True, help="model/include")
    ap.add_argument("--names", help="model/coverage/ndis-documented-names.txt")
    ap.add_argument("--min", type=float, default=95.0)
    ap.add_argument("--what", default="NDIS", help="coverage: whose names (for the message)")
    ap.add_argument("--table", help="table: model/ndis-api.table")
    ap.add_argument("--exceptions", help="table: model/coverage/api-table-exceptions.txt")
    ap.add_argument("--include", dest="includes", action="append", default=[],
                    help="values, coverage: a header to include after <ndis.h> (repeatable)")
    ap.add_argument("--source", dest="sources", action="append", default=[],
                    help="compile: a source to compile (repeatable)")
    a = ap.parse_args()
    sys.exit({"coverage": coverage, "values": values, "versions": versions,
              "headers": headers, "compile": compile_sources, "table": table}[a.mode](a))


if __name__ == "__main__":
    main()
