// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer harness for firmware/lib/fdt.c and fdt_fixup.c: open an arbitrary blob, walk it,
 * run the boot-time fix-up, and require that whatever the editor produced opens again.
 * Built by tests/host/fdt.mk, run by tools/fuzz (make fuzz).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fdt.h"
#include "fdt_fixup.h"

static const struct fixup_region regions[] = {
	{ "el2-stub", 0x4fe00000, 0x100000 },
	{ "mailbox-shmem", 0x4ff00000, 0x100000 },
};

static void walk(const struct fdt *t, int node, int depth)
{
	int child, len;

	if (depth > 32)
		return;
	(void)fdt_node_name(t, node, &len);
	(void)fdt_getprop(t, node, "reg", &len);
	for (child = fdt_first_subnode(t, node); child >= 0; child = fdt_next_subnode(t, child))
		walk(t, child, depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the last input byte picks the free room and the conduit, so both vary */
	size_t extra = size ? (size_t)data[size - 1] * 4 : 0;
	size_t bufsize = size + extra;
	struct fixup_cfg cfg = { size && (data[size - 1] & 1) ? "hvc" : "smc", regions, 2 };
	uint8_t *buf = malloc(bufsize ? bufsize : 1), *copy, *buf2;
	struct fdt t, t2;
	size_t n;
	int err;

	if (fdt_open(&t, buf, bufsize, data, size) == 0) {
		walk(&t, fdt_find_node(&t, "/"), 0);
		(void)fdt_find_node(&t, "/cpus/cpu");
		err = fdt_fixup_for_linux(&t, &cfg);
		if (err && err != FDT_ERR_NOSPACE && err != FDT_ERR_BADVALUE)
			abort(); /* a validated tree gives no other error */
		fdt_finish(&t);
		n = fdt_totalsize(&t);
		if (n > bufsize)
			abort();
		copy = malloc(n);
		buf2 = malloc(n);
		memcpy(copy, buf, n);
		if (fdt_open(&t2, buf2, n, copy, n) != 0 || memcmp(buf2, copy, n) != 0)
			abort(); /* the editor's output must be a valid, packed DTB */
		free(copy);
		free(buf2);
	}
	free(buf);
	return 0;
}
