#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Every page under Documentation/ must build with docutils, warnings
included: a malformed table or a broken literal renders as garbage, and
nobody reads the source text to notice.

    scripts/check-docs.py [FILE...]     (default: Documentation/*.rst)

Prints each page's first problem; exits non-zero when any page has one.
Debian's python3-docutils (scripts/install-host-deps.sh): run with the
system interpreter, which has it.
"""
import glob
import io
import os
import sys

import docutils.core
import docutils.utils


def check(path):
    """The page's first warning or error, or None."""
    errors = io.StringIO()
    try:
        with open(path, encoding="utf-8") as f:
            docutils.core.publish_string(
                f.read(), source_path=path, writer_name="null",
                settings_overrides={"report_level": 2, "halt_level": 2,
                                    "warning_stream": errors})
    except docutils.utils.SystemMessage as e:
        return str(e)
    return errors.getvalue().strip() or None


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pages = sys.argv[1:] or sorted(glob.glob(os.path.join(top, "Documentation", "*.rst")))
    bad = 0
    for page in pages:
        problem = check(page)
        if problem:
            print(f"check-docs: {problem.splitlines()[0]}")
            bad += 1
    print(f"check-docs: {len(pages)} pages, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
