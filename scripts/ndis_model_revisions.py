# SPDX-License-Identifier: Apache-2.0
"""Revision and size constants of the documented NDIS structures.

A structure that starts with an NDIS_OBJECT_HEADER documents, under its Header
field, each value its Revision member takes (`NDIS_BIND_PARAMETERS_REVISION_2`),
the NDIS version that revision came with ("... for NDIS 6.1"), the members it
added (in bold), and the value of the Size member
(`NDIS_SIZEOF_BIND_PARAMETERS_REVISION_2`). From that:

- `X_REVISION_N` is N (every revision constant is its own number), gated at
  the version the revision's paragraph names;
- the size of revision N ends with the member just before the first one that
  revision N+1 added: `RTL_SIZEOF_THROUGH_FIELD(X, that member)`; the newest
  revision ends with the structure's last member. Where the next revision's
  paragraph names no member of the structure, the size is `sizeof(X)` and the
  report says so.

Names the hand-written headers define stay theirs.
"""
import re

REV = re.compile(r"\b(NDIS_(?!SIZEOF_)\w+?_REVISION_(\d+))\b")
SIZEOF = re.compile(r"\bNDIS_SIZEOF_\w+_REVISION_\d+\b")


def top_members(text):
    """The structure's top-level members in order, each with the NDIS version
    of the `#if NDIS_SUPPORT_NDISxxx` around it (0: none). The members of an
    anonymous struct or union count as the structure's own, as C sees them."""
    body = text[text.find("{") + 1:text.rfind("}")]
    out, depth, outer, inner, gates = [], 0, "", "", []
    for ch in body:
        if ch == "{":
            depth += 1
            if depth == 1:
                outer, inner = outer + "{", ""
                continue
        elif ch == "}":
            depth -= 1
            if depth == 0:
                outer += "}"
                continue
        if depth > 0:
            inner += ch
        elif ch != ";":
            outer += ch
        else:
            for pp in re.finditer(r"^\s*#\s*(if|ifdef|endif|else|elif)\b(.*)$", outer, re.M):
                if pp.group(1) in ("if", "ifdef"):
                    gates.append(version_of(pp.group(2).replace("NDIS_SUPPORT_NDIS6", "NDIS 6.0")
                                            .replace("NDIS_SUPPORT_NDIS", "NDIS 6.")) or 0)
                elif pp.group(1) == "endif" and gates:
                    gates.pop()
            decl = re.sub(r"^\s*#.*$", "", outer, flags=re.M)
            gate = max(gates or [0])
            m = re.search(r"(\w+)\s*(\[[^\]]*\]\s*)*(:\s*\d+\s*)?$", decl[decl.rfind("}") + 1:].strip())
            if m:
                out.append((m.group(1), gate))
            elif "}" in decl:  # anonymous: its members are the structure's
                out += [(n, max(g, gate)) for n, g in top_members("{" + inner + "}")]
            outer = ""
    return out


def version_of(chunk):
    m = re.search(r"NDIS\s+6\.(\d+)", chunk)
    if not m:
        return None
    # the pages write NDIS 6.20 as "6.2" too: one digit is tens
    minor = int(m.group(1)) * (10 if len(m.group(1)) == 1 else 1)
    return 600 + minor


def header_section(body):
    m = re.search(r"^### -field Header\b(.*?)(?=^### )", body, re.S | re.M)
    return m.group(1) if m else ""


def revisions(page, text):
    """[(N, revision name, size name or None, version or None, added members)]"""
    # "NDIS_OFFLOAD_ENCAPSULATION_ REVISION _1": a page's typo, read as meant
    section = re.sub(r"_\s+REVISION\s+_", "_REVISION_", header_section(page.body))
    hits = [m for m in REV.finditer(section) if "__" not in m.group(1)]
    out = {}
    for i, m in enumerate(hits):
        end = hits[i + 1].start() if i + 1 < len(hits) else len(section)
        chunk = section[m.end():end]
        n = int(m.group(2))
        size = SIZEOF.search(chunk)
        added = re.findall(r"<b>(\w+)</b>|\*\*(\w+)\*\*", chunk)
        added = [a or b for a, b in added]
        prev = out.get(n)
        if prev is None or (size and not prev[2]):
            out[n] = (n, m.group(1), size.group(0) if size else None, version_of(chunk), added)
    return [out[n] for n in sorted(out)]


