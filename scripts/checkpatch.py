#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""checkpatch --strict over every C file of ours and every header that C
reads, failing on any message but the exceptions below.

    checkpatch.py CHECKPATCH_PL [FILE...]

Without FILEs: every .c under our source folders, and every header that
one of them includes, directly or through another header, outside an
"#ifdef __cplusplus" branch (a header only C++ reads is C++, which
checkpatch does not understand).  Prints the messages that count, one a
line, and "checkpatch: N files, N messages (N excused)"; the exit status is
1 when any message counts.

An exception names a checkpatch message type, the files it applies to and,
when only some lines of those deserve it, a pattern of the source line; and
why.  Documentation/testing.rst lists the same.  Fix the code rather than
add one.
"""

import fnmatch
import os
import re
import subprocess
import sys
import tempfile

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
SOURCE_DIRS = ['lib', 'kunit', 'iommu', 'dma', 'remoteproc', 'isp-example', 'scripts']
# -I paths of Kbuild (and the tree's top, for "../" free includes of user-space code).
INCLUDE_DIRS = ['lib', 'dma', '.']

# Headers read by C and C++ alike (they declare with KX_BEGIN_DECLS): C++
# has no kernel headers, so no BIT(), __printf or __noreturn there.
SHARED_HEADERS = 'shared headers'
# Programs run inside UML: no kernel headers, no BIT().
USER_SPACE = ['isp-example/test/*.c', 'scripts/uml/*.c']

EXCEPTIONS = [
    # (type, files, source-line pattern or None, reason)
    ('CAMELCASE', ['lib/runtime_abi.h', 'lib/core_module.c'], None,
     'the C++ runtime\'s mangled names (_ZdlPv, ...), which socmmu_core exports from C'),
    ('EXPORT_SYMBOL', ['lib/core_module.c', 'iommu/core/kunit_exports.c',
                       'kunit/iommu_core/fake_iommu_shim.c', 'dma/dma_test_exports.c'], None,
     'the exported functions are defined in C++ (lib/runtime.cpp, iommu/core/core_entry.cpp, '
     'kunit/iommu_core/fake_hw.cpp, dma/*.cpp), where EXPORT_SYMBOL cannot follow them'),
    ('MACRO_ARG_UNUSED', ['lib/shim/kcompat.h'], r'#define EXPORT_SYMBOL_IF_KUNIT\(symbol\)$',
     'the 6.1 fallback of EXPORT_SYMBOL_IF_KUNIT without KUnit, which exports nothing, '
     'as <kunit/visibility.h> defines it'),
    ('LINUX_VERSION_CODE', ['lib/shim/kcompat.h'], None,
     'kcompat.h is the one place that tells 6.1 from 6.12'),
    ('CONSTANT_COMPARISON', ['lib/shim/kcompat.h'], r'LINUX_VERSION_CODE',
     'checkpatch takes LINUX_VERSION_CODE for a constant'),
    ('COMPLEX_MACRO', ['lib/shim/kcompat.h'], r'#define KX_DMA_OPS_ALLOC_PAGES',
     'a member designator (renamed in 6.10) cannot be parenthesised'),
    ('COMPLEX_MACRO', ['lib/shim/base.h'], r'#define KX_(BEGIN|END)_DECLS',
     'KX_BEGIN_DECLS and KX_END_DECLS open and close an extern "C" block for C++'),
    ('PREFER_DEFINED_ATTRIBUTE_MACRO', ['lib/shim/base.h'], None,
     'shim headers are read by C++ too, which has no kernel headers and so no __printf or '
     '__noreturn'),
    ('BIT_MACRO', [SHARED_HEADERS] + USER_SPACE, None,
     'C++ and user space have no BIT()'),
    ('SPACING', [SHARED_HEADERS], r'\(void\) KX_NOEXCEPT;',
     'checkpatch reads "f(void) KX_NOEXCEPT" (noexcept for C++) as a cast'),
    ('CONST_STRUCT', ['dma/*'], r'struct dma_map_ops',
     'the DMA layer gives each client device its own dma_map_ops copy '
     '(Documentation/dma-layer.rst), which it fills at attach'),
    ('ENOSYS', ['lib/shim/abi_checks.c'], r'static_assert\(KX_ENOSYS == ENOSYS\)',
     'checks the errno value C++ restates; nothing returns it'),
    ('AVOID_BUG', ['lib/shim/log.c'], None,
     'kx_bug() is BUG() for C++ call sites that cannot go on; C++ cannot use the macro'),
    ('USE_LOCKDEP', ['lib/shim/lock.c'], None,
     'kx_spin_is_locked() is spin_is_locked() for C++ (SpinLock::is_locked(), which the '
     'lock suite checks; lockdep_assert_held() is a no-op without lockdep)'),
]

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
CONDITIONAL = re.compile(r'^\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)')
MESSAGE = re.compile(r'^(?P<file>[^:]+):(?P<line>\d+): (?P<level>[A-Z]+):(?P<type>[A-Z0-9_]+): '
                     r'(?P<text>.*)$')


def c_files():
    """Our .c files and the headers C reads, as paths relative to TOP."""
    todo = []
    for folder in SOURCE_DIRS:
        for d, dirs, files in os.walk(os.path.join(TOP, folder)):
            # scripts/selftest/ breaks the rules on purpose.
            dirs[:] = sorted(x for x in dirs if x not in ('out', '.git') and
                             os.path.join(d, x) != os.path.join(TOP, 'scripts', 'selftest'))
            todo += [os.path.relpath(os.path.join(d, f), TOP) for f in sorted(files)
                     if f.endswith('.c')]
    seen = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        cxx_only = []   # one per open conditional: does only C++ compile it?
        with open(os.path.join(TOP, path), errors='replace') as f:
            for line in f:
                m = CONDITIONAL.match(line)
                if m:
                    keyword, cond = m.group(1), m.group(2).strip()
                    if keyword in ('ifdef', 'if'):
                        cxx_only.append(cond in ('__cplusplus', 'defined(__cplusplus)'))
                    elif keyword == 'ifndef':
                        cxx_only.append(False)
                    elif keyword == 'endif':
                        cxx_only = cxx_only[:-1]
                    elif cxx_only:
                        # #else, #elif: the C side of "#ifdef __cplusplus".
                        cxx_only[-1] = False
                    continue
                m = INCLUDE.match(line)
                if not m or any(cxx_only):
                    continue
                here = [os.path.dirname(path)] if m.group(1) == '"' else []
                for d in here + INCLUDE_DIRS:
                    candidate = os.path.normpath(os.path.join(d, m.group(2)))
                    if os.path.isfile(os.path.join(TOP, candidate)):
                        todo.append(candidate)
                        break
    return sorted(seen)


def shared_header(path):
    if not path.endswith('.h'):
        return False
    with open(os.path.join(TOP, path), errors='replace') as f:
        return 'KX_BEGIN_DECLS' in f.read()


def excused(message, source_line):
    for kind, files, pattern, _ in EXCEPTIONS:
        if kind != message['type']:
            continue
        path = message['file']
        if not any(shared_header(path) if g == SHARED_HEADERS else fnmatch.fnmatch(path, g)
                   for g in files):
            continue
        if pattern is None or re.search(pattern, source_line):
            return True
    return False


def main():
    if len(sys.argv) < 2:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    checkpatch = sys.argv[1]
    files = [os.path.relpath(os.path.abspath(f), TOP) for f in sys.argv[2:]] or c_files()
    # checkpatch reads one file after another: a share of the files for each
    # core halves make check's longest single-threaded step on two.
    jobs = max(1, min(os.cpu_count() or 1, len(files)))
    shares = [files[i::jobs] for i in range(jobs)]
    # Each from an empty directory: in a git checkout, checkpatch leaves a
    # CamelCase cache file (.checkpatch-camelcase.git.*) in its directory.
    with tempfile.TemporaryDirectory() as scratch:
        procs = []
        for i, share in enumerate(shares):
            cwd = os.path.join(scratch, str(i))
            os.mkdir(cwd)
            procs.append(subprocess.Popen(
                ['perl', os.path.abspath(checkpatch), '--no-tree', '--strict', '--terse',
                 '--show-types', '--no-summary', '-f'] + [os.path.join(TOP, f) for f in share],
                cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        results = [(proc.communicate(), proc.returncode) for proc in procs]
    stdout = ''.join(out for (out, _), _ in results)
    failures = [(code, (err or out).strip()) for (out, err), code in results if code != 0]
    counted = excused_count = 0
    sources = {}
    for out in stdout.splitlines():
        m = MESSAGE.match(out)
        if not m:
            continue
        message = m.groupdict()
        message['file'] = os.path.relpath(message['file'], TOP)
        if message['file'] not in sources:
            with open(os.path.join(TOP, message['file']), errors='replace') as f:
                sources[message['file']] = f.read().splitlines()
        lines, number = sources[message['file']], int(message['line'])
        if excused(message, lines[number - 1] if 0 < number <= len(lines) else ''):
            excused_count += 1
            continue
        counted += 1
        print(f"{message['file']}:{number}: {message['level']}:{message['type']}: "
              f"{message['text']}")
    if failures and counted + excused_count == 0:
        # checkpatch failed without a message we understood.
        counted += 1
        code, text = failures[0]
        print(f'checkpatch exited {code}: {text[:300]}')
    print(f'checkpatch: {len(files)} files, {counted} messages ({excused_count} excused)')
    return 1 if counted else 0


if __name__ == '__main__':
    sys.exit(main())
