/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Text output for debugfs files: a seq_file the C++ side writes through
 * without seeing it.
 */
#ifndef SOCMMU_IOMMU_PRINTER_H
#define SOCMMU_IOMMU_PRINTER_H

#include "services.h"

namespace socmmu {

class Printer {
public:
	explicit Printer(void *seq) : seq_(seq) {}

	__attribute__((format(printf, 2, 3))) void print(const char *fmt, ...)
	{
		__builtin_va_list args;

		__builtin_va_start(args, fmt);
		kx_seq_vprintf(seq_, fmt, args);
		__builtin_va_end(args);
	}

private:
	void *seq_;
};

} // namespace socmmu

#endif
