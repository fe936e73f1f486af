#!/usr/bin/env python3
"""Lists every passage a citation in treaties/ may name, from the seed documents (shared/seeds/), in the naming
docs/sources.md sets out. The output, docs/sources/passages.txt, is the project's own reference data: the citation
check (TreatyDsl.Sources.CitationCheck, run by `dotnet test`) reads it, so the check needs no copy of the seeds.

    python3 docs/sources/extract_passages.py ../shared/seeds > docs/sources/passages.txt
"""
import re
import sys
from pathlib import Path

seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
out = []


def emit(document, passage):
    line = f"{document}\t{passage}"
    if line not in seen:
        seen.add(line)
        out.append(line)


seen = set()


def lines(seed):
    """The seed's lines, trimmed (a no-break space is a space: the capture kept some)."""
    return [raw.replace("\xa0", " ").strip() for raw in (seeds / seed).read_text(encoding="utf-8").splitlines()]


# ---- 7 FAM 480 ----
section = None
paragraph = None
item = None
for line in lines("002_5e5821139b4d7deb.txt"):
    heading = re.match(r"7 FAM (Exhibit )?(\d+(?:\.\d+)*(?:-\d+)?(?:\([a-z]\)| [AB])?)\b", line)
    if heading:
        section = ("Exhibit " if heading.group(1) else "") + heading.group(2)
        paragraph = item = None
        emit("7 FAM", section)
        continue
    if section is None:
        continue
    if section.startswith("Exhibit 481") and line.startswith("Table A"):
        emit("7 FAM", "Exhibit 481, Table A")
        continue
    if section.startswith("Exhibit"):
        continue
    m = re.match(r"([a-z])\.\s", line)
    if m:
        paragraph, item = m.group(1), None
        emit("7 FAM", f"{section} {paragraph}")
        continue
    m = re.match(r"\((\d+)\)\s", line)
    if m:
        item = m.group(1)
        emit("7 FAM", f"{section} {paragraph}({item})" if paragraph else f"{section} ({item})")
        continue
    m = re.match(r"(NOTE|Note)\s*:", line)
    if m:
        # A note is named by what it follows: its item, and (for a note under a lettered paragraph) the paragraph too.
        for word in ("NOTE", "Note"):
            if paragraph and item:
                emit("7 FAM", f"{section} {paragraph}({item}) {word}")
            if paragraph:
                emit("7 FAM", f"{section} {paragraph} {word}")
            if item and not paragraph:
                emit("7 FAM", f"{section} ({item}) {word}")
            if not paragraph and not item:
                emit("7 FAM", f"{section} {word}")

# ---- DOJ Guidelines ----
doj = lines("001_13ac9af7d238b327.txt")
part = None
letter = None
number = None
for line in doj:
    m = re.match(r"(I|II|III|IV|V) - ", line)
    if m:
        part, letter, number = m.group(1), None, None
        emit("DOJ Guidelines", part)
        continue
    if part is None:
        continue
    if part == "II":
        if line.startswith("The United States can only transfer"):
            for n in re.findall(r"\((\d)\)", line):
                emit("DOJ Guidelines", f"II({n})")
        m = re.match(r"(\d)\.\s", line)
        if m:
            emit("DOJ Guidelines", f"II, additional requirement {m.group(1)}")
        continue
    if part == "III":
        if line.startswith("BOP is responsible"):
            for n in re.findall(r"\((\d)\)", line):
                emit("DOJ Guidelines", f"III (BOP screen ({n}))")
        m = re.match(r"([A-C])\.\s", line)
        if m:
            letter, number = m.group(1), None
            emit("DOJ Guidelines", f"III.{letter}")
            continue
        m = re.match(r"(\d)\.\s", line)
        if m and letter:
            number = m.group(1)
            emit("DOJ Guidelines", f"III.{letter}.{number}")
            continue
        m = re.match(r"([a-d])\.\s", line)
        if m and letter and number:
            emit("DOJ Guidelines", f"III.{letter}.{number}.{m.group(1)}")
text = "\n".join(doj)
for n in sorted(set(re.findall(r"\[(\d)\]", text))):
    emit("DOJ Guidelines", f"n.{n}")

# ---- 28 CFR 527 ----
sec = None
for line in lines("003_612468f940c698d7.txt"):
    m = re.match(r"§\s*(527\.\d+)", line)
    if m:
        sec = m.group(1)
        emit("28 CFR", sec)
        continue
    m = re.match(r"\(([a-z])\)\s", line)
    if m and sec:
        emit("28 CFR", f"{sec}({m.group(1)})")

print("# Every passage a citation may name, by document (tab-separated). Made from the seed documents by")
print("# docs/sources/extract_passages.py; read by the citation check. Documents that are not among the seeds follow")
print("# as 'outside' lines: a citation of one is taken as it is, and docs/sources.md says where to read it.")
for line in out:
    print(line)
for name, where in [
    ("CETS 112", "the Council of Europe's treaty site, CETS No. 112 (7 FAM 481.3-2 a)"),
    ("Mexico treaty", "the International Prisoner Transfer Unit, DOJ (7 FAM 481.3-1 b)"),
    ("18 U.S.C.", "the United States Code, title 18, chapter 306 (uscode.house.gov)"),
    ("Case file contract", "shared/contracts/case-and-cli.md: this project's interface, not a legal source"),
]:
    print(f"outside\t{name}\t{where}")
