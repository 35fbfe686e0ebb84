"""Writes the hostile inputs of tests/cli/hostile_*.test into a directory.

Generated rather than committed: they are large and repetitive by design.
"""
import os
import sys

out = sys.argv[2]
kind = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


if kind == "c":  # deep nesting in C: 10,000 fits the compile stack, 100,000 does not
    for n in (10000, 100000):
        write("nest%d.c" % n, "int f(int x) { return %sx; }\n" % ("!" * n))
elif kind == "rule":  # rule files nested past the parser's bound, per construct
    head = "rule Deep\ntitle \"deep\"\norigin ndisv\nstate { a = 0; }\n"
    write("unary.rule", head + "on NdisAllocateIoWorkItem.success {\n  a = %s1;\n}\n" % ("!" * 5000))
    write("parens.rule", head + "on NdisAllocateIoWorkItem.success {\n  a = %s1%s;\n}\n" % ("(" * 5000, ")" * 5000))
    write("blocks.rule", head + "on NdisAllocateIoWorkItem.success {\n" + "{" * 5000 + "a = 1;" + "}" * 5000 + "\n}\n")
elif kind == "json":  # a compile database nested 100,000 deep
    write("compile_commands.json", "[" * 100000 + "]" * 100000 + "\n")
elif kind == "vcxproj":
    item = '<ItemGroup><ClCompile Include="clean.c"/></ItemGroup>\n'
    # A property that doubles itself 64 times (2^64 bytes).
    write("doubling.vcxproj", '<Project>\n<PropertyGroup>\n<Grow>x</Grow>\n' +
          "<Grow>$(Grow)$(Grow)</Grow>\n" * 64 + "</PropertyGroup>\n" + item + "</Project>\n")
    # Conditions nested 5,000 deep, with '(' and with '!'.
    write("conditions.vcxproj", '<Project>\n<PropertyGroup Condition="%strue%s"><A>1</A></PropertyGroup>\n'
          '<PropertyGroup Condition="%strue"><B>1</B></PropertyGroup>\n%s</Project>\n'
          % ("(" * 5000, ")" * 5000, "!" * 5000, item))
    # LanguageStandard (C and C++): read once through a temporary (ASan).
    write("langstd.vcxproj", '<Project>\n<ItemDefinitionGroup><ClCompile>\n'
          "<LanguageStandard>stdcpp17</LanguageStandard>\n"
          "<LanguageStandard_C>stdc11</LanguageStandard_C>\n"
          "</ClCompile></ItemDefinitionGroup>\n" + item + "</Project>\n")
elif kind == "more":  # #12's re-audit: inputs the issue did not list
    here = os.path.dirname(os.path.abspath(__file__))
    clean = open(os.path.join(here, "clean.c")).read()
    # 50 MB: the clean driver followed by 50 MB of comment lines.
    line = "// " + "padding " * 12 + "\n"
    with open(os.path.join(out, "big.c"), "w") as f:
        f.write(clean)
        f.write(line * (50 * 1024 * 1024 // len(line) + 1))
    # Includes itself, no guard: clang's include depth limit.
    write("selfinc.c", '#include "selfinc.c"\n' + clean)
    # Not C at all: every byte value, NULs included.
    with open(os.path.join(out, "binary.c"), "wb") as f:
        f.write(bytes(range(256)) * 256)
    write("notxml.vcxproj", "this is not XML <Project><ItemGroup>\n")
    # A compile database entry run in a directory that does not exist.
    import json
    write("compile_commands.json", json.dumps([{
        "directory": os.path.join(out, "no", "such", "dir"),
        "file": os.path.join(out, "db.c"), "command": "cl /c db.c"}]))
    write("db.c", clean)
    # A 10,000-character identifier: the rule's name and a state variable.
    ident = "x" * 10000
    write("longident.rule", 'rule R%s\ntitle "long"\norigin ndisv\nstate { %s = 0; }\n'
          "on NdisAllocateIoWorkItem.success {\n  %s = 1;\n}\n" % (ident, ident, ident))
    # A path with spaces and non-ASCII characters.
    odd = os.path.join(out, "dir with spaces", "Tr\u00e9iber \u00f1 \u9a71\u52a8")
    os.makedirs(odd, exist_ok=True)
    with open(os.path.join(odd, "clean driver \u00e9.c"), "w", encoding="utf-8") as f:
        f.write(clean)
else:
    sys.exit("unknown kind " + kind)