def own_size_name(d, rev, structs, report):
    """A size the page names after another documented structure (the
    NDIS_SRIOV_WRITE_VF_CONFIG_SPACE_PARAMETERS page gives the size of
    ..._CONFIG_BLOCK_PARAMETERS, which has its own page) is named after this one,
    as the WDK names every size: two pages must not define one macro twice."""
    n, rname, sname, ver, added = rev
    m = re.match(r"NDIS_SIZEOF_(\w+)_REVISION_\d+$", sname or "")
    mine = re.sub(r"^NDIS_", "", d.name)
    if m and m.group(1) not in (mine, d.name) and (
            "NDIS_" + m.group(1) in structs or m.group(1) in structs):
        # in the page's own style: NDIS_SIZEOF_NDIS_SWITCH_... keeps its NDIS_
        new = "NDIS_SIZEOF_%s_REVISION_%d" % (d.name if m.group(1).startswith("NDIS_") else mine, n)
        report.append("named %s's revision %d size %s: the page gives %s, another structure's"
                      % (d.name, n, new, sname))
        sname = new
    return (n, rname, sname, ver, added)


def gate_macro(v):
    return "NDIS_SUPPORT_NDIS6" if v <= 600 else (
        "NDIS_SUPPORT_NDIS61" if v == 610 else "NDIS_SUPPORT_NDIS%d" % v)


def add_revisions(decls, handwritten, report):
    """Appends each documented structure's revision and size constants to its
    declaration; returns how many were added."""
    count = 0
    structs = {d.name for d in decls if d.kind == "struct"}
    for d in decls:
        if d.kind != "struct" or "NDIS_OBJECT_HEADER" not in d.text or not hasattr(d.page, "body"):
            continue
        revs = [own_size_name(d, r, structs, report) for r in revisions(d.page, d.text)]
        if not revs:
            continue
        gated = top_members(d.text)
        members = [m for m, _ in gated]
        lines = []
        for i, (n, rname, sname, ver, _) in enumerate(revs):
            gate = max(ver or d.gate, d.gate)
            defs = []
            if rname not in handwritten:
                defs.append("#define %s %d" % (rname, n))
            if sname and sname not in handwritten:
                nxt = revs[i + 1] if i + 1 < len(revs) else None
                if nxt is None:
                    # through the last member this revision has: later NDIS
                    # versions may gate more after it
                    have = [m for m, g in gated if g <= max(ver or 0, d.gate)]
                    size = "RTL_SIZEOF_THROUGH_FIELD(%s, %s)" % (d.name, have[-1]) \
                        if have else "sizeof(%s)" % d.name
                else:
                    added = [members.index(a) for a in nxt[4] if a in members]
                    # else the members the structure gates above this revision's version
                    later = [j for j, (_, g) in enumerate(gated) if g > max(ver or 0, d.gate)]
                    if added and min(added) > 0:
                        size = "RTL_SIZEOF_THROUGH_FIELD(%s, %s)" % (d.name, members[min(added) - 1])
                    elif later and min(later) > 0:
                        size = "RTL_SIZEOF_THROUGH_FIELD(%s, %s)" % (d.name, members[min(later) - 1])
                    else:
                        size = "sizeof(%s)" % d.name
                        report.append("sized %s as the whole structure: revision %d's paragraph "
                                      "names none of its members" % (sname, nxt[0]))
                defs.append("#define %s %s" % (sname, size))
            if not defs:
                continue
            count += len(defs)
            if gate > d.gate:
                lines += ["#if %s" % gate_macro(gate)] + defs + ["#endif"]
            else:
                lines += defs
        if lines:
            d.text = d.text.rstrip() + "\n" + "\n".join(lines)
    return count
