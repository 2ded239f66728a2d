/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Boot-time fix-up of the device tree handed to Linux: the firmware's PSCI conduit, PSCI as the
 * CPUs' enable-method, and /reserved-memory children for the regions Linux must not map.
 * Pure C on top of fdt.h, so it runs in the firmware and in host tests.
 */
#ifndef FDT_FIXUP_H
#define FDT_FIXUP_H

#include <stddef.h>
#include <stdint.h>

#include "fdt.h"

#define FIXUP_MAX_REGION_NAME 31 /* node-name part, as the devicetree specification allows */

struct fixup_region {
	const char *name;	/* node name without unit address: [0-9a-zA-Z,._+-]{1,31} */
	uint64_t base;
	uint64_t size;		/* non-zero; base + size must not wrap */
};

struct fixup_cfg {
	const char *psci_method;		/* "smc" or "hvc" */
	const struct fixup_region *regions;
	size_t nregions;
};

/*
 * Apply the fix-ups (idempotent: a second run leaves the blob byte-identical):
 *  - /psci: compatible = "arm,psci-1.0", "arm,psci-0.2"; method = cfg->psci_method; the
 *    PSCI 0.1 function-ID properties (cpu_suspend, cpu_off, cpu_on, migrate) removed;
 *  - every child of /cpus with device_type = "cpu": enable-method = "psci";
 *  - /reserved-memory (created if missing, with #address-cells/#size-cells copied from the
 *    root as Linux requires them to match, 2/2 on QEMU virt, and an empty ranges) gets a child
 *    "<name>@<hex base>" per region with reg = <base size> and no-map.
 * Returns 0 or a negative enum fdt_error. An invalid cfg, or a region that does not fit the
 * /reserved-memory cells (FDT_ERR_BADVALUE), is refused before any edit; on an error during
 * editing (FDT_ERR_NOSPACE) the blob is valid but only partly fixed up, so the caller should
 * fall back to the original blob or stop.
 */
int fdt_fixup_for_linux(struct fdt *t, const struct fixup_cfg *cfg);

#endif /* FDT_FIXUP_H */
