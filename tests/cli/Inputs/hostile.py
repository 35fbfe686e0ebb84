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
else:
    sys.exit("unknown kind " + kind)
