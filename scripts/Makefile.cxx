# SPDX-License-Identifier: GPL-2.0
#
# Kbuild rule for freestanding C++ objects, included from ../Kbuild.
#
# A .cpp compiles with this build's own C flags ($(c_flags): KBUILD_CFLAGS,
# module flags, -D renames, dependency generation) so that every target
# flag the kernel chose is kept: UML's -mcmodel=large and -D renames, ARM's
# float ABI, -mtp, unwind tables and per-task stack-protector guard,
# sanitizer instrumentation.  From those we drop
#  - the C-only flags g++ would warn about (kept complete by `make check`,
#    which fails on g++'s "valid for C/ObjC but not for C++"), and
#  - every kernel include path and forced include: C++ never reads a kernel
#    header, and without the paths it cannot do so by accident,
# then add the freestanding C++ set.  if_changed_dep gives .cmd files and
# dependency tracking like any C object, so modpost and incremental builds
# treat C++ objects the same way.

KX_CXX ?= $(CROSS_COMPILE)g++

kx_cxx_c_only_flags := \
	-std=gnu89 -std=gnu11 \
	-Wstrict-prototypes -Werror=strict-prototypes \
	-Wimplicit-function-declaration -Werror=implicit-function-declaration \
	-Wimplicit-int -Werror=implicit-int \
	-Wpointer-sign -Wno-pointer-sign \
	-Werror=incompatible-pointer-types -Werror=designated-init \
	-Wmissing-prototypes -Wno-override-init \
	-Wold-style-definition -Wold-style-declaration -Wbad-function-cast \
	-Wdeclaration-after-statement -Wnested-externs -Wmissing-parameter-type

# "-I dir", "-include file" and "-isystem dir" are two words each: glue them
# so that filter-out removes both halves.
kx_glue_paths = $(subst -isystem ,-isystem=,$(subst -include ,-include=,$(subst -I ,-I,$(1))))

kx_cxx_freestanding_flags := \
	-std=gnu++20 -ffreestanding -nostdinc -nostdinc++ \
	-fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-use-cxa-atexit \
	-fno-asynchronous-unwind-tables

# KASAN registers instrumented globals from constructors; C++ objects must
# have none (the module loader runs them only under CONFIG_CONSTRUCTORS), so
# C++ globals go uninstrumented while heap and stack accesses stay checked.
kx_cxx_sanitizer_flags := $(if $(CONFIG_KASAN),--param asan-globals=0)

kx_cxx_flags = \
	$(filter-out $(kx_cxx_c_only_flags) -I% -include=% -isystem=%, \
		$(call kx_glue_paths,$(c_flags))) \
	$(kx_cxx_freestanding_flags) $(kx_cxx_sanitizer_flags) \
	$(KX_CXX_INCLUDES)

quiet_cmd_cxx_o_cpp = C++ $(quiet_modtag) $@
      cmd_cxx_o_cpp = $(KX_CXX) $(kx_cxx_flags) -c -o $@ $<

$(obj)/%.o: $(src)/%.cpp FORCE
	$(call if_changed_dep,cxx_o_cpp)
