# SPDX-License-Identifier: Apache-2.0
"""Reads the NDIS pages of the DDI reference (for scripts/gen-ndis-model)."""
import glob
import os
import re
import subprocess
import tempfile

# The last commit of MicrosoftDocs/windows-driver-docs-ddi whose pages carry
# their syntax blocks (1b9ce47cef removed them from nearly every page).
SYNTAX_COMMIT = "bc2f5c72aa684665960d9bd48b0e1561b10dc4ae"

# The content folders that document ndis.h, its sub-headers and ntddndis.h.
# miniport.h (legacy port/register/interlocked routines the kernel headers
# already declare) is listed in the names but not generated.
FOLDERS = ["ndis", "objectheader", "oidrequest", "ntddndis", "poll", "miniport", "nbl",
           "nbl8021q", "nblaccessors", "nblapi", "nblchecksum", "nblhash", "nblinfo",
           "nbllso", "nblrsc", "nbltimestamp", "nbluso", "encapsulationconfig"]

# Pages that give only a Windows release, mapped to the NDIS version it shipped.
WINDOWS_NDIS = [("Windows 11, version 22H2", 686), ("Windows 11", 685),
                ("version 1912", 683), ("version 1803", 681), ("version 1709", 680),
                ("Windows 10", 650), ("Windows 8", 630), ("Windows 7", 620),
                ("Windows Vista", 600)]

KINDS = {"nf": "function", "ns": "struct", "ne": "enum", "nc": "callback"}


class Page:
    def __init__(self, path, meta, body):
        self.path = path
        self.folder = os.path.basename(os.path.dirname(path))
        self.meta = meta
        self.body = body
        self.kind = KINDS.get(os.path.basename(path).split("-")[0], "?")
        h1 = re.search(r"^# (.*)$", body, re.M)
        self.h1 = h1.group(1) if h1 else ""
        if self.kind == "function" and re.search(r"\bmacro\b", self.h1):
            self.kind = "macro"
        self.syntax = syntax_block(body)
        self.name = primary_name(meta, self.kind)
        self.header = os.path.basename(str(meta.get("req.header") or "ndis.h"))
        self.minver = min_version(meta)
        self.fields = [m for m in re.findall(r"^### -field ([^\s]+)", body, re.M)]
        self.params = re.findall(r"^### -param ([^\s\[]+)", body, re.M)
        # Pages the reference marks as NDIS 5.x (or Windows CE) only: the WDK
        # declares those names for legacy drivers, not for NDIS 6 ones.
        self.legacy = bool(re.search(r"NDIS 5\.\s*\*?x\*? has been deprecated|Windows CE",
                                     body[:3000]))

    def names(self):
        out = {self.name}
        for n in listval(self.meta.get("api_name")):
            out.add(n)
        return out


def listval(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def parse_front(text):
    m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
    if not m:
        return None, text
    meta, key = {}, None
    for line in m.group(1).split("\n"):
        kv = re.match(r"^([\w.\-]+):\s*(.*)$", line)
        if kv:
            key = kv.group(1)
            meta[key] = kv.group(2).strip().strip('"')
        elif key and re.match(r"^\s*-\s*", line):
            v = meta.get(key)
            meta[key] = (v if isinstance(v, list) else ([v] if v else []))
            meta[key].append(re.sub(r"^\s*-\s*", "", line).strip())
    return meta, m.group(2)


def syntax_block(body):
    for sec in ("-syntax", "-prototype"):
        s = re.search(r"^## " + sec + r"\s*\n+\s*(`{3,4})\w*\n(.*?)\n\s*\1", body, re.S | re.M)
        if s:
            return s.group(2)
    return None


def primary_name(meta, kind):
    title = re.sub(r"~r\d+", "", str(meta.get("title", "")).split(" ")[0])
    if kind in ("struct", "enum"):
        tn = str(meta.get("req.typenames") or "").split(",")[0].strip()
        if tn and re.match(r"^\w+$", tn):
            return tn
        return title.lstrip("_")
    return title


def min_version(meta):
    s = str(meta.get("req.target-min-winverclnt") or "")
    m = re.search(r"NDIS\s+6\.(\d+)", s)
    if m:
        minor = int(m.group(1))
        return 600 + (10 if minor == 1 else minor)
    for text, v in WINDOWS_NDIS:
        if text in s:
            return v
    return 600


def extract(git_dir, commit, dest, folders=FOLDERS):
    names = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", commit,
                            "wdk-ddi-src/content/"], capture_output=True, text=True,
                           check=True).stdout.split()
    want = [n for n in names if os.path.basename(n) in folders]
    arch = subprocess.run(["git", "--git-dir", git_dir, "archive", commit] + want,
                          capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=arch, check=True)
    return os.path.join(dest, "wdk-ddi-src", "content")


def load(root, folders=FOLDERS):
    pages = []
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(root, folder, "*.md"))):
            # index and TOC pages, and a header's own overview page (na-*)
            if os.path.basename(path) in ("index.md", "TOC.md") or \
                    os.path.basename(path).startswith("na-"):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                meta, body = parse_front(f.read())
            if meta is not None:
                pages.append(Page(path, meta, body))
    return pages


def read_pages(git_dir, folders=FOLDERS):
    """The pages of FOLDERS at HEAD, each with a syntax block (its own, or the
    same name's at SYNTAX_COMMIT) where the reference ever had one.
    (scripts/gen-wdf-model reads the KMDF folders with it.)"""
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "head"))
        os.mkdir(os.path.join(tmp, "old"))
        head = load(extract(git_dir, "HEAD", os.path.join(tmp, "head"), folders), folders)
        old = load(extract(git_dir, SYNTAX_COMMIT, os.path.join(tmp, "old"), folders), folders)
    old_syntax = {}
    for p in old:
        if p.syntax:
            for n in p.names() | {str(p.meta.get("title", "")).lstrip("_")}:
                old_syntax.setdefault(n.lstrip("_").upper(), p.syntax)
    seen, out = set(), []
    for p in head:
        if p.name in seen or not re.match(r"^\w+$", p.name):
            continue
        seen.add(p.name)
        if p.legacy:
            continue
        if not p.syntax:
            for n in p.names():
                s = old_syntax.get(n.lstrip("_").upper())
                if s:
                    p.syntax = s
                    break
        out.append(p)
    return out
