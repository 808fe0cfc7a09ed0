#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Summarise `make check`: KUnit results from each UML or QEMU console log, plus the
build checks that scripts/check.sh recorded.

    ktap-summary.py --modules kunit/modules.list --checks RESULTS \
                    [--run LIST NAME=LOG ...] KERNEL=LOG [KERNEL=LOG ...]

Each KERNEL=LOG run loaded --modules; a "--run LIST NAME=LOG" run is a
boot of its own that loaded LIST (the board device trees' boot,
kunit/boards/modules.list).

A kernel's run fails when a case fails, when a suite from modules.list never
ran or never finished, when the harness could not load or unload a module,
run a system sleep cycle ("!sleep") or a user-space test ("!run": its
suite is expected like a module's, and a non-zero exit fails), when UML did not halt by itself, or when
the kernel printed an oops, BUG, WARN, KASAN/UBSAN report, lockdep splat,
DMA-API debug error or kmemleak report.  Each such problem counts as one failure:
one kernel report counts once however many of its lines match (a WARN splat
prints "cut here" and "WARNING:"), and each kmemleak object counts.

A modules.list line that is neither "NAME unload|stays [SUITE...]" nor a
known directive is an error naming the line (exit status 1).

The last line printed is "N passed, N failed"; the exit status is 0 only
when N failed is 0.
"""

import argparse
import re
import sys

RESULT = re.compile(r'^(\s*)(not ok|ok) (\d+)(?: -)? ([^\s#]+)(.*)$')
SUBTEST = re.compile(r'^(\s*)# Subtest: (\S+)')

# What the kernel prints when something went wrong.  One report (a WARN or
# BUG splat, an oops, a KASAN or UBSAN report, a lockdep splat) prints
# several of these lines; it counts once (Run._kernel_report()).
# (pattern, what, starts): a line marked "starts" always begins a report
# of its own; any other joins the report still open, if there is one.
KERNEL_REPORTS = [
    # WARN(), BUG() and UBSAN (6.12) on every arch; ARM's faults say "8<---".
    (re.compile(r'-\[ cut here \]-|8<--- cut here ---'), 'cut here', True),
    (re.compile(r'possible (circular|recursive) locking|inconsistent lock state|'
                r'lock held when returning|bad unlock balance|'
                r'-safe -> \S+-unsafe lock order'), 'lockdep splat', False),
    (re.compile(r'\bKASAN: '), 'KASAN report', False),
    (re.compile(r'\bUBSAN: '), 'UBSAN report', False),
    (re.compile(r'\bWARNING: '), 'WARNING', False),
    (re.compile(r'\bBUG: '), 'BUG', False),
    (re.compile(r'kernel BUG at'), 'BUG', False),
    (re.compile(r'\bOops\b|Unable to handle kernel'), 'oops', False),
    (re.compile(r'Kernel panic'), 'panic', False),
    (re.compile(r'unreferenced object 0x'), 'kmemleak report', True),
    (re.compile(r'socmmu-harness: (load|unload) failed'), 'module load/unload failure', True),
    (re.compile(r'socmmu-harness: unload of \S+ should have been refused'),
     'module unloaded while in use', True),
    (re.compile(r'socmmu-harness: system sleep failed'), 'system sleep failure', True),
    (re.compile(r'socmmu-harness: run failed: '), 'user-space test failure', True),
]
# A WARN, BUG or oops ends with this line; a KASAN or UBSAN (6.1) report,
# with a rule of '=', which also comes before a lockdep splat.
REPORT_END = re.compile(r'---\[ end trace|^\s*={20,}\s*$')
# When the tests or the harness speak again, the kernel's report is over.
NOT_A_REPORT = re.compile(r'^\s*(KTAP version|1\.\.\d|# Subtest:|(not )?ok \d)|'
                          r'^(socmmu-harness|uml-helper|arm-init): ')
# A panic that names an earlier report as its cause is part of it.
CONSEQUENCE = re.compile(r'Kernel panic - not syncing: (Fatal exception|BUG!|'
                         r'panic_on_warn set|kasan\.fault=panic)')


class ModulesListError(Exception):
    pass


MODULE_LINE = 'a module line is "NAME unload|stays [SUITE...]"'
DIRECTIVES = {
    # directive: (fewest words after it, most or None, its form)
    '!busy': (1, 1, '"!busy NAME"'),
    '!sleep': (0, 0, '"!sleep"'),
    '!run': (2, None, '"!run SUITE COMMAND [ARGS...]"'),
    '!boot': (1, None, '"!boot ARG..."'),
    '!params': (2, None, '"!params NAME ARG..."'),
}


# How the machine ended, as the harness saw it: UML (scripts/uml/) or QEMU
# (scripts/arm/, the ARM runtime).
HARNESS_EXIT = re.compile(r'^socmmu-harness: (uml|qemu) (.*)$')
# The kernel's last line when it halts (reboot(2) from uml-helper).
KERNEL_HALTED = re.compile(r'^reboot: (System halted|Power down)')
# UML's host process may still die of a signal after that line: a timer or
# SIGIO delivered while it tears itself down (arch/um/os-Linux/main.c: "a
# timer signal can come in when we're halting ... and cause a segfault"),
# as SIGSEGV (139) or through its panic path's abort (134).  The run's
# results are all in by then; only this exact case is excused, and said.
HOST_TEARDOWN_CRASHES = ('exit 134', 'exit 139')


def read_modules(path):
    """modules.list -> list of (module, after-run, [suites]).  A "!run SUITE
    COMMAND..." line is a user-space test: ('!run', 'run', [SUITE]).  A line
    that is neither a module nor a known directive raises ModulesListError
    naming it: uml/run-tests.sh would not load what it means."""
    modules = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            words = line.split('#', 1)[0].split()
            if not words:
                continue
            where = f'{path}:{number}: "{line.strip()}"'
            if words[0].startswith('!'):
                if words[0] not in DIRECTIVES:
                    raise ModulesListError(f'{where}: unknown directive {words[0]} (known: '
                                           f'{", ".join(sorted(DIRECTIVES))})')
                fewest, most, form = DIRECTIVES[words[0]]
                if len(words) - 1 < fewest or (most is not None and len(words) - 1 > most):
                    raise ModulesListError(f'{where}: the directive is {form}')
                if words[0] == '!run':
                    modules.append(('!run', 'run', [words[1]]))
            elif len(words) < 2 or words[1] not in ('unload', 'stays'):
                raise ModulesListError(f'{where}: {MODULE_LINE}')
            else:
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

    def _kernel_report(self, number, line):
        """Group the kernel's report lines into reports, one problem each."""
        for pattern, what, starts in KERNEL_REPORTS:
            if pattern.search(line):
                break
        else:
            what = None
        if what is not None:
            entry = (number, line.strip(), what)
            if what == 'panic' and CONSEQUENCE.search(line) and self._last_report:
                self._last_report.append(entry)
            elif starts or self._open_report is None:
                self._open_report = self._last_report = [entry]
                self._reports.append(self._open_report)
            else:
                self._open_report.append(entry)
        if REPORT_END.search(line):
            self._open_report = None
        if NOT_A_REPORT.search(line):
            self._open_report = self._last_report = None

    def _report_problems(self):
        for report in self._reports:
            # Named by its first telling line ("cut here" says nothing).
            named = next((e for e in report if e[2] != 'cut here'), report[0])
            number, text, what = named
            others = [str(e[0]) for e in report if e is not named]
            also = f' (same report: lines {", ".join(others)})' if others else ''
            self.problems.append(f'{what}: line {number}: {text}{also}')

    def _parse(self):
        self._reports = []
        self._open_report = self._last_report = None
        stack = []   # [indent, name, diagnostics]
        began = ended = kernel_halted = False
        halted = machine = None
        blind = any(KMEMLEAK_BLIND_TO_MODULES in line for line in self.lines)
        staying_pids = set()
        for number, line in enumerate(self.lines, 1):
            m = HELPER_LOAD.match(line)
            if m and m.group(2) in self.staying_modules:
                staying_pids.add(m.group(1))
            if line.startswith('unreferenced object ') and blind and number < len(self.lines):
                m = KMEMLEAK_COMM.match(self.lines[number])
                if m and m.group(1) in staying_pids:
                    self.excused.append(f'kmemleak report: line {number}: {line} (allocated '
                                        'loading a module that stays, on a kernel whose '
                                        'kmemleak cannot scan modules)')
                    continue
            if 'socmmu-harness: begin' in line:
                began = True
            elif 'socmmu-harness: end' in line:
                ended = True
            elif HARNESS_EXIT.match(line):
                machine, halted = HARNESS_EXIT.match(line).groups()
            elif ended and KERNEL_HALTED.match(line):
                kernel_halted = True
            self._kernel_report(number, line)

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
        self._report_problems()
        for indent, name, _ in stack:
            self.problems.append(f'suite or case {name} never finished (crash or hang?)')
        if not began:
            self.problems.append('the harness never started (UML userspace did not run)')
        elif not ended:
            self.problems.append('the harness never reached its end')
        if machine == 'uml' and halted in HOST_TEARDOWN_CRASHES and kernel_halted:
            self.excused.append(f'UML\'s host process died ({halted}) after the kernel had '
                                'halted: the known teardown race of UML\'s exit path')
        elif halted != 'exit 0':
            self.problems.append(f'UML did not halt cleanly: {halted or "no exit status"}')

    def count(self, verdict):
        return sum(1 for c in self.cases if c[2] == verdict)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--modules', required=True)
    parser.add_argument('--checks', help='file of "PASS name" / "FAIL name: why" lines')
    parser.add_argument('--run', nargs=2, action='append', default=[],
                        metavar=('LIST', 'NAME=LOG'), help='a run that loaded another list')
    parser.add_argument('runs', nargs='*', metavar='KERNEL=LOG')
    args = parser.parse_args()

    lists = {}
    try:
        for path in [args.modules] + [path for path, _ in args.run]:
            lists[path] = read_modules(path)
    except (OSError, ModulesListError) as e:
        print(f'ktap-summary: {e}', file=sys.stderr)
        print('0 passed, 1 failed')
        return 1
    total_pass = total_fail = total_skip = 0

    for path, spec in [(args.modules, spec) for spec in args.runs] + args.run:
        modules = lists[path]
        expected = [s for _, _, suites in modules for s in suites]
        staying = [name for name, after, _ in modules if after == 'stays']
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
            print(f'{kernel}: excused {note}')
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
