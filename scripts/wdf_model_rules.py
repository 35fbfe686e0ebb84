# SPDX-License-Identifier: Apache-2.0
"""The KMDF names the reference uses without a page of their own, made by
rule from how its declarations name them (for scripts/gen-wdf-model)."""
import re

from ndis_model_decls import Decl, SupportPage, analyse, struct_names


def forward(name, text, report, why):
    d = Decl(SupportPage(name, "(forward)", 600), text, "rule")
    d.kind = "forward"
    d.defines = {name}
    report.append("derived %s: %s" % (name, why))
    return d


def derive_types(decls, report):
    """Handle types, opaque init structures, PFN_ and PC pointer types."""
    defined, used = set(), set()
    for d in decls:
        defined |= d.defines
        used |= d.refs
    structs = {}
    for d in decls:
        if d.kind == "struct":
            sn = struct_names(d.text)
            if sn:
                for n in sn[2]:
                    structs[n] = d
    callbacks = {d.name: d for d in decls if d.kind == "callback"}
    out = []
    for n in sorted(used - defined):
        if re.match(r"^WDF[A-Z0-9]+$", n):
            out.append(forward(n, "typedef struct %s__ *%s;" % (n, n), report,
                               "a framework object handle (opaque)"))
        elif re.match(r"^PWDF[A-Z0-9_]*INIT$", n) and n[1:] not in structs:
            out.append(forward(n, "typedef struct %s *%s;" % (n[1:], n), report,
                               "a pointer to an opaque initialization structure"))
        elif n.startswith("PC") and n[2:] in structs:
            d = forward(n, "typedef const %s *%s;" % (n[2:], n), report,
                        "a pointer to a constant %s" % n[2:])
            d.late, d.target = True, n[2:]
            out.append(d)
        elif n.startswith("PFN_") and "EVT_" + n[4:] in callbacks:
            cb = callbacks["EVT_" + n[4:]]
            cb.text += "\ntypedef %s *%s;" % (cb.name, n)
            cb.defines.add(n)
            report.append("derived %s as a pointer to %s" % (n, cb.name))
    for d in out:
        d.refs = set()
    return out


def params_of(text, name):
    m = re.search(r"\b%s\s*\((.*)\)\s*;?\s*$" % re.escape(name), text, re.S)
    if not m:
        return None
    out = []
    for p in m.group(1).split(","):
        p = re.sub(r"\b_\w+_(\([^)]*\))?", "", p).strip()
        if not p or p in ("VOID", "void"):
            continue
        toks = re.findall(r"\w+|\*", p)
        out.append((re.sub(r"\s+", " ", p), toks[-1], toks[:-1]))
    return out


def members_of(d):
    """The structure's own members (not those of nested unions): name -> type."""
    sn = struct_names(d.text)
    if not sn:
        return {}
    top, depth = "", 0
    for ch in sn[4]:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        top += ch if depth == 0 and ch != "}" else ("\n" if ch == "}" else "")
    out = {}
    for m in re.finditer(r"^\s*([\w\s\*]+?)\s*\b(\w+)\s*;", top, re.M):
        out[m.group(2)] = " ".join(re.findall(r"\w+|\*", m.group(1)))
    return out


def init_bodies(decls, defaults, report):
    """WDF_XXX_INIT(PWDF_XXX Config, P2, ...): zero *Config, set its Size, store
    each other parameter in the member of its name (the pages' Remarks)."""
    structs = {}
    for d in decls:
        if d.kind == "struct":
            sn = struct_names(d.text)
            if sn:
                for n in sn[3]:
                    structs["P" + n if not n.startswith("P") else n] = d
                for n in sn[2]:
                    structs["P" + n] = d
    for d in decls:
        if d.kind != "function" or not re.match(r"^WDF_\w*INIT\w*$", d.name):
            continue
        ps = params_of(d.text, d.name)
        if not ps or ps[0][2][-1:] == ["*"] or not ps[0][2]:
            report.append("declared %s: its first parameter is not a structure pointer" % d.name)
            continue
        target = structs.get(ps[0][2][-1])
        if target is None:
            report.append("declared %s: %s is no documented structure" % (d.name, ps[0][2][-1]))
            continue
        members = members_of(target)
        missing = [p[1] for p in ps[1:] if p[1] not in members]
        if missing:
            report.append("declared %s: parameters %s name no member of %s"
                          % (d.name, ", ".join(missing), target.name))
            continue
        other = [p[1] for p in ps[1:] if members[p[1]] != " ".join(p[2])]
        if other:
            report.append("declared %s: parameters %s are not of their member's type in %s"
                          % (d.name, ", ".join(other), target.name))
            continue
        c = ps[0][1]
        body = ["  RtlZeroMemory(%s, sizeof(*%s));" % (c, c)]
        if "Size" in members:
            body.append("  %s->Size = sizeof(*%s);" % (c, c))
        for _, n, _ in ps[1:]:
            body.append("  %s->%s = %s;" % (c, n, n))
        for member, value in defaults.get(d.name, []):
            body.append("  %s->%s = %s;" % (c, member, value))
        ret = d.text[:d.text.index(d.name)].strip()
        d.text = "FORCEINLINE %s %s(%s)\n{\n%s\n}" % (
            ret, d.name, ", ".join(p[0] for p in ps), "\n".join(body))
        d.how = "init body"
        # The body needs the structure complete: a strong dependency.
        d.kind = "inline"
        d.refs.add(target.name)
        d.refs |= {v for _, v in defaults.get(d.name, [])}
