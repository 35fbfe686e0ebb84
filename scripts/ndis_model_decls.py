# SPDX-License-Identifier: Apache-2.0
"""Turns documented syntax blocks into ordered, version-gated C declarations
(for scripts/gen-ndis-model)."""
import os
import re

VERSIONS = [600, 610, 620, 630, 640, 650, 660, 670, 680, 681, 682, 683, 684, 685, 686, 687,
            688, 689]


KEYWORDS = set("""typedef struct union enum const volatile unsigned signed void char short int
long float double static extern inline sizeof if else endif ifdef ifndef defined define
elif __inline __forceinline __declspec""".split())

TOKEN = re.compile(r"[A-Za-z_]\w*|\S")


class Decl:
    def __init__(self, page, text, how):
        self.page = page
        self.name = page.name
        self.kind = page.kind
        self.header = page.header
        self.gate = page.minver
        self.text = text
        self.how = how
        self.forward = None
        self.defines = {page.name}
        self.refs = set()
        self.ptr_refs = set()
        self.cond = {}  # name -> NDIS version of the #if around its use


def clean(text):
    """Documentation-only notation out of a syntax block."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"\[\s*(in|out|in,\s*out|out,\s*in|in,\s*optional|out,\s*optional|"
                  r"in,\s*out,\s*optional|optional|in/out|in\s*/\s*out|reserved|retval)\s*\]",
                  "", text, flags=re.I)
    text = text.replace("{ ... }", "").replace("{...}", "")
    # Windows releases in a block's conditionals, as the NDIS versions they shipped.
    text = re.sub(r"\(?NTDDI_VERSION\s*>=\s*NTDDI_VISTA\)?", "NDIS_SUPPORT_NDIS6", text)
    text = re.sub(r"\(?NTDDI_VERSION\s*>=\s*NTDDI_WIN7\)?", "NDIS_SUPPORT_NDIS620", text)
    text = re.sub(r"\(?NTDDI_VERSION\s*>=\s*NTDDI_WIN8\)?", "NDIS_SUPPORT_NDIS630", text)
    text = re.sub(r"#if \(_AMD64_\) \|\| \(_ARM64_\)", "#if defined(_AMD64_) || defined(_ARM64_)",
                  text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip()


def callback_typedef(page, text):
    """`TYPE Fn;  RET Fn(params) {...}` -> `typedef RET (TYPE)(params);`,
    keeping any pointer typedef the block adds after it."""
    m = re.search(r"^\s*(\w+)\s+(\w+)\s*;\s*(.*?)\b\2\s*\(", text, re.S)
    if not m or m.group(1) != page.name:
        return None
    depth, i = 0, m.end() - 1
    for i in range(m.end() - 1, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            break
    params = text[m.end():i].strip()
    rest = text[i + 1:].strip().lstrip(";").strip()
    ret = re.sub(r"\b_Use_decl_annotations_\b|\b_IRQL_\w+\([^)]*\)|\b_Function_class_\([^)]*\)",
                 "", m.group(3)).strip() or "VOID"
    # WDK naming: a callback type named P<NAME> is the pointer to the routine
    # (PINTERFACE_REFERENCE is `VOID (*)(PVOID)`; structures hold it as a
    # member), except the role families whose own first word starts with P.
    ptr = "*" if is_pointer_callback(page.name) else ""
    out = "typedef %s (%s%s)(%s);" % (ret, ptr, page.name, params or "VOID")
    return out + ("\n" + rest if rest else "")


ROLE_FAMILIES = ("MINIPORT_", "PROTOCOL_", "FILTER_", "NDIS_", "PROVIDER_")


def is_pointer_callback(name):
    return re.match(r"P[A-Z]", name) is not None and not name.startswith(ROLE_FAMILIES)


def reconstruct_enum(page):
    body = page.body.split("## -enum-fields", 1)
    if len(body) < 2:
        return None
    names = re.findall(r"^### -field ([A-Za-z_]\w*)(?:\s*:?\s*(?:=\s*)?(\S+))?", body[1], re.M)
    if not names:
        return None
    items = []
    for n, v in names:
        v = v.strip("`*()")
        items.append("  %s = %s" % (n, v) if re.match(r"^(0x[0-9A-Fa-f]+|-?\d+)$", v) else "  " + n)
    tag = "_" + page.name
    return "typedef enum %s {\n%s\n} %s, *P%s;" % (tag, ",\n".join(items), page.name, page.name)


def struct_names(text):
    """Tag, typedef names and pointer typedef names of a struct/union/enum block."""
    m = re.match(r"\s*typedef\s+(?:DECLSPEC_ALIGN\(\d+\)\s+)?(struct|union|enum)\s+"
                 r"(?:DECLSPEC_ALIGN\(\d+\)\s+)?(\w+)?\s*\{", text)
    if not m:
        return None
    depth, i = 0, text.index("{")
    for i in range(text.index("{"), len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            break
    tail = text[i + 1:].split(";")[0]
    plain, ptrs = [], []
    for part in tail.split(","):
        part = part.strip()
        name = re.sub(r"\W", "", part.replace("UNALIGNED", ""))
        if not name:
            continue
        (ptrs if part.startswith("*") else plain).append(name)
    return m.group(1), m.group(2), plain, ptrs, text[m.end():i]


def make_decl(page, overrides, report):
    over = overrides.DECLARATIONS.get(page.name)
    if over is not None:
        return Decl(page, over.strip(), "override")
    if page.syntax is None:
        # (also a page filed as a function that the WDK defines as a macro and
        # that gives no prototype: NET_BUFFER_LIST_SET_HASH_TYPE/FUNCTION)
        if page.name in overrides.MACRO_BODIES:
            return Decl(page, overrides.MACRO_BODIES[page.name], "macro body")
        if page.kind == "enum":
            t = reconstruct_enum(page)
            if t:
                report.append("reconstructed %s from its documented enumerator list" % page.name)
                return Decl(page, t, "enumerators")
        report.append("skipped %s (%s, %s): the reference gives no declaration"
                      % (page.name, page.kind, page.header))
        return None
    text = clean(page.syntax)
    for old, new in overrides.FIXES.get(page.name, []) + overrides.FIXES["*"]:
        if not re.search(old, text):
            continue
        report.append("fixed %s: the reference's block has /%s/, corrected to %r" % (page.name, old, new))
        text = re.sub(old, new, text)
    fn = re.search(r"(\w+)\s*\(", text)
    if page.kind == "function" and page.name.isupper() and fn and fn.group(1) != page.name:
        # A role type documented with the prototype of a function of that role.
        text = "%s %s;\n%s" % (page.name, fn.group(1), text)
        page.kind = "callback"
    if page.kind == "callback":
        t = callback_typedef(page, text)
        if t is None:
            report.append("skipped %s: callback prototype not understood" % page.name)
            return None
        text = t
    elif page.kind == "macro" and text.startswith("#define") and \
            not re.match(r"#define\s+%s\b" % page.name, text):
        if page.name not in overrides.MACRO_BODIES:
            report.append("skipped %s: its block defines another macro" % page.name)
            return None
        report.append("fixed %s: its block defines another macro; body from the table" % page.name)
        return Decl(page, overrides.MACRO_BODIES[page.name], "macro body")
    elif page.kind == "macro" and not text.startswith("#define"):
        body = overrides.MACRO_BODIES.get(page.name)
        if body is not None:
            return Decl(page, body, "macro body")
        # The page gives a prototype and no body: declared as the function
        # that prototype describes (the WDK's own choice for, e.g., the spin
        # lock "macros", which ndis.sys exports).
        report.append("declared %s as a function: documented as a macro with only a prototype"
                      % page.name)
        if not text.rstrip().endswith(";"):
            text += ";"
        d = Decl(page, text, "syntax")
        d.kind = "function"
        return d
    elif page.kind in ("struct", "enum") and not text.rstrip().endswith(";"):
        text += ";"
    elif page.kind == "function" and not text.rstrip().endswith(";"):
        text += ";"
    if page.kind == "struct":
        stale_fields(page, text, report)
    return Decl(page, text, "syntax")


def stale_fields(page, text, report):
    """The field list is current, the block may be from 2018: members the
    list documents and the block lacks are reported (newer NDIS versions)."""
    listed = [f for f in page.fields if "." not in f and re.match(r"^\w+$", f)]
    absent = [f for f in listed if not re.search(r"\b%s\b" % f, text)]
    if absent:
        report.append("stale %s: the block lacks documented members %s"
                      % (page.name, ", ".join(absent)))


def analyse(d):
    """What a declaration defines and which names it uses."""
    if d.kind in ("struct", "enum"):
        sn = struct_names(d.text)
        if sn:
            kw, tag, plain, ptrs, body = sn
            d.defines |= set(plain) | set(ptrs) | ({tag} if tag else set())
            if tag and kw != "enum" and plain:
                d.forward = "typedef %s %s %s;" % (kw, tag, ", ".join(
                    plain + ["*" + p for p in ptrs]))
            if kw == "enum":
                for item in re.sub(r"^#.*$", "", body, flags=re.M).split(","):
                    m = re.match(r"\s*([A-Za-z_]\w*)", item)
                    if m:
                        d.defines.add(m.group(1))
    if d.kind == "macro":
        return
    for m in re.finditer(r"typedef\s+\w+\s*\(?\s*\*\s*(\w+)\s*\)?\s*;", d.text):
        d.defines.add(m.group(1))
    stack = []
    for line in d.text.split("\n"):
        pp = re.match(r"\s*#\s*(if|ifdef|elif|else|endif)\b(.*)", line)
        if pp:
            v = re.search(r"NDIS_SUPPORT_NDIS(\d+)", pp.group(2))
            ver = 0 if not v else (600 if v.group(1) == "6" else
                                   610 if v.group(1) == "61" else int(v.group(1)))
            if pp.group(1) in ("if", "ifdef"):
                stack.append(ver)
            elif pp.group(1) == "endif" and stack:
                stack.pop()
            elif stack:
                stack[-1] = ver if pp.group(1) == "elif" else 0
            continue
        toks = TOKEN.findall(line)
        for i, t in enumerate(toks):
            if re.match(r"[A-Za-z_]", t) and t not in KEYWORDS and t not in d.defines:
                d.refs.add(t)
                d.cond[t] = min(d.cond.get(t, 10**6), max(stack or [0]))
                if i + 1 < len(toks) and toks[i + 1] == "*":
                    d.ptr_refs.add(t)


def build_decls(pages, overrides, report, kernel_names=frozenset()):
    """kernel_names: what the model's kernel headers already declare; a
    miniport.h name among them stays theirs (the WDK's wdm.h declares the
    port, register, interlocked and PCI names miniport.h repeats)."""
    decls = []
    for p in pages:
        if p.header == "miniport.h":
            if p.name in kernel_names:
                continue
            p.minver = 600  # a Windows release, not an NDIS version
        d = make_decl(p, overrides, report)
        if d is not None:
            analyse(d)
            decls.append(d)
    for name, spec in overrides.SUPPORT.items():
        if spec is None:
            continue
        d = Decl(SupportPage(name, spec[0], spec[1]), spec[2], "support")
        analyse(d)
        if d.text.startswith("#define"):
            for m in re.finditer(r"#define (\w+)", d.text):
                d.defines.add(m.group(1))
        else:
            for m in re.finditer(r"}\s*(\w+)|typedef [^;{]*?\b(\w+)\s*(?:,|;)|\*\s*(\w+)\s*;", d.text):
                d.defines.add(next(g for g in m.groups() if g))
            for m in re.finditer(r",\s*\*?(\w+)\s*;", d.text):
                d.defines.add(m.group(1))
        d.refs -= d.defines
        report.append("declared %s from the override table (no page of its own)" % name)
        decls.append(d)
    handlers(decls, pages, report)
    place_support(decls)
    return decls


def handlers(decls, pages, report):
    """Pointer types documented structures use for a callback: `TYPE_HANDLER`,
    and any other field type whose field the reference documents as "the
    entry point for" a callback page, come with that callback."""
    defined = set()
    for d in decls:
        defined |= d.defines
    by_slug = {os.path.basename(d.page.path)[:-3]: d for d in decls if d.kind == "callback"}
    for d in decls:
        if d.kind != "struct":
            continue
        links = field_links(d.page)
        for typ, field in re.findall(r"^\s*(\w+)\s+(\w+)\s*;", d.text, re.M):
            cb = by_slug.get(links.get(field, ""))
            if cb and typ not in defined and typ != cb.name and "Handler" in field:
                cb.text += "\ntypedef %s *%s;" % (cb.name, typ)
                cb.defines.add(typ)
                defined.add(typ)
                report.append("derived %s as a pointer to %s (the %s field of %s documents it)"
                              % (typ, cb.name, field, d.name))
    used = set()
    for d in decls:
        used |= d.refs
    for d in decls:
        if d.kind == "callback" and d.name + "_HANDLER" in used and d.name + "_HANDLER" not in defined:
            d.text += "\ntypedef %s *%s_HANDLER;" % (d.name, d.name)
            d.defines.add(d.name + "_HANDLER")


