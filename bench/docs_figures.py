"""What the benchmark and figure scripts share: the machine's description, and replacing one
section of a Markdown document with fresh figures."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    return (f"{os.cpu_count()} CPU(s) (nproc), {model.group(1).strip() if model else 'CPU?'}, "
            f"{pages * page_size / 2**30:.1f} GiB RAM, {platform.system()} {platform.release()}")


def write_section(path: Path, heading: str, lines: list[str], title: str) -> None:
    """Replaces the section under ``heading`` (up to the next ``## ``) or appends it; a new
    document starts with ``title``."""
    document = path.read_text("utf-8") if path.exists() else f"{title}\n"
    block = "\n".join([heading, "", *lines]) + "\n"
    found = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if found.search(document):
        document = found.sub(lambda _: block + "\n", document).rstrip("\n") + "\n"
    else:
        document = document.rstrip("\n") + "\n\n" + block
    path.write_text(document, "utf-8")
