// SPDX-License-Identifier: GPL-2.0
/*
 * Breaks checkpatch --strict on purpose, never built: scripts/check.sh
 * expects scripts/checkpatch.py to fail on it and name each breach, so
 * that its exceptions cannot quietly excuse everything.
 */
#include <linux/types.h>

int bad_checkpatch(int *p)
{
	if (p == NULL)
		return 0;
	return (int) *p;
}