def field_links(page):
    """field name -> the callback page its description links to."""
    out = {}
    for m in re.finditer(r"^### -field (\w+)\s*\n(.*?)(?=^### |^## |\Z)", page.body, re.S | re.M):
        link = re.search(r"(nc-[a-z0-9]+-[a-z0-9_]+)", m.group(2))
        if link:
            out[m.group(1)] = link.group(1)
    return out


class SupportPage:
    """A name declarations need that has no page: from the override table."""
    def __init__(self, name, header, version):
        self.name, self.header, self.minver = name, header, version
        self.kind, self.path, self.body = "support", name + ".md", ""


def gate_members(d, o):
    """A structure documented for an earlier NDIS version than the type of some
    of its members (a union arm added later, as the WDK adds them under
    `#if NDIS_SUPPORT_NDISxxx`): gate those members, not the structure."""
    if d.kind not in ("struct", "union"):
        return False
    names = o.defines & d.refs
    member = re.compile(r"^([ \t]+)(%s)\s+\**\s*\w+\s*(\[[^\]]*\])?\s*;[ \t]*$"
                        % "|".join(map(re.escape, names)), re.M)
    lines = [ln for ln in d.text.splitlines() if re.search(r"\b(%s)\b" % "|".join(map(re.escape, names)), ln)]
    if not lines or not all(member.match(ln) for ln in lines):
        return False
    d.text = member.sub(lambda m: "#if %s\n%s\n#endif" % (gate_name(o.gate), m.group(0)), d.text)
    for n in names:
        d.cond[n] = o.gate
    return True


