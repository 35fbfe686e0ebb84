#!/usr/bin/env python3
"""Write the C header of the WMI classes in a MOF file.

A Windows driver build makes this header with `mofcomp` (MOF -> binary MOF)
and `wmimofck -h` (binary MOF -> header); neither runs here, so setup.sh runs
this instead (NetKVM includes Common/netkvmmof.h, made from Common/netkvm.mof).
For each class that has a guid qualifier it writes what wmimofck's header
holds for it:

  #define <Class>Guid { 0x..., 0x..., 0x..., { 0x.., ... } }   (an initializer)
  DEFINE_GUID(<Class>_GUID, ...)                                (outside MIDL)
  typedef struct _<Class> { <data items> } <Class>, *P<Class>;
  #define <Class>_<Item>_SIZE sizeof(<type>), <Class>_<Item>_ID <WmiDataId>
  #define <Class>_SIZE (FIELD_OFFSET(<Class>, <last item>) + <Class>_<last item>_SIZE)

The data items are the properties with a WmiDataId qualifier, in WmiDataId
order (key, Active and other properties without one are WMI's, not the data
block's). A class used as an item's type is written before the class that uses
it. Variable-length arrays, strings and methods are not supported: the script
stops and says so rather than writing a header whose sizes would be wrong.
"""
import argparse
import os
import re
import sys

# MOF scalar types and the C types wmimofck declares for them.
C_TYPES = {
    "boolean": "BOOLEAN", "uint8": "UCHAR", "sint8": "CHAR",
    "uint16": "USHORT", "sint16": "SHORT", "uint32": "ULONG", "sint32": "LONG",
    "uint64": "ULONGLONG", "sint64": "LONGLONG", "real32": "FLOAT", "real64": "DOUBLE",
    "char16": "WCHAR",
}

TOKEN = re.compile(r'''
    (?P<space>\s+) | (?P<comment>//[^\n]*|/\*.*?\*/) |
    (?P<string>"(?:[^"\\]|\\.)*") | (?P<name>[A-Za-z_]\w*) | (?P<number>[-+]?(?:0x[0-9A-Fa-f]+|\d+)) |
    (?P<punct>[\[\](){}:;,=])''', re.X | re.S)


class MofError(Exception):
    pass


def tokenize(text):
    # Preprocessor lines (#pragma namespace, classflags, autorecover) say where
    # and how mofcomp stores the classes; they do not change the header.
    text = "\n".join("" if l.lstrip().startswith("#") else l for l in text.splitlines())
    pos, tokens = 0, []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            line = text.count("\n", 0, pos) + 1
            raise MofError(f"line {line}: cannot read {text[pos:pos + 20]!r}")
        pos = m.end()
        if m.lastgroup not in ("space", "comment"):
            tokens.append((m.lastgroup, m.group()))
    return tokens


class Parser:
    def __init__(self, tokens):
        self.t, self.i = tokens, 0

    def peek(self):
        return self.t[self.i][1] if self.i < len(self.t) else None

    def take(self, expected=None):
        if self.i >= len(self.t):
            raise MofError("unexpected end of file")
        kind, value = self.t[self.i]
        if expected is not None and value != expected:
            raise MofError(f"expected {expected!r}, found {value!r}")
        self.i += 1
        return kind, value

    def qualifiers(self):
        """[Name, Name(arg), Name : flavor, ...] -> {lowercase name: [args]}"""
        quals = {}
        if self.peek() != "[":
            return quals
        self.take("[")
        while self.peek() != "]":
            _, name = self.take()
            args = []
            if self.peek() == "(":
                self.take("(")
                while self.peek() != ")":
                    kind, value = self.take()
                    if kind == "string":
                        args.append(bytes(value[1:-1], "utf-8").decode("unicode_escape"))
                    elif kind in ("number", "name"):
                        args.append(value)
                self.take(")")
            if self.peek() == ":":  # flavor, e.g. Dynamic : ToInstance
                self.take(":")
                self.take()
            quals[name.lower()] = args
            if self.peek() == ",":
                self.take(",")
        self.take("]")
        return quals

    def classes(self):
        result = []
        while self.peek() is not None:
            quals = self.qualifiers()
            _, word = self.take()
            if word.lower() != "class":
                raise MofError(f"expected a class, found {word!r} (instances are not supported)")
            _, name = self.take()
            if self.peek() == ":":
                self.take(":")
                self.take()
            self.take("{")
            members = []
            while self.peek() != "}":
                members.append(self.member(name))
            self.take("}")
            self.take(";")
            result.append({"name": name, "quals": quals, "members": members})
        return result

    def member(self, cls):
        quals = self.qualifiers()
        _, mtype = self.take()
        _, name = self.take()
        if self.peek() == "(":
            raise MofError(f"{cls}.{name}: methods are not supported")
        size = None
        if self.peek() == "[":
            self.take("[")
            if self.peek() == "]":
                size = ""
            else:
                size = self.take()[1]
            self.take("]")
        if self.peek() == "=":  # default value: not part of the header
            while self.peek() != ";":
                self.take()
        self.take(";")
        return {"type": mtype, "name": name, "quals": quals, "array": size}


