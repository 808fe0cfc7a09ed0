/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Gate clocks for the hardware models.  A device-tree node
 *
 *	model_clocks: clock-controller {
 *		compatible = "socmmu,model-clocks";
 *		#clock-cells = <1>;
 *		clock-output-names = "sysmmu_a", "sysmmu_b", ...;
 *	};
 *
 * provides one gate per name, index = position; a device takes them with
 * the usual "clocks" and "clock-names".  A model asks whether the clock
 * its register block runs on is enabled (and counts accesses made while it
 * is not); tests read how often each gate was turned on and off.
 *
 * Registered by socmmu_testbench, which stays loaded.  Test bench code:
 * plain kernel C.
 */
#ifndef SOCMMU_MODEL_CLK_H
#define SOCMMU_MODEL_CLK_H

#include <linux/types.h>

struct device_node;
struct model_clk;

/*
 * The gate that @consumer's "clocks" entry named @name points to; NULL if
 * there is none, or it is not a model clock.
 */
struct model_clk *model_clk_of(struct device_node *consumer, const char *name);
/*
 * The gate of @consumer's "clocks" entry @index, whatever clock-names
 * says (a model whose hardware takes its clocks by position); NULL if
 * there is none, or it is not a model clock.
 */
struct model_clk *model_clk_of_index(struct device_node *consumer, unsigned int index);
/* Enabled (prepared and enabled) right now; safe in any context. */
bool model_clk_enabled(const struct model_clk *clk);
/* clk_enable() and clk_disable() calls that reached the gate. */
unsigned int model_clk_enables(const struct model_clk *clk);
unsigned int model_clk_disables(const struct model_clk *clk);
const char *model_clk_name(const struct model_clk *clk);

/*
 * socmmu_testbench's init: binds a driver to the node, whose probe
 * registers the provider; 0 when the tree has no model clocks.
 */
int model_clk_register(void);

#endif
