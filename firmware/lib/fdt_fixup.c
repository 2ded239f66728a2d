// SPDX-License-Identifier: BSD-3-Clause
/*
 * Device-tree fix-ups the firmware applies before entering Linux: see fdt_fixup.h.
 *
 * Every edit may move nodes that follow it, so nodes are looked up again after edits elsewhere;
 * editing a node's own properties does not move the node itself.
 */
#include "fdt_fixup.h"

static const char psci_compatible[] = "arm,psci-1.0\0arm,psci-0.2";
/* PSCI 0.1 function IDs: they describe another firmware's calls; 0.2+ uses the standard IDs. */
static const char *const psci_0_1_props[] = { "cpu_suspend", "cpu_off", "cpu_on", "migrate" };

static size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static bool str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* The child of parent named exactly name (unit address included), or a negative error. */
static int find_child(const struct fdt *t, int parent, const char *name)
{
	int child;

	for (child = fdt_first_subnode(t, parent); child >= 0; child = fdt_next_subnode(t, child))
		if (str_eq(fdt_node_name(t, child, NULL), name))
			return child;
	return child;
}

static int find_or_add_child(struct fdt *t, int parent, const char *name)
{
	int node = find_child(t, parent, name);

	return node == FDT_ERR_NOTFOUND ? fdt_add_subnode(t, parent, name) : node;
}

/* A one-cell u32 property, or dflt if absent; -1 if malformed. */
static int64_t get_cells(const struct fdt *t, int node, const char *name, uint32_t dflt)
{
	const uint8_t *p;
	int len;

	p = fdt_getprop(t, node, name, &len);
	if (!p)
		return len == FDT_ERR_NOTFOUND ? (int64_t)dflt : -1;
	if (len != 4)
		return -1;
	return (int64_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
}

static bool valid_region_name(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++) {
		char c = s[n];

		if (n >= FIXUP_MAX_REGION_NAME)
			return false;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == ',' || c == '.' || c == '_' || c == '+' || c == '-'))
			return false;
	}
	return n > 0;
}

