#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Summarise `make check`: KUnit results from each UML console log, plus the
build checks that scripts/check.sh recorded.

    ktap-summary.py --modules kunit/modules.list --checks RESULTS \
                    KERNEL=LOG [KERNEL=LOG ...]

A kernel's run fails when a case fails, when a suite from modules.list never
ran or never finished, when the harness could not load or unload a module,
run a system sleep cycle ("!sleep") or a user-space test ("!run": its
suite is expected like a module's, and a non-zero exit fails), when UML did not halt by itself, or when
the kernel printed an oops, BUG, WARN, KASAN/UBSAN report, lockdep splat,
DMA-API debug error or kmemleak report.  Each such problem counts as one failure.

The last line printed is "N passed, N failed"; the exit status is 0 only
when N failed is 0.
"""

import argparse
import re
import sys

RESULT = re.compile(r'^(\s*)(not ok|ok) (\d+)(?: -)? ([^\s#]+)(.*)$')
SUBTEST = re.compile(r'^(\s*)# Subtest: (\S+)')
KERNEL_REPORTS = [
    (re.compile(r'------------\[ cut here \]------------'), 'WARN/BUG'),
    (re.compile(r'\bWARNING: '), 'WARNING'),
    (re.compile(r'\bBUG: '), 'BUG'),
    (re.compile(r'kernel BUG at'), 'BUG'),
    (re.compile(r'\bOops\b'), 'oops'),
    (re.compile(r'Kernel panic'), 'panic'),
    (re.compile(r'\bKASAN: '), 'KASAN report'),
    (re.compile(r'\bUBSAN: '), 'UBSAN report'),
    (re.compile(r'possible (circular|recursive) locking|inconsistent lock state|'
                r'lock held when returning|bad unlock balance'), 'lockdep splat'),
    (re.compile(r'unreferenced object 0x'), 'kmemleak report'),
    (re.compile(r'socmmu-harness: (load|unload) failed'), 'module load/unload failure'),
    (re.compile(r'socmmu-harness: unload of \S+ should have been refused'),
     'module unloaded while in use'),
    (re.compile(r'socmmu-harness: system sleep failed'), 'system sleep failure'),
    (re.compile(r'socmmu-harness: run failed: '), 'user-space test failure'),
]


def read_modules(path):
    """modules.list -> list of (module, after-run, [suites]).  A "!run SUITE
    COMMAND..." line is a user-space test: ('!run', 'run', [SUITE])."""
    modules = []
    with open(path) as f:
        for line in f:
            words = line.split('#', 1)[0].split()
            if words and words[0] == '!run' and len(words) > 1:
                modules.append(('!run', 'run', [words[1]]))
            elif words and not words[0].startswith('!'):
                modules.append((words[0], words[1], words[2:]))
    return modules


# 6.1 UML's kmemleak does not know module memory (it says so with this line
# when a module loads), so it cannot see that struct module still points at
# what the kernel allocated while loading a module that stays loaded.
KMEMLEAK_BLIND_TO_MODULES = 'kmemleak: Trying to color unknown object'
HELPER_LOAD = re.compile(r'^uml-helper: pid (\d+) loads .*/([^/]+)\.ko$')
KMEMLEAK_COMM = re.compile(r'^\s*comm "uml-helper", pid (\d+),')


class Run:
    """What one UML console log says."""

    def __init__(self, kernel, log_path, staying_modules=()):
        self.kernel = kernel
        self.staying_modules = set(staying_modules)
        self.excused = []
        self.suites = {}       # suite -> 'ok' | 'not ok'
        self.cases = []        # (suite, case, status) status: pass/fail/skip
        self.problems = []     # human-readable strings
        self.failure_detail = []
        with open(log_path, errors='replace') as f:
            self.lines = f.read().splitlines()
        self._parse()

    def _parse(self):
        stack = []   # [indent, name, diagnostics]
        began = ended = False
        halted = None
        blind = any(KMEMLEAK_BLIND_TO_MODULES in line for line in self.lines)
        staying_pids = set()
        for number, line in enumerate(self.lines, 1):
            m = HELPER_LOAD.match(line)
            if m and m.group(2) in self.staying_modules:
                staying_pids.add(m.group(1))
            if line.startswith('unreferenced object ') and blind and number < len(self.lines):
                m = KMEMLEAK_COMM.match(self.lines[number])
                if m and m.group(1) in staying_pids:
                    self.excused.append(f'line {number}: {line} (allocated loading a module that '
                                        'stays, on a kernel whose kmemleak cannot scan modules)')
                    continue
            if 'socmmu-harness: begin' in line:
                began = True
            elif 'socmmu-harness: end' in line:
                ended = True
            elif line.startswith('socmmu-harness: uml '):
                halted = line[len('socmmu-harness: uml '):]
            for pattern, what in KERNEL_REPORTS:
                if pattern.search(line):
                    self.problems.append(f'{what}: line {number}: {line.strip()}')
                    break

            m = SUBTEST.match(line)
            if m:
                stack.append([len(m.group(1)), m.group(2), []])
                continue
            m = RESULT.match(line)
            if not m:
                # Diagnostics, and what the kernel printed meanwhile (KUnit
                # prints a failed expectation's message on a bare line).
                if stack and line.strip():
                    stack[-1][2].append(line.strip())
                continue
            indent, status, name, rest = len(m.group(1)), m.group(2), m.group(4), m.group(5)
            # A result at a shallower indent than an open subtest closes it.
            while stack and stack[-1][0] > indent:
                closed = stack.pop()
                if not stack:
                    self.suites[closed[1]] = status
            if len(stack) == 1 and stack[0][0] == indent:
                suite = stack[0][1]
                if '# SKIP' in rest:
                    verdict = 'skip'
                elif status == 'ok':
                    verdict = 'pass'
                else:
                    verdict = 'fail'
                    self.failure_detail.append(
                        f'{self.kernel}: {suite}.{name} failed:\n    ' +
                        '\n    '.join(stack[0][2][-12:]))
                self.cases.append((suite, name, verdict))
                stack[0][2] = []
        for indent, name, _ in stack:
            self.problems.append(f'suite or case {name} never finished (crash or hang?)')
        if not began:
            self.problems.append('the harness never started (UML userspace did not run)')
        elif not ended:
            self.problems.append('the harness never reached its end')
        if halted != 'exit 0':
            self.problems.append(f'UML did not halt cleanly: {halted or "no exit status"}')

    def count(self, verdict):
        return sum(1 for c in self.cases if c[2] == verdict)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--modules', required=True)
    parser.add_argument('--checks', help='file of "PASS name" / "FAIL name: why" lines')
    parser.add_argument('runs', nargs='*', metavar='KERNEL=LOG')
    args = parser.parse_args()

    modules = read_modules(args.modules)
    expected = [s for _, _, suites in modules for s in suites]
    staying = [name for name, after, _ in modules if after == 'stays']
    total_pass = total_fail = total_skip = 0

    for spec in args.runs:
        kernel, log = spec.split('=', 1)
        try:
            run = Run(kernel, log, staying)
        except OSError as e:
            print(f'{kernel}: no console log: {e}')
            total_fail += 1
            continue
        for suite in expected:
            if suite not in run.suites:
                run.problems.append(f'expected suite {suite} never ran')
        passed, failed, skipped = run.count('pass'), run.count('fail'), run.count('skip')
        for detail in run.failure_detail:
            print(detail)
        for problem in run.problems:
            print(f'{kernel}: {problem}')
        for note in run.excused:
            print(f'{kernel}: excused kmemleak report: {note}')
        print(f'{kernel}: {len(run.suites)} suites, {passed} cases passed, '
              f'{failed} failed, {skipped} skipped; {len(run.problems)} harness problems')
        total_pass += passed
        total_fail += failed + len(run.problems)
        total_skip += skipped

    checks_pass = checks_fail = 0
    if args.checks:
        with open(args.checks) as f:
            for line in f:
                line = line.strip()
                if line.startswith('PASS '):
                    checks_pass += 1
                elif line.startswith('FAIL '):
                    checks_fail += 1
                    print(f'check failed: {line[5:]}')
        print(f'build checks: {checks_pass} passed, {checks_fail} failed')

    total_pass += checks_pass
    total_fail += checks_fail
    skipped = f', {total_skip} skipped' if total_skip else ''
    print(f'{total_pass} passed, {total_fail} failed{skipped}')
    return 0 if total_fail == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
