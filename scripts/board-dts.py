#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Merge mainline board device trees into one tree for the board suite.

    board-dts.py OUT.dts NAME=BOARD.dts [NAME=BOARD.dts ...]

Each BOARD.dts is what the kernel's own dtc printed for a board (-O dts:
the final tree, references still by label).  Each becomes the node
/socmmu-boards/NAME, unchanged but for what one tree of several needs:
its labels get a prefix of their own (two boards both define mmu_dsp),
path references follow the new root, and its phandle values go, so that
dtc numbers every node of the merged tree once.  The container is
disabled: no platform device is created for anything in it, and nothing
at the top of a board (chosen, aliases, memory) is read as the system's.

Each board node also says what the suite must find in it, counted here
from the tree itself: socmmu,expect-iommus (nodes with a compatible of
the IOMMU bindings our drivers claim) and socmmu,expect-clients (nodes
with "iommus").  kunit/boards checks every one and these counts.
"""

import re
import sys

# The compatibles of the mainline bindings our drivers serve
# (Documentation/devicetree/bindings/iommu/): the suite's yardstick, kept
# apart from the drivers' own tables on purpose.
IOMMU_COMPATIBLES = {
    'ti,omap2-iommu', 'ti,omap4-iommu', 'ti,dra7-iommu', 'ti,dra7-dsp-iommu',
    'samsung,exynos-sysmmu', 'qcom,apq8064-iommu',
}

LABELS = re.compile(r'^(\s*)((?:[A-Za-z_]\w*:\s*)+)(.*)$')
STRING = re.compile(r'("(?:[^"\\]|\\.)*")')


def rewrite_refs(text, prefix, root):
    parts = STRING.split(text)
    for i in range(0, len(parts), 2):
        p = re.sub(r'&\{(/[^}]*)\}', lambda m: '&{' + root + m.group(1).rstrip('/') + '}',
                   parts[i])
        parts[i] = re.sub(r'&([A-Za-z_]\w*)', lambda m: '&' + prefix + m.group(1), p)
    return ''.join(parts)


def convert(name, text, prefix):
    root = '/socmmu-boards/' + name
    out = []
    iommus = clients = at = 0
    for line in text.splitlines():
        s = line.strip()
        if s.startswith('/dts-v1/') or s.startswith('/memreserve/'):
            continue
        if re.match(r'^(linux,)?phandle = ', s):
            continue
        if s == '/ {':
            out.append(f'\t{name} {{')
            out.append('\t\tranges;')
            at = len(out)
            continue
        m = LABELS.match(line)
        if m:
            labels = ' '.join(prefix + label.strip().rstrip(':') + ':'
                              for label in m.group(2).split(':') if label.strip())
            line = f'{m.group(1)}{labels} {m.group(3)}'
        if s.startswith('compatible = '):
            if IOMMU_COMPATIBLES & set(re.findall(r'"([^"]*)"', s)):
                iommus += 1
        if s.startswith('iommus = '):
            clients += 1
        out.append('\t' + rewrite_refs(line, prefix, root))
    # The counts go first in the board node (after its "ranges;").
    out[at:at] = [f'\t\tsocmmu,expect-iommus = <{iommus}>;',
                  f'\t\tsocmmu,expect-clients = <{clients}>;']
    return out, iommus, clients


def main():
    if len(sys.argv) < 3:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    lines = ['/dts-v1/;', '', '/ {', '\t#address-cells = <1>;', '\t#size-cells = <1>;',
             '\tmodel = "socmmu: mainline boards, each under /socmmu-boards";',
             '\tcompatible = "socmmu,boards";', '', '\tsocmmu-boards {',
             '\t\t#address-cells = <1>;', '\t\t#size-cells = <1>;', '\t\tranges;',
             '\t\tstatus = "disabled";', f'\t\tsocmmu,expect-boards = <{len(sys.argv) - 2}>;']
    for i, spec in enumerate(sys.argv[2:]):
        name, path = spec.split('=', 1)
        with open(path) as f:
            board, iommus, clients = convert(name, f.read(), f'b{i}_')
        if not iommus:
            print(f'board-dts: {name}: no IOMMU node of ours', file=sys.stderr)
            return 1
        print(f'board-dts: {name}: {iommus} IOMMU nodes, {clients} clients')
        lines += ['\t' + line for line in board] + ['']
    lines += ['\t};', '};', '']
    with open(sys.argv[1], 'w') as f:
        f.write('\n'.join(lines))
    return 0


if __name__ == '__main__':
    sys.exit(main())
