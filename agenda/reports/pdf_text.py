"""The text layer of a PDF, read in a process of its own under limits of memory and CPU time.

pdfminer inflates every stream whole and has no budget of its own: a 1.5 MB file whose stream
inflates to 1.5 GB held a web worker for half a minute and 3.6 GB. ``files.read_upload`` runs
this file as a script (``python -I pdf_text.py``, the PDF on standard input, the text on
standard output), so that the operating system ends a hostile file's reading, not the worker.
It imports nothing of the application: the child starts in a fraction of a second.

Exit status: 0 with the text; ``UNREADABLE`` when pdfminer cannot parse the file; anything else
(the memory limit's MemoryError, the CPU limit's SIGXCPU) means the file asked too much.
"""

from __future__ import annotations

import io
import logging
import resource
import sys

#: address space of the child: the interpreter and pdfminer take about 60 MB; a report's PDF
#: of up to MAX_FILE_BYTES with ordinary streams stays far below
MEMORY_BYTES = 768 * 1024 * 1024
CPU_SECONDS = 10
MAX_PAGES = 100
UNREADABLE = 3


def main() -> int:
    # here, not at the top: the web process imports this module for its limits and exit
    # statuses only, and need not load pdfminer, which only the child runs
    from pdfminer.high_level import extract_text

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    data = sys.stdin.buffer.read()
    try:
        text = extract_text(io.BytesIO(data), maxpages=MAX_PAGES)
    except MemoryError:
        raise  # the memory limit: a non-zero exit other than UNREADABLE
    except Exception:  # pdfminer raises many kinds on damaged files
        return UNREADABLE
    sys.stdout.buffer.write(text.encode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
