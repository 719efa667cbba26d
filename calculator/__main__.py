"""``python -m calculator``: a JSON request on standard input, the JSON answer on standard output.

Exit 0 whenever an answer was written (validation errors included); exit 2 with a one-line message on standard
error when the input is not a JSON object. With ``--ics`` the request's iCalendar file is written instead of the
answer; a request with errors then writes its Dutch messages on standard error and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from calculator import __version__
from calculator.agenda import agenda
from calculator.antwoord import evaluate


def main(
    argv: list[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = argparse.ArgumentParser(
        prog="python -m calculator",
        description="Reads a kmo-portefeuille request (JSON object) on standard input and writes the answer as JSON.",
    )
    parser.add_argument("--compact", action="store_true", help="write the answer on one line")
    parser.add_argument("--ics", action="store_true", help="write the timeline as an iCalendar file (RFC 5545)")
    parser.add_argument("--version", action="version", version=f"kmo-calculator {__version__}")
    arguments = parser.parse_args(argv)
    text = stdin.read()
    try:
        request = json.loads(text)
    except (ValueError, RecursionError) as error:
        print(f"error: standard input is not valid JSON ({type(error).__name__}): send one JSON object", file=stderr)
        return 2
    if not isinstance(request, dict):
        print(f"error: standard input is a JSON {type(request).__name__}, not a JSON object", file=stderr)
        return 2
    if arguments.ics:
        calendar = agenda(request)
        for problem in calendar["errors"]:
            print(f"{problem['field']}: {problem['message']}", file=stderr)
        stdout.write(calendar["ics"])
        return 0 if calendar["ok"] else 1
    answer = evaluate(request)
    indent = None if arguments.compact else 2
    stdout.write(json.dumps(answer, ensure_ascii=False, indent=indent) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