def gate_name(v):
    return "NDIS_SUPPORT_NDIS6" if v <= 600 else (
        "NDIS_SUPPORT_NDIS61" if v == 610 else "NDIS_SUPPORT_NDIS%d" % v)


def order_decls(decls, report):
    """Dependencies first; each declaration gated at least as high as what it uses."""
    owner = {}
    for d in decls:
        for n in d.defines:
            owner.setdefault(n, d)
    fwd, fwd_ptrs = set(), set()
    for d in decls:
        if d.forward:
            fwd |= set(re.findall(r"\w+", d.forward.split(None, 2)[2]))
            fwd_ptrs |= set(re.findall(r"\*(\w+)", d.forward))
    deps = {}
    for d in decls:
        strong, weak = [], []
        for r in sorted(d.refs):
            o = owner.get(r)
            if o is None or o is d:
                continue
            incomplete_ok = d.kind in ("function", "callback") or r in d.ptr_refs or r in fwd_ptrs
            (weak if (r in fwd and incomplete_ok) else strong).append(o)
        deps[d.name] = (strong, weak)
        d.strong = strong
    changed = True
    while changed:
        changed = False
        for d in decls:
            for o in deps[d.name][0] + deps[d.name][1]:
                used_at = max(d.gate, min(d.cond.get(n, 0) for n in o.defines & d.refs))
                if o.gate > used_at and d.kind != "macro" and gate_members(d, o):
                    report.append("gated the members of %s that use %s at NDIS %d (the structure: %d)"
                                  % (d.name, o.name, o.gate, d.gate))
                    changed = True
                elif o.gate > used_at and d.kind != "macro":
                    report.append("gated %s at NDIS %d (documented %d): it uses %s"
                                  % (d.name, o.gate, d.page.minver, o.name))
                    d.gate = o.gate
                    changed = True
    out, state = [], {}

    def visit(d, path):
        if state.get(d.name) == 2:
            return
        if state.get(d.name) == 1:
            report.append("dependency cycle: %s" % " -> ".join(x.name for x in path + [d]))
            return
        state[d.name] = 1
        for o in deps[d.name][0]:
            visit(o, path + [d])
        state[d.name] = 2
        out.append(d)

    for d in sorted(decls, key=lambda d: (d.gate, d.name)):
        visit(d, [])
    return out


def header_order(order, report):
    """Documented headers in an order where each comes after those whose
    declarations it needs complete; a cycle is reported."""
    first = {}
    after = {}
    for d in order:
        first.setdefault(d.header, len(first))
        for o in d.strong:
            if o.header != d.header:
                after.setdefault(d.header, set()).add(o.header)
    out, state = [], {}

    def visit(h, path):
        if state.get(h) == 2:
            return
        if state.get(h) == 1:
            report.append("header cycle: %s" % " -> ".join(path + [h]))
            return
        state[h] = 1
        for o in sorted(after.get(h, ()), key=first.get):
            visit(o, path + [h])
        state[h] = 2
        out.append(h)

    for h in sorted(first, key=first.get):
        visit(h, [])
    return out


def place_support(decls):
    """An override-table declaration goes to the most basic header that uses it
    (ntddndis.h before ndis.h), so no header needs one included after it."""
    rank = {"objectheader.h": 0, "ntddndis.h": 1}
    for d in decls:
        if d.kind != "support":
            continue
        users = [u.header for u in decls if u is not d and u.refs & d.defines]
        if users:
            d.header = min(users, key=lambda h: rank.get(h, 2))
