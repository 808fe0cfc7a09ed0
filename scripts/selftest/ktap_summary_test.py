#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Self-test of scripts/ktap-summary.py: the summary must count what the
logs say and fail on every kind of problem it claims to catch.  Run by
`make check` before it trusts the summary with the real logs."""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY = os.path.join(HERE, '..', 'ktap-summary.py')

MODULES = """\
socmmu_core  unload
socmmu_bench stays
socmmu_alpha unload  alpha
socmmu_beta  unload  beta
!busy socmmu_beta
!sleep
"""

# 6.12 layout: top-level KTAP header per module, suites indented.
PASSING = """\
socmmu-harness: begin
KTAP version 1
1..1
    KTAP version 1
    # Subtest: alpha
    # module: socmmu_alpha
    1..3
    ok 1 first
        KTAP version 1
        # Subtest: parameterised
        ok 1 one
        ok 2 two
    ok 2 parameterised
    ok 3 skipped_here # SKIP not on this kernel
ok 1 alpha
    KTAP version 1
    # Subtest: beta
    1..1
    ok 1 - only
ok 2 - beta
socmmu-harness: end
socmmu-harness: uml exit 0
"""


def summarise(log, modules=MODULES):
    with tempfile.TemporaryDirectory() as tmp:
        mods = os.path.join(tmp, 'modules.list')
        path = os.path.join(tmp, 'console.log')
        with open(mods, 'w') as f:
            f.write(modules)
        with open(path, 'w') as f:
            f.write(log)
        proc = subprocess.run([sys.executable, SUMMARY, '--modules', mods, f'k={path}'],
                              capture_output=True, text=True)
    return proc.returncode, proc.stdout.strip().splitlines()[-1], proc.stdout


class KtapSummaryTest(unittest.TestCase):
    def test_counts_cases_once(self):
        rc, last, _ = summarise(PASSING)
        self.assertEqual(rc, 0)
        self.assertEqual(last, '3 passed, 0 failed, 1 skipped')

    def test_failed_case(self):
        rc, last, out = summarise(PASSING.replace('    ok 1 first', '    not ok 1 first'))
        self.assertEqual(rc, 1)
        self.assertEqual(last, '2 passed, 1 failed, 1 skipped')
        self.assertIn('alpha.first failed', out)

    def test_missing_suite(self):
        log = PASSING[:PASSING.index('    KTAP version 1\n    # Subtest: beta')] + \
            'socmmu-harness: end\nsocmmu-harness: uml exit 0\n'
        rc, last, out = summarise(log)
        self.assertEqual(rc, 1)
        self.assertIn('expected suite beta never ran', out)

    def test_crash_mid_suite(self):
        log = PASSING[:PASSING.index('    ok 3 skipped_here')] + 'Kernel panic - not syncing: x\n'
        rc, _, out = summarise(log)
        self.assertEqual(rc, 1)
        self.assertIn('alpha never finished', out)
        self.assertIn('panic', out)
        self.assertIn('did not halt cleanly', out)

    def test_kernel_reports(self):
        for report in ('WARNING: CPU: 0 PID: 1 at x.c:1 f+0x0/0x10',
                       'BUG: KASAN: slab-use-after-free in f+0x1/0x2',
                       'WARNING: possible circular locking dependency detected',
                       'unreferenced object 0x1234 (size 8):',
                       'socmmu-harness: load failed: socmmu_beta',
                       'socmmu-harness: unload of socmmu_beta should have been refused',
                       'socmmu-harness: system sleep failed',
                       'socmmu-harness: run failed: gamma (exit 1)'):
            with self.subTest(report=report):
                rc, last, _ = summarise(PASSING.replace('socmmu-harness: end',
                                                        report + '\nsocmmu-harness: end'))
                self.assertEqual(rc, 1)
                self.assertRegex(last, r'^3 passed, [1-9]\d* failed')

    def test_directives_are_not_modules(self):
        # "!sleep" names no module and no suite.
        rc, last, out = summarise(PASSING.replace(
            'socmmu-harness: end', 'socmmu-harness: system sleep done\nsocmmu-harness: end'))
        self.assertEqual(rc, 0, out)
        self.assertEqual(last, '3 passed, 0 failed, 1 skipped')

    def test_run_directive_expects_its_suite(self):
        # "!run SUITE COMMAND..." is a user-space test: its suite must run.
        modules = MODULES + '!run gamma $SOCMMU_TOOLS/gamma-test --all\n'
        rc, _, out = summarise(PASSING, modules)
        self.assertEqual(rc, 1)
        self.assertIn('expected suite gamma never ran', out)
        gamma = ('    KTAP version 1\n    # Subtest: gamma\n    1..1\n'
                 '    ok 1 frames\nok 1 gamma\n')
        rc, last, out = summarise(PASSING.replace('socmmu-harness: end',
                                                  gamma + 'socmmu-harness: end'), modules)
        self.assertEqual(rc, 0, out)
        self.assertEqual(last, '4 passed, 0 failed, 1 skipped')
        # A command that exits non-zero or times out fails the run.
        rc, last, out = summarise(PASSING.replace(
            'socmmu-harness: end',
            gamma + 'socmmu-harness: run failed: gamma (exit 124)\nsocmmu-harness: end'), modules)
        self.assertEqual(rc, 1)
        self.assertIn('user-space test failure', out)

    def test_kmemleak_excuse_is_narrow(self):
        loads = ('uml-helper: pid 20 loads /x/socmmu_bench.ko\n'
                 'uml-helper: pid 21 loads /x/socmmu_alpha.ko\n')
        blind = 'kmemleak: Trying to color unknown object at 0xa8010000 as Grey\n'

        def leak(pid):
            return (f'unreferenced object 0x1234 (size 8):\n'
                    f'  comm "uml-helper", pid {pid}, jiffies 4294937450\n')

        def run(prefix, pid):
            return summarise(PASSING.replace('socmmu-harness: begin\n',
                                             'socmmu-harness: begin\n' + prefix)
                             .replace('socmmu-harness: end', leak(pid) + 'socmmu-harness: end'))

        # Allocated loading a module that stays, on a kernel blind to modules.
        rc, _, out = run(loads + blind, 20)
        self.assertEqual(rc, 0)
        self.assertIn('excused kmemleak report', out)
        # The same on a kernel that can scan module memory: a real report.
        rc, _, _ = run(loads, 20)
        self.assertEqual(rc, 1)
        # Allocated by any other load: a real report, blind kernel or not.
        rc, _, _ = run(loads + blind, 21)
        self.assertEqual(rc, 1)

    def test_timeout(self):
        rc, _, out = summarise(PASSING.replace('uml exit 0', 'uml timed out after 600 s'))
        self.assertEqual(rc, 1)
        self.assertIn('timed out', out)


if __name__ == '__main__':
    unittest.main()
