# SPDX-License-Identifier: GPL-2.0
#
# Board build:  make KDIR=/path/to/kernel/build ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf-
#               modules land in $(OUT), ready for insmod.
# Install:      make modules_install KDIR=... [INSTALL_MOD_PATH=/staging]
#               (what `make` built, into lib/modules/<release>/updates/,
#               then depmod); `make install` is the same.  DKMS: dkms.conf.
# Tests:        make check   (fresh machine: installs, builds and runs everything)
# Kernels only: make kernels
# Demo:         make demo    (the example camera in UML: a frame and a report;
#                             PLATFORM=exynos: the camera behind an Exynos SYSMMU,
#                             PLATFORM=msm: the one behind an MSM IOMMU)
# Benchmark:    make bench   (the DMA layer against the kernel's code, UML 6.1)
# Fault inj.:   make faultinject (allocation failure at every site: sites, runs, leaks)
# Fault storm:  make storm   (a device faulting as fast as it can, per driver:
#                             faults, lines logged, faults/s, DMA afterwards)

KDIR ?= /lib/modules/$(shell uname -r)/build
OUT ?= out/$(or $(ARCH),host)-$(notdir $(abspath $(KDIR)))

.PHONY: modules modules_install install check kernels demo bench faultinject storm clean

modules:
	scripts/build-modules.sh "$(KDIR)" "$(OUT)" $(if $(ARCH),ARCH=$(ARCH)) \
		$(if $(CROSS_COMPILE),CROSS_COMPILE=$(CROSS_COMPILE))
	@echo "modules: $$(cd "$(OUT)" && ls *.ko | tr '\n' ' ')(in $(OUT))"

# As the kernel's own: installs what the last `make` built, rebuilds nothing.
# 6.1 and 6.12 disagree on the default directory (extra, updates): ours is
# updates on both, where vendors' packages put what overrides the tree.
INSTALL_MOD_DIR ?= updates

modules_install:
	GOAL=modules_install scripts/build-modules.sh "$(KDIR)" "$(OUT)" \
		$(if $(ARCH),ARCH=$(ARCH)) $(if $(CROSS_COMPILE),CROSS_COMPILE=$(CROSS_COMPILE)) \
		$(if $(INSTALL_MOD_PATH),INSTALL_MOD_PATH=$(abspath $(INSTALL_MOD_PATH))) \
		INSTALL_MOD_DIR=$(INSTALL_MOD_DIR)

install: modules_install

check:
	scripts/check.sh

kernels:
	scripts/install-host-deps.sh
	scripts/test-kernels.sh

demo:
	PLATFORM=$(PLATFORM) scripts/demo.sh

bench:
	scripts/bench.sh

faultinject:
	scripts/faultinject.sh

storm:
	scripts/storm.sh

clean:
	rm -rf out