def guid_parts(text, cls):
    m = re.fullmatch(r"\{?([0-9A-Fa-f]{8})-([0-9A-Fa-f]{4})-([0-9A-Fa-f]{4})-"
                     r"([0-9A-Fa-f]{4})-([0-9A-Fa-f]{12})\}?", text.strip())
    if not m:
        raise MofError(f"{cls}: guid {text!r} is not a GUID")
    tail = m.group(4) + m.group(5)
    return ([f"0x{m.group(i).lower()}" for i in (1, 2, 3)],
            [f"0x{tail[k:k + 2].lower()}" for k in range(0, 16, 2)])


def data_items(cls, known):
    items = []
    for m in cls["members"]:
        if "wmidataid" not in m["quals"]:
            continue
        where = f'{cls["name"]}.{m["name"]}'
        if m["array"] == "" or "wmisizeis" in m["quals"]:
            raise MofError(f"{where}: variable-length arrays are not supported")
        ctype = C_TYPES.get(m["type"].lower())
        if ctype is None and m["type"] in known:
            ctype = m["type"]
        if ctype is None:
            raise MofError(f"{where}: type {m['type']!r} is not supported")
        items.append((int(m["quals"]["wmidataid"][0], 0), ctype, m))
    return sorted(items, key=lambda x: x[0])


def comment_lines(text, indent=""):
    return [f"{indent}// {line}".rstrip() for line in text.splitlines()] or [f"{indent}// "]


def class_header(cls, known):
    name = cls["name"]
    out = [f"// {name} - {name}"]
    if "description" in cls["quals"]:
        out += comment_lines(" ".join(cls["quals"]["description"]))
    data1, rest = guid_parts(cls["quals"]["guid"][0], name)
    out += [f"#define {name}Guid \\",
            f"    {{ {','.join(data1)}, {{ {','.join(rest)} }} }}", "",
            "#if ! (defined(MIDL_PASS))",
            f"DEFINE_GUID({name}_GUID, \\",
            f"            {','.join(data1 + rest)});",
            "#endif", ""]
    items = data_items(cls, known)
    if not items:
        return out
    out += ["", f"typedef struct _{name}", "{"]
    for number, ctype, m in items:
        item = m["name"]
        array = f"[{m['array']}]" if m["array"] else ""
        out += comment_lines(" ".join(m["quals"].get("description", [])), "    ")
        out += [f"    {ctype} {item}{array};",
                f"    #define {name}_{item}_SIZE sizeof({ctype}{array})",
                f"    #define {name}_{item}_ID {number}", ""]
    last = items[-1][2]["name"]
    out += [f"}} {name}, *P{name};", "",
            f"#define {name}_SIZE (FIELD_OFFSET({name}, {last}) + {name}_{last}_SIZE)", ""]
    return out


def ordered(classes):
    """MOF order, except that a class used as an item's type comes first."""
    by_name = {c["name"]: c for c in classes}
    done, result = set(), []

    def visit(c, stack):
        if c["name"] in done:
            return
        if c["name"] in stack:
            raise MofError(f"{c['name']}: classes embed each other")
        for m in c["members"]:
            if m["type"] in by_name and "wmidataid" in m["quals"]:
                visit(by_name[m["type"]], stack | {c["name"]})
        done.add(c["name"])
        result.append(c)

    for c in classes:
        visit(c, set())
    return result


def header(text, guard):
    classes = [c for c in Parser(tokenize(text)).classes() if "guid" in c["quals"]]
    known = {c["name"] for c in classes}
    out = [f"#ifndef _{guard}_h_", f"#define _{guard}_h_", ""]
    for c in ordered(classes):
        out += class_header(c, known)
    out += ["#endif", ""]
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mof")
    p.add_argument("header")
    a = p.parse_args()
    with open(a.mof, "rb") as f:
        raw = f.read()
    # mofcomp reads UTF-16 (with its byte-order mark) as well as 8-bit text.
    utf16 = raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    text = raw.decode("utf-16" if utf16 else "utf-8-sig", errors="surrogateescape")
    guard = re.sub(r"\W", "_", os.path.splitext(os.path.basename(a.header))[0])
    try:
        result = header(text, guard)
    except MofError as e:
        sys.exit(f"mof2h.py: {a.mof}: {e}")
    with open(a.header, "w", encoding="utf-8") as f:
        f.write(result)


if __name__ == "__main__":
    main()
