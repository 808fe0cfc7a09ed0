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

CUT_HERE = '------------[ cut here ]------------\n'
WARN = (CUT_HERE +
        'WARNING: CPU: 0 PID: 1 at x.c:1 f+0x0/0x10\n'
        'Modules linked in: socmmu_alpha\n'
        'Call Trace:\n'
        ' [<60041a2b>] dump_stack_lvl+0x5b/0x80\n'
        '---[ end trace 0000000000000000 ]---\n')
KASAN = ('==================================================================\n'
         'BUG: KASAN: slab-use-after-free in f+0x1/0x2\n'
         'Read of size 8 at addr 000000006a3b2f08 by task uml-helper/20\n'
         'The buggy address belongs to the object at 000000006a3b2f00\n'
         '==================================================================\n'
         'Disabling lock debugging due to kernel taint\n')


def summarise_full(log, modules=MODULES):
    with tempfile.TemporaryDirectory() as tmp:
        mods = os.path.join(tmp, 'modules.list')
        path = os.path.join(tmp, 'console.log')
        with open(mods, 'w') as f:
            f.write(modules)
        with open(path, 'w') as f:
            f.write(log)
        proc = subprocess.run([sys.executable, SUMMARY, '--modules', mods, f'k={path}'],
                              capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    return proc.returncode, lines[-1] if lines else '', proc.stdout, proc.stderr


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


def summarise_with_run(log, other_log, other_modules):
    """A run of MODULES and a run of its own list (--run), as check.sh's boards."""
    with tempfile.TemporaryDirectory() as tmp:
        mods, other = os.path.join(tmp, 'modules.list'), os.path.join(tmp, 'other.list')
        path, other_path = os.path.join(tmp, 'console.log'), os.path.join(tmp, 'other.log')
        for name, text in ((mods, MODULES), (other, other_modules), (path, log),
                           (other_path, other_log)):
            with open(name, 'w') as f:
                f.write(text)
        proc = subprocess.run([sys.executable, SUMMARY, '--modules', mods,
                               '--run', other, f'k-other={other_path}', f'k={path}'],
                              capture_output=True, text=True)
    return proc.returncode, proc.stdout.strip().splitlines()[-1], proc.stdout


class KtapSummaryTest(unittest.TestCase):
    def test_run_with_its_own_list(self):
        # The other run loaded only beta: alpha is not expected of it...
        rc, last, _ = summarise_with_run(PASSING, PASSING, 'socmmu_beta unload beta\n')
        self.assertEqual(rc, 0)
        self.assertEqual(last, '6 passed, 0 failed, 2 skipped')
        # ...but its own suites are, and its failures count.
        rc, _, out = summarise_with_run(PASSING, PASSING, 'socmmu_gamma unload gamma\n')
        self.assertEqual(rc, 1)
        self.assertIn('k-other: expected suite gamma never ran', out)
        rc, last, _ = summarise_with_run(PASSING, PASSING.replace('ok 1 - only', 'not ok 1 - only'),
                                         'socmmu_beta unload beta\n')
        self.assertEqual(rc, 1)
        self.assertEqual(last, '5 passed, 1 failed, 2 skipped')

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

    def report(self, text):
        """Summary of PASSING with @text printed by the kernel before the end."""
        return summarise(PASSING.replace('socmmu-harness: end', text + 'socmmu-harness: end'))

    def assertFailures(self, text, count):
        rc, last, out = self.report(text)
        self.assertEqual(rc, 1, out)
        self.assertEqual(last, f'3 passed, {count} failed, 1 skipped', out)
        return out

    def test_one_warn_is_one_failure(self):
        out = self.assertFailures(WARN, 1)
        # Named by its WARNING line, with the other lines of the splat.
        self.assertIn('WARNING: line', out)
        self.assertIn('x.c:1', out)

    def test_each_warn_counts(self):
        self.assertFailures(WARN + 'socmmu omap: something else\n' + WARN, 2)
        # A second splat right after the first, with nothing between.
        self.assertFailures(WARN + WARN, 2)
        # ...and after a KTAP line (a case's result ends a report).
        self.assertFailures(WARN + '    ok 4 extra\n' + 'WARNING: CPU: 0 PID: 1 at y.c:2 g\n', 2)

    def test_dma_api_warn_is_one_failure(self):
        self.assertFailures(CUT_HERE + 'DMA-API: socmmu-test: device driver frees DMA memory '
                            'with wrong function\n' + WARN[len(CUT_HERE):], 1)

    def test_bug_splat_is_one_failure(self):
        # ARM's BUG(): cut here, kernel BUG at, the oops, its end, and the
        # panic that says it follows from it.
        self.assertFailures(CUT_HERE + 'kernel BUG at iommu/x.c:12!\n'
                            'Internal error: Oops - BUG: 0 [#1] SMP ARM\n'
                            'Modules linked in: socmmu_core\n'
                            '---[ end trace 0000000000000000 ]---\n'
                            'Kernel panic - not syncing: Fatal exception\n', 1)
        # UML's BUG() (no GENERIC_BUG): a line, then the panic it causes.
        self.assertFailures('BUG: failure at iommu/x.c:12/f()!\n'
                            'Kernel panic - not syncing: BUG!\n', 1)
        # ARM's page fault: its own "cut here", the fault, the oops.
        self.assertFailures('8<--- cut here ---\n'
                            'Unable to handle kernel NULL pointer dereference at virtual '
                            'address 00000000 when read\n'
                            'Internal error: Oops: 5 [#1] SMP ARM\n'
                            '---[ end trace 0000000000000000 ]---\n', 1)

    def test_kasan_report_is_one_failure(self):
        self.assertFailures(KASAN, 1)
        self.assertFailures(KASAN + KASAN, 2)
        # A WARN right after a KASAN report is a report of its own.
        self.assertFailures(KASAN + WARN, 2)

    def test_ubsan_report_is_one_failure(self):
        # 6.12 prints "cut here" and an "UBSAN:" line for one report.
        self.assertFailures(CUT_HERE + 'UBSAN: shift-out-of-bounds in iommu/x.c:3:9\n'
                            'shift exponent 40 is too large for 32-bit type \'u32\'\n'
                            '---[ end trace ]---\n', 1)

    def test_lockdep_splat_is_one_failure(self):
        out = self.assertFailures('======================================================\n'
                                  'WARNING: possible circular locking dependency detected\n'
                                  '6.12.0 #1 Tainted: G           O\n'
                                  '------------------------------------------------------\n'
                                  ' *** DEADLOCK ***\n', 1)
        self.assertIn('lockdep splat', out)

    def test_each_kmemleak_object_counts(self):
        leak = ('unreferenced object 0x1234 (size 8):\n'
                '  comm "uml-helper", pid 20, jiffies 4294937450\n'
                '  backtrace (crc 0):\n')
        self.assertFailures(leak + leak, 2)

    def test_bad_module_line_is_rejected(self):
        for line, why in (('socmmu_core', 'socmmu_core'),
                          ('socmmu_core  unlaod  alpha', 'unlaod'),
                          ('!run gamma', '!run gamma'),
                          ('!busy', '!busy'),
                          ('!slep', '!slep')):
            with self.subTest(line=line):
                rc, last, out, err = summarise_full(PASSING, MODULES + line + '\n')
                self.assertEqual(rc, 1, out + err)
                self.assertNotIn('Traceback', err)
                self.assertIn(f'modules.list:{MODULES.count(chr(10)) + 1}:', err)
                self.assertIn(why, err)
                self.assertEqual(last, '0 passed, 1 failed')

    def test_host_crash_after_halt_is_excused(self):
        for status in ('134', '139'):
            log = PASSING.replace('socmmu-harness: uml exit 0',
                                  'reboot: System halted\nsocmmu-harness: uml exit ' + status)
            rc, last, out = summarise(log)
            self.assertEqual(rc, 0, out)
            self.assertEqual(last, '3 passed, 0 failed, 1 skipped')
            self.assertIn('teardown race', out)

    def test_host_crash_before_halt_fails(self):
        # No halt line: the kernel itself did not finish.
        rc, _, out = summarise(PASSING.replace('uml exit 0', 'uml exit 134'))
        self.assertEqual(rc, 1)
        self.assertIn('did not halt cleanly: exit 134', out)
        # A halt line before the harness's end does not count either.
        log = PASSING.replace('socmmu-harness: end', 'reboot: System halted\nsocmmu-harness: end')
        rc, _, out = summarise(log.replace('uml exit 0', 'uml exit 139'))
        self.assertEqual(rc, 1)
        self.assertIn('did not halt cleanly: exit 139', out)
        # Any other status after the halt still fails.
        log = PASSING.replace('socmmu-harness: uml exit 0',
                              'reboot: System halted\nsocmmu-harness: uml exit 1')
        rc, _, out = summarise(log)
        self.assertEqual(rc, 1)

    def test_qemu_console(self):
        # The ARM runtime's console (scripts/arm/): QEMU's exit, and an
        # ARM fault report, which says "8<--- cut here".
        rc, last, out = summarise(PASSING.replace('uml exit 0', 'qemu exit 0'))
        self.assertEqual(rc, 0, out)
        self.assertEqual(last, '3 passed, 0 failed, 1 skipped')
        rc, _, out = summarise(PASSING.replace('uml exit 0', 'qemu exit 1'))
        self.assertEqual(rc, 1)
        self.assertIn('did not halt cleanly: exit 1', out)
        rc, _, out = summarise(PASSING.replace('uml exit 0', 'qemu timed out after 900 s'))
        self.assertEqual(rc, 1)
        self.assertIn('timed out', out)
        oops = ('8<--- cut here ---\n'
                'Unable to handle kernel NULL pointer dereference at virtual address 00000000\n'
                'Internal error: Oops: 5 [#1] PREEMPT SMP ARM\n')
        rc, last, out = summarise(PASSING.replace('ok 1 first\n', 'ok 1 first\n' + oops)
                                  .replace('uml exit 0', 'qemu exit 0'))
        self.assertEqual(rc, 1)
        self.assertEqual(last, '3 passed, 1 failed, 1 skipped')

    def test_run_with_its_own_list(self):
        # The ARM runtime's run is held to its own list: its suites are
        # expected, the main list's are not.
        arm_list = 'socmmu_alpha unload alpha\nsocmmu_gamma unload gamma\n'
        with tempfile.TemporaryDirectory() as tmp:
            paths = {}
            for name, text in (('main', MODULES), ('arm', arm_list),
                               ('log', PASSING.replace('uml exit 0', 'qemu exit 0'))):
                paths[name] = os.path.join(tmp, name)
                with open(paths[name], 'w') as f:
                    f.write(text)
            proc = subprocess.run([sys.executable, SUMMARY, '--modules', paths['main'],
                                   '--run', paths['arm'], f'arm={paths["log"]}',
                                   f'k={paths["log"]}'],
                                  capture_output=True, text=True)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn('arm: expected suite gamma never ran', proc.stdout)
        self.assertNotIn('arm: expected suite beta', proc.stdout)
        self.assertNotIn('k: expected suite', proc.stdout)

    def test_qemu_crash_after_halt_is_not_excused(self):
        # The excuse is for UML's host process only.
        log = PASSING.replace('socmmu-harness: uml exit 0',
                              'reboot: Power down\nsocmmu-harness: qemu exit 139')
        rc, _, out = summarise(log)
        self.assertEqual(rc, 1)
        self.assertIn('did not halt cleanly: exit 139', out)

    def test_timeout(self):
        rc, _, out = summarise(PASSING.replace('uml exit 0', 'uml timed out after 600 s'))
        self.assertEqual(rc, 1)
        self.assertIn('timed out', out)


if __name__ == '__main__':
    unittest.main()
