/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small flattened-device-tree (DTB) editor, written from the devicetree specification's
 * "Flattened Devicetree (DTB) Format" chapter. Freestanding: no libc, every big-endian access is
 * byte-wise (the firmware runs with the MMU off, where unaligned accesses fault).
 *
 * fdt_open() validates an untrusted blob and copies it, repacked, into a caller buffer that has
 * room to grow:
 *
 *	buf: [header 40][memory reservation map][structure block][strings block][free space ...]
 *
 * Every edit keeps that packed layout and rewrites the header, so after any call, successful or
 * not, buf[0 .. fdt_totalsize()) is a valid version-17 DTB. An edit checks for room before it
 * changes anything: it either happens completely or returns an error and leaves the tree as it
 * was. Nothing is ever written outside buf[0 .. bufsize).
 *
 * Nodes are named by their offset in the structure block (>= 0). Like any DTB editor, an edit
 * moves what follows the edit point: after an edit, look nodes up again (by path or by walking
 * from the parent) instead of reusing offsets taken before it. Pointers returned by
 * fdt_node_name() and fdt_getprop() point into buf and are valid until the next edit. Names and
 * values passed to the editing calls must not point into buf (FDT_ERR_BADARG): copy them first.
 */
#ifndef FDT_H
#define FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedu
#define FDT_HEADER_SIZE 40u
#define FDT_MAX_NAME 255 /* longest node or property name the editor writes */

enum fdt_error {
	FDT_OK = 0,
	FDT_ERR_BADMAGIC = -1,	  /* header magic is not 0xd00dfeed */
	FDT_ERR_BADVERSION = -2,  /* version < 16 or last_comp_version > 17 */
	FDT_ERR_TRUNCATED = -3,	  /* totalsize larger than the input, or smaller than the header */
	FDT_ERR_BADLAYOUT = -4,	  /* a block offset/size outside totalsize, overflowing or misaligned */
	FDT_ERR_BADRSVMAP = -5,	  /* memory reservation map has no terminator inside its room */
	FDT_ERR_BADSTRUCT = -6,	  /* bad token, name running off the block, missing/misplaced FDT_END */
	FDT_ERR_UNBALANCED = -7,  /* BEGIN_NODE/END_NODE do not pair up into exactly one root */
	FDT_ERR_BADNAMEOFF = -8,  /* property name offset outside the strings block or unterminated */
	FDT_ERR_BADPROPLEN = -9,  /* property value runs past the structure block */
	FDT_ERR_NOSPACE = -10,	  /* the buffer has no room for the blob or for this edit */
	FDT_ERR_NOTFOUND = -11,	  /* no such node or property */
	FDT_ERR_EXISTS = -12,	  /* a child node of that name already exists */
	FDT_ERR_BADOFFSET = -13,  /* offset is not the start of a node */
	FDT_ERR_BADPATH = -14,	  /* path is not absolute or has an empty/oversized component */
	FDT_ERR_BADNAME = -15,	  /* node/property name empty, too long or containing '/' */
	FDT_ERR_BADARG = -16,	  /* NULL, negative length, aliasing buf, overlapping buffers */
	FDT_ERR_BADVALUE = -17,	  /* a value does not fit (e.g. an address wider than #address-cells) */
};

struct fdt {
	uint8_t *buf;
	uint32_t bufsize;	/* min(bufsize, INT32_MAX) */
	uint32_t boot_cpuid;
	uint32_t rsv_off, rsv_size;	/* reservation map, including its terminating entry */
	uint32_t st_off, st_size;	/* structure block, ending with FDT_END */
	uint32_t str_off, str_size;	/* strings block; the blob ends at str_off + str_size */
};

/* A short fixed English description of an error code, for the firmware log. */
const char *fdt_strerror(int err);

/*
 * Validate blob (at most maxlen readable bytes; its totalsize must not exceed that) and copy
 * it, repacked without padding or gaps, into buf: buf must hold the packed blob
 * (FDT_ERR_NOSPACE), not necessarily the input's totalsize. blob and buf must not overlap.
 * Returns 0 or a negative enum fdt_error.
 */
int fdt_open(struct fdt *t, void *buf, size_t bufsize, const void *blob, size_t maxlen);

/* Size of the packed blob in buf. */
size_t fdt_totalsize(const struct fdt *t);

/* Rewrite the header (version 17, packed, totalsize) for hand-over; returns 0. */
int fdt_finish(struct fdt *t);

/*
 * Offset of the node at an absolute path ("/" is the root). A path component without '@'
 * matches a node named exactly so or, failing that, the first node with that name and any
 * unit address ("/cpus/cpu" finds "cpu@0"). Negative error if not found.
 */
int fdt_find_node(const struct fdt *t, const char *path);

/* Children of node in order: offset of the first child / of node's next sibling, or FDT_ERR_NOTFOUND. */
int fdt_first_subnode(const struct fdt *t, int node);
int fdt_next_subnode(const struct fdt *t, int node);

/* Name of the node ("" for the root), or NULL; *len (if non-NULL) gets its length or the error. */
const char *fdt_node_name(const struct fdt *t, int node, int *len);

/* Value of a property, or NULL; *len (if non-NULL) gets the value's length or the error. */
const void *fdt_getprop(const struct fdt *t, int node, const char *name, int *len);

/* Add an empty child at the end of parent's children. Returns its offset or an error. */
int fdt_add_subnode(struct fdt *t, int parent, const char *name);

/*
 * Replace the value of a property, or add it after the node's last property (properties come
 * before subnodes). Names already in the strings block are reused.
 */
int fdt_setprop(struct fdt *t, int node, const char *name, const void *val, int len);
int fdt_setprop_u32(struct fdt *t, int node, const char *name, uint32_t val);
int fdt_setprop_u64(struct fdt *t, int node, const char *name, uint64_t val); /* 2 cells */
int fdt_setprop_string(struct fdt *t, int node, const char *name, const char *str);
int fdt_setprop_empty(struct fdt *t, int node, const char *name);
int fdt_delprop(struct fdt *t, int node, const char *name);

/* Append an entry to the memory reservation map (size must be non-zero). */
int fdt_add_mem_rsv(struct fdt *t, uint64_t addr, uint64_t size);
/* Number of reservation entries, and entry idx (0 or FDT_ERR_NOTFOUND). */
int fdt_num_mem_rsv(const struct fdt *t);
int fdt_get_mem_rsv(const struct fdt *t, int idx, uint64_t *addr, uint64_t *size);

#endif /* FDT_H */