/* "<name>@<base in lower-case hex, no leading zeros>" into out (room for 31 + 1 + 16 + 1). */
static void region_node_name(char *out, const struct fixup_region *r)
{
	size_t n = str_len(r->name), i;
	int shift;
	bool digits = false;

	for (i = 0; i < n; i++)
		out[i] = r->name[i];
	out[n++] = '@';
	for (shift = 60; shift >= 0; shift -= 4) {
		unsigned int d = (unsigned int)(r->base >> shift) & 0xf;

		if (d || digits || shift == 0) {
			out[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
			digits = true;
		}
	}
	out[n] = '\0';
}

static int fix_psci(struct fdt *t, const char *method)
{
	size_t i;
	int psci, err;

	psci = find_or_add_child(t, fdt_find_node(t, "/"), "psci");
	if (psci < 0)
		return psci;
	err = fdt_setprop(t, psci, "compatible", psci_compatible, sizeof(psci_compatible));
	if (!err)
		err = fdt_setprop_string(t, psci, "method", method);
	for (i = 0; !err && i < sizeof(psci_0_1_props) / sizeof(psci_0_1_props[0]); i++) {
		err = fdt_delprop(t, psci, psci_0_1_props[i]);
		if (err == FDT_ERR_NOTFOUND)
			err = 0;
	}
	return err;
}

static int fix_cpus(struct fdt *t)
{
	const char *type;
	int cpus, cpu, len, err;

	cpus = find_child(t, fdt_find_node(t, "/"), "cpus");
	if (cpus == FDT_ERR_NOTFOUND)
		return 0; /* nothing to fix */
	for (cpu = fdt_first_subnode(t, cpus); cpu >= 0; cpu = fdt_next_subnode(t, cpu)) {
		type = fdt_getprop(t, cpu, "device_type", &len);
		if (!type || len != 4 || !str_eq(type, "cpu"))
			continue;
		/* editing cpu's own properties leaves cpu's offset valid for next_subnode */
		err = fdt_setprop_string(t, cpu, "enable-method", "psci");
		if (err)
			return err;
	}
	return cpu == FDT_ERR_NOTFOUND ? 0 : cpu;
}

static void put_cells(uint8_t *p, uint64_t v, int64_t cells)
{
	int i;

	for (i = (int)cells * 4 - 1; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

/*
 * The cells /reserved-memory's children use: its own, or for a node still to be created the
 * root's (Linux ignores /reserved-memory unless they match the root's). Checked, with every
 * region fitting them, before the first edit.
 */
static int reserved_memory_cells(const struct fdt *t, const struct fixup_cfg *cfg, int64_t *ac,
				 int64_t *sc)
{
	size_t i;
	int root, rm;

	root = fdt_find_node(t, "/");
	if (root < 0)
		return root;
	rm = find_child(t, root, "reserved-memory");
	if (rm < 0 && rm != FDT_ERR_NOTFOUND)
		return rm;
	*ac = get_cells(t, rm >= 0 ? rm : root, "#address-cells", 2);
	*sc = get_cells(t, rm >= 0 ? rm : root, "#size-cells", 1);
	if (*ac < 1 || *ac > 2 || *sc < 1 || *sc > 2)
		return FDT_ERR_BADVALUE;
	for (i = 0; i < cfg->nregions; i++) {
		if (*ac == 1 && cfg->regions[i].base + cfg->regions[i].size - 1 > 0xffffffffu)
			return FDT_ERR_BADVALUE;
		if (*sc == 1 && cfg->regions[i].size > 0xffffffffu)
			return FDT_ERR_BADVALUE;
	}
	return 0;
}

static int fix_reserved_memory(struct fdt *t, const struct fixup_cfg *cfg, int64_t ac, int64_t sc)
{
	char name[FIXUP_MAX_REGION_NAME + 1 + 16 + 1];
	uint8_t reg[16];
	size_t i;
	int root, rm, node, err;

	root = fdt_find_node(t, "/");
	if (root < 0)
		return root;
	rm = find_child(t, root, "reserved-memory");
	if (rm < 0 && rm != FDT_ERR_NOTFOUND)
		return rm;
	if (rm == FDT_ERR_NOTFOUND) {
		rm = fdt_add_subnode(t, root, "reserved-memory");
		if (rm < 0)
			return rm;
		err = fdt_setprop_u32(t, rm, "#address-cells", (uint32_t)ac);
		if (!err)
			err = fdt_setprop_u32(t, rm, "#size-cells", (uint32_t)sc);
		if (err)
			return err;
	}
	if (!fdt_getprop(t, rm, "ranges", NULL)) {
		err = fdt_setprop_empty(t, rm, "ranges");
		if (err)
			return err;
	}

	for (i = 0; i < cfg->nregions; i++) {
		/* children are added after rm's properties: rm itself does not move */
		region_node_name(name, &cfg->regions[i]);
		node = find_or_add_child(t, rm, name);
		if (node < 0)
			return node;
		put_cells(reg, cfg->regions[i].base, ac);
		put_cells(reg + ac * 4, cfg->regions[i].size, sc);
		err = fdt_setprop(t, node, "reg", reg, (int)(ac + sc) * 4);
		if (!err)
			err = fdt_setprop_empty(t, node, "no-map");
		if (err)
			return err;
	}
	return 0;
}

static int check_cfg(const struct fixup_cfg *cfg)
{
	size_t i;

	if (!cfg || !cfg->psci_method)
		return FDT_ERR_BADARG;
	if (!str_eq(cfg->psci_method, "smc") && !str_eq(cfg->psci_method, "hvc"))
		return FDT_ERR_BADARG;
	if (cfg->nregions && !cfg->regions)
		return FDT_ERR_BADARG;
	for (i = 0; i < cfg->nregions; i++) {
		const struct fixup_region *r = &cfg->regions[i];

		if (!r->name || !valid_region_name(r->name))
			return FDT_ERR_BADNAME;
		if (r->size == 0 || r->base + r->size < r->base)
			return FDT_ERR_BADARG;
	}
	return 0;
}

int fdt_fixup_for_linux(struct fdt *t, const struct fixup_cfg *cfg)
{
	int64_t ac = 0, sc = 0;
	int err;

	if (!t || !t->buf)
		return FDT_ERR_BADARG;
	err = check_cfg(cfg);
	if (!err)
		err = reserved_memory_cells(t, cfg, &ac, &sc);
	if (!err)
		err = fix_psci(t, cfg->psci_method);
	if (!err)
		err = fix_cpus(t);
	if (!err)
		err = fix_reserved_memory(t, cfg, ac, sc);
	return err;
}
