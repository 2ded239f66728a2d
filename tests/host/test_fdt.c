// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host tests for firmware/lib/fdt.c (the DTB editor) and firmware/lib/fdt_fixup.c.
 *
 *	test_fdt <dir with the .dtb inputs> <dir for output files>
 *
 * Inputs are compiled by dtc from the .dts files in tests/host/fdt/ at build time (tests/host/fdt.mk).
 * Results are checked through the editor's own reading API and, independently, by decompiling
 * the output with dtc. Every buffer is allocated at its exact size so that AddressSanitizer
 * catches any access outside it. One line per test: "PASS: name" or "FAIL: name: reason".
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "fdt.h"
#include "fdt_fixup.h"

static const char *in_dir, *out_dir;
static char reason[2048];

#define CHECK(cond, ...)                                                                   \
	do {                                                                               \
		if (!(cond)) {                                                             \
			snprintf(reason, sizeof(reason), __VA_ARGS__);                     \
			goto out;                                                          \
		}                                                                          \
	} while (0)

#define CHECK_ERR(expr, want)                                                              \
	do {                                                                               \
		int got_ = (expr);                                                         \
		CHECK(got_ == (want), "%s = %d (%s), want %d (%s)", #expr, got_,           \
		      fdt_strerror(got_), (want), fdt_strerror(want));                     \
	} while (0)

/* ---- helpers ---- */

struct blob {
	uint8_t *data;
	size_t len;
};

static struct blob load(const char *name)
{
	struct blob b = { NULL, 0 };
	char path[1024];
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", in_dir, name);
	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b.data = malloc((size_t)n);
	if (!b.data || fread(b.data, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	b.len = (size_t)n;
	fclose(f);
	return b;
}

static struct blob dup_blob(const struct blob *b)
{
	struct blob c = { malloc(b->len), b->len };

	memcpy(c.data, b->data, b->len);
	return c;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* Header fields by byte offset. */
enum { H_TOTALSIZE = 4, H_OFF_STRUCT = 8, H_OFF_STRINGS = 12, H_OFF_RSV = 16, H_VERSION = 20,
       H_LAST_COMP = 24, H_SIZE_STRINGS = 32, H_SIZE_STRUCT = 36 };

/* Open b into a fresh buffer of exactly bufsize bytes; *buf must be freed by the caller. */
static int open_into(struct fdt *t, uint8_t **buf, size_t bufsize, const struct blob *b)
{
	*buf = malloc(bufsize ? bufsize : 1);
	return fdt_open(t, *buf, bufsize, b->data, b->len);
}

/* Does the packed blob in t open again (i.e. is it still a valid DTB)? */
static int reopen_check(const struct fdt *t)
{
	size_t n = fdt_totalsize(t);
	uint8_t *copy = malloc(n), *buf = malloc(n);
	struct fdt t2;
	int err;

	memcpy(copy, t->buf, n);
	err = fdt_open(&t2, buf, n, copy, n);
	if (!err && memcmp(buf, copy, n))
		err = 1; /* already packed: must come out byte-identical */
	free(copy);
	free(buf);
	return err;
}

static bool write_file(const char *name, const void *data, size_t len, char *path, size_t plen)
{
	FILE *f;

	snprintf(path, plen, "%s/%s", out_dir, name);
	f = fopen(path, "wb");
	if (!f)
		return false;
	if (fwrite(data, 1, len, f) != len) {
		fclose(f);
		return false;
	}
	return fclose(f) == 0;
}

/* Decompile t's blob with dtc; returns malloc'd source or NULL if dtc failed. */
static char *dtc_decompile(const struct fdt *t, const char *name)
{
	char path[1024], cmd[1200];
	size_t cap = 1 << 16, len = 0, n;
	char *out = malloc(cap);
	FILE *p;

	if (!write_file(name, t->buf, fdt_totalsize(t), path, sizeof(path)))
		return NULL;
	snprintf(cmd, sizeof(cmd), "dtc -q -I dtb -O dts '%s' 2>&1", path);
	p = popen(cmd, "r");
	if (!p)
		return NULL;
	while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (cap - len < 2)
			out = realloc(out, cap *= 2);
	}
	out[len] = '\0';
	if (pclose(p) != 0) {
		fprintf(stderr, "dtc failed on %s:\n%s\n", path, out);
		free(out);
		return NULL;
	}
	return out;
}

static bool prop_is(const struct fdt *t, const char *path, const char *name, const void *val,
		    int len)
{
	int node = fdt_find_node(t, path), got;
	const void *p = fdt_getprop(t, node, name, &got);

	return p && got == len && (len == 0 || memcmp(p, val, (size_t)len) == 0);
}

static bool prop_str_is(const struct fdt *t, const char *path, const char *name, const char *s)
{
	return prop_is(t, path, name, s, (int)strlen(s) + 1);
}

/* Region set used by the fix-up tests: the board's two /reserved-memory regions. */
static const struct fixup_region regions[] = {
	{ "el2-stub", 0x4fe00000, 0x100000 },
	{ "mailbox-shmem", 0x4ff00000, 0x100000 },
};
static const struct fixup_cfg cfg_smc = { "smc", regions, 2 };
static const struct fixup_cfg cfg_hvc = { "hvc", regions, 2 };

static int failures, tests;

static void run(const char *name, bool (*fn)(void))
{
	bool ok;

	reason[0] = '\0';
	ok = fn();
	tests++;
	if (ok) {
		printf("PASS: %s\n", name);
	} else {
		failures++;
		printf("FAIL: %s: %s\n", name, reason[0] ? reason : "(no reason)");
	}
	fflush(stdout);
}

/* ---- opening valid blobs ---- */

static bool qemu_virt_blob_opens_and_repacks_byte_identical(void)
{
	struct blob b = load("qemu-virt.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 4096, &b), 0);
	CHECK(fdt_totalsize(&t) == b.len, "totalsize %zu, want %zu", fdt_totalsize(&t), b.len);
	CHECK_ERR(fdt_finish(&t), 0);
	/* dtc's layout is the packed one: header, rsvmap, struct, strings */
	CHECK(memcmp(buf, b.data, b.len) == 0, "repacked blob differs from dtc's");
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool padded_blob_opens_packed_into_a_smaller_buffer(void)
{
	struct blob b = load("qemu-virt-padded.dtb"), ref = load("qemu-virt.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	bool ok = false;

	CHECK(be32(b.data + H_TOTALSIZE) == 1 << 20, "padded input not 1 MiB");
	CHECK_ERR(open_into(&t, &buf, b.len, &b), 0);
	CHECK(fdt_totalsize(&t) == ref.len, "totalsize %zu, want %zu", fdt_totalsize(&t), ref.len);
	CHECK(memcmp(buf, ref.data, ref.len) == 0, "packed blob differs from the unpadded one");
	free(buf);
	/* the buffer must hold the packed blob, not the padding (the firmware's is 256 KiB) */
	CHECK_ERR(open_into(&t, &buf, ref.len, &b), 0);
	CHECK(memcmp(buf, ref.data, ref.len) == 0, "packed blob differs in an exact-size buffer");
	free(buf);
	CHECK_ERR(open_into(&t, &buf, ref.len - 1, &b), FDT_ERR_NOSPACE);
	ok = true;
out:
	free(buf);
	free(b.data);
	free(ref.data);
	return ok;
}

static bool version_16_blob_opens_as_version_17(void)
{
	struct blob b = load("small-v16.dtb"), ref = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	bool ok = false;

	CHECK(be32(b.data + H_VERSION) == 16, "input is not version 16");
	CHECK_ERR(open_into(&t, &buf, b.len + 64, &b), 0);
	CHECK(be32(buf + H_VERSION) == 17, "output version %u", be32(buf + H_VERSION));
	CHECK(fdt_totalsize(&t) == ref.len && memcmp(buf, ref.data, ref.len) == 0,
	      "differs from the version-17 compile of the same source");
	ok = true;
out:
	free(buf);
	free(b.data);
	free(ref.data);
	return ok;
}

/* ---- rejecting corrupt blobs ---- */

/* Open a corrupted copy of small.dtb; mutate() edits it; expect err. */
static bool expect_reject(void (*mutate)(struct blob *), size_t maxlen_cut, int want)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = malloc(b.len + 4096);
	int err;
	bool ok = false;

	mutate(&b);
	err = fdt_open(&t, buf, b.len + 4096, b.data, b.len - maxlen_cut);
	CHECK(err == want, "fdt_open = %d (%s), want %d (%s)", err, fdt_strerror(err), want,
	      fdt_strerror(want));
	CHECK(t.buf == NULL && fdt_totalsize(&t) == 0, "failed open left a usable tree");
	CHECK_ERR(fdt_find_node(&t, "/"), FDT_ERR_BADARG);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static uint32_t st(const struct blob *b)
{
	return be32(b->data + H_OFF_STRUCT);
}

static void m_none(struct blob *b) { (void)b; }
static void m_magic(struct blob *b) { b->data[3] ^= 1; }
static void m_version(struct blob *b) { put_be32(b->data + H_VERSION, 15); }
static void m_last_comp(struct blob *b) { put_be32(b->data + H_LAST_COMP, 18); }
static void m_totalsize_big(struct blob *b) { put_be32(b->data + H_TOTALSIZE, (uint32_t)b->len + 4); }
static void m_totalsize_tiny(struct blob *b) { put_be32(b->data + H_TOTALSIZE, 39); }
static void m_strings_overflow(struct blob *b)
{
	put_be32(b->data + H_OFF_STRINGS, 0xfffffff0u);
	put_be32(b->data + H_SIZE_STRINGS, 0x20);
}
static void m_struct_size_overflow(struct blob *b) { put_be32(b->data + H_SIZE_STRUCT, 0xfffffffcu); }
static void m_struct_past_end(struct blob *b)
{
	put_be32(b->data + H_OFF_STRUCT, (uint32_t)b->len - 8);
}
static void m_rsv_misaligned(struct blob *b) { put_be32(b->data + H_OFF_RSV, 44); }
static void m_struct_misaligned(struct blob *b)
{
	put_be32(b->data + H_OFF_STRUCT, st(b) + 2);
	put_be32(b->data + H_SIZE_STRUCT, be32(b->data + H_SIZE_STRUCT) - 4);
}
static void m_struct_over_header(struct blob *b) { put_be32(b->data + H_OFF_STRUCT, 32); }
static void m_blocks_overlap(struct blob *b) { put_be32(b->data + H_OFF_STRINGS, st(b) + 16); }
static void m_struct_truncated(struct blob *b)
{
	/* the block now stops before FDT_END */
	put_be32(b->data + H_SIZE_STRUCT, be32(b->data + H_SIZE_STRUCT) - 4);
}
static void m_struct_truncated_mid_node(struct blob *b)
{
	/* the block now stops right before /cpus: inside the root node */
	uint8_t *buf = malloc(b->len);
	struct fdt t;

	if (fdt_open(&t, buf, b->len, b->data, b->len) == 0)
		put_be32(b->data + H_SIZE_STRUCT, (uint32_t)fdt_find_node(&t, "/cpus"));
	free(buf);
}
/* Offset of the last END_NODE (the root's), just before FDT_END. */
static uint32_t root_end(const struct blob *b)
{
	return st(b) + be32(b->data + H_SIZE_STRUCT) - 8;
}
static void m_missing_end_node(struct blob *b) { put_be32(b->data + root_end(b), 4 /* NOP */); }
static void m_extra_end_node(struct blob *b) { put_be32(b->data + root_end(b) + 4, 2); }
/* small.dts: the root's first token after its name (BEGIN_NODE + "\0" padded) is a PROP. */
static uint32_t first_prop(const struct blob *b) { return st(b) + 8; }
static void m_nameoff(struct blob *b)
{
	put_be32(b->data + first_prop(b) + 8, be32(b->data + H_SIZE_STRINGS));
}
static void m_nameoff_huge(struct blob *b) { put_be32(b->data + first_prop(b) + 8, 0xffffffffu); }
static void m_proplen_huge(struct blob *b) { put_be32(b->data + first_prop(b) + 4, 0xfffffff0u); }
static void m_proplen_past_block(struct blob *b)
{
	put_be32(b->data + first_prop(b) + 4, be32(b->data + H_SIZE_STRUCT) - 16);
}
static void m_unknown_token(struct blob *b) { put_be32(b->data + first_prop(b), 5); }
static void m_rsv_unterminated(struct blob *b)
{
	/* small.dts has one reservation: make the terminator a non-empty entry */
	put_be32(b->data + be32(b->data + H_OFF_RSV) + 16 + 12, 1);
}

static bool rejects_bad_magic(void) { return expect_reject(m_magic, 0, FDT_ERR_BADMAGIC); }
static bool rejects_unsupported_versions(void)
{
	return expect_reject(m_version, 0, FDT_ERR_BADVERSION) &&
	       expect_reject(m_last_comp, 0, FDT_ERR_BADVERSION);
}
static bool rejects_totalsize_beyond_input(void)
{
	return expect_reject(m_totalsize_big, 0, FDT_ERR_TRUNCATED) &&
	       expect_reject(m_none, 1, FDT_ERR_TRUNCATED) &&
	       expect_reject(m_totalsize_tiny, 0, FDT_ERR_TRUNCATED);
}
static bool rejects_blob_larger_than_buffer(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len - 1, &b), FDT_ERR_NOSPACE);
	free(buf);
	CHECK_ERR(open_into(&t, &buf, b.len, &b), 0);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}
static bool rejects_block_offset_overflow(void)
{
	return expect_reject(m_strings_overflow, 0, FDT_ERR_BADLAYOUT) &&
	       expect_reject(m_struct_size_overflow, 0, FDT_ERR_BADLAYOUT) &&
	       expect_reject(m_struct_past_end, 0, FDT_ERR_BADLAYOUT);
}
static bool rejects_misplaced_blocks(void)
{
	return expect_reject(m_rsv_misaligned, 0, FDT_ERR_BADLAYOUT) &&
	       expect_reject(m_struct_misaligned, 0, FDT_ERR_BADLAYOUT) &&
	       expect_reject(m_struct_over_header, 0, FDT_ERR_BADLAYOUT) &&
	       expect_reject(m_blocks_overlap, 0, FDT_ERR_BADLAYOUT);
}
static bool rejects_truncated_struct_block(void)
{
	return expect_reject(m_struct_truncated, 0, FDT_ERR_BADSTRUCT) &&
	       expect_reject(m_struct_truncated_mid_node, 0, FDT_ERR_BADSTRUCT);
}
static bool rejects_unbalanced_nodes(void)
{
	return expect_reject(m_missing_end_node, 0, FDT_ERR_UNBALANCED) &&
	       expect_reject(m_extra_end_node, 0, FDT_ERR_UNBALANCED);
}
static bool rejects_bad_nameoff(void)
{
	return expect_reject(m_nameoff, 0, FDT_ERR_BADNAMEOFF) &&
	       expect_reject(m_nameoff_huge, 0, FDT_ERR_BADNAMEOFF);
}
static bool rejects_bad_prop_length(void)
{
	return expect_reject(m_proplen_huge, 0, FDT_ERR_BADPROPLEN) &&
	       expect_reject(m_proplen_past_block, 0, FDT_ERR_BADPROPLEN);
}
static bool rejects_unknown_token(void) { return expect_reject(m_unknown_token, 0, FDT_ERR_BADSTRUCT); }
static bool rejects_unterminated_reservation_map(void)
{
	return expect_reject(m_rsv_unterminated, 0, FDT_ERR_BADRSVMAP);
}

/* Hand-assembled structure blocks for what dtc never produces. */
static bool open_struct(const uint32_t *tok, size_t ntok, int want)
{
	static const char strings[] = "a\0b";
	size_t st_off = 40 + 16, st_size = ntok * 4, len = st_off + st_size + sizeof(strings);
	uint8_t *blob = calloc(1, len), *buf = malloc(len);
	struct fdt t;
	size_t i;
	int err;
	bool ok = false;

	put_be32(blob, FDT_MAGIC);
	put_be32(blob + H_TOTALSIZE, (uint32_t)len);
	put_be32(blob + H_OFF_STRUCT, (uint32_t)st_off);
	put_be32(blob + H_OFF_STRINGS, (uint32_t)(st_off + st_size));
	put_be32(blob + H_OFF_RSV, 40);
	put_be32(blob + H_VERSION, 17);
	put_be32(blob + H_LAST_COMP, 16);
	put_be32(blob + H_SIZE_STRINGS, sizeof(strings));
	put_be32(blob + H_SIZE_STRUCT, (uint32_t)st_size);
	for (i = 0; i < ntok; i++)
		put_be32(blob + st_off + 4 * i, tok[i]);
	memcpy(blob + st_off + st_size, strings, sizeof(strings));
	err = fdt_open(&t, buf, len, blob, len);
	CHECK(err == want, "fdt_open = %d (%s), want %d", err, fdt_strerror(err), want);
	ok = true;
out:
	free(blob);
	free(buf);
	return ok;
}

static bool rejects_misordered_structure_and_data_after_fdt_end(void)
{
	/* BEGIN "" then: child "x" { }, then a property of the root after it */
	static const uint32_t prop_after_child[] = { 1, 0, 1, 0x78000000, 2, 3, 0, 0, 2, 9 };
	static const uint32_t two_roots[] = { 1, 0, 2, 1, 0, 2, 9 };
	static const uint32_t prop_outside_node[] = { 3, 0, 2, 1, 0, 2, 9 };
	static const uint32_t no_root[] = { 4, 9 };
	static const uint32_t data_after_end[] = { 1, 0, 2, 9, 4 };
	static const uint32_t nops_ok[] = { 4, 1, 0, 4, 3, 0, 2, 4, 1, 0x78000000, 2, 4, 2, 4, 9 };

	return open_struct(prop_after_child, 10, FDT_ERR_BADSTRUCT) &&
	       open_struct(data_after_end, 5, FDT_ERR_BADSTRUCT) &&
	       open_struct(two_roots, 7, FDT_ERR_UNBALANCED) &&
	       open_struct(prop_outside_node, 7, FDT_ERR_BADSTRUCT) &&
	       open_struct(no_root, 2, FDT_ERR_UNBALANCED) &&
	       open_struct(nops_ok, 15, 0);
}

static bool rejects_overlapping_input_and_buffer(void)
{
	struct blob b = load("small.dtb");
	uint8_t *big = malloc(b.len * 3);
	struct fdt t;
	bool ok = false;

	memcpy(big + b.len, b.data, b.len);
	CHECK_ERR(fdt_open(&t, big, b.len * 3, big + b.len, b.len), FDT_ERR_BADARG);
	CHECK_ERR(fdt_open(&t, big, b.len + 1, big + b.len, b.len), FDT_ERR_BADARG);
	CHECK_ERR(fdt_open(&t, big, b.len, big + b.len, b.len), 0);
	ok = true;
out:
	free(big);
	free(b.data);
	return ok;
}

/* ---- reading ---- */

static bool finds_nodes_by_path_and_unit_address(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	int root, cpu0, cpu1, len;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len, &b), 0);
	root = fdt_find_node(&t, "/");
	CHECK(root == 0, "root at %d", root);
	CHECK(strcmp(fdt_node_name(&t, root, &len), "") == 0 && len == 0, "root name");
	cpu0 = fdt_find_node(&t, "/cpus/cpu@0");
	cpu1 = fdt_find_node(&t, "/cpus/cpu@1");
	CHECK(cpu0 > 0 && cpu1 > cpu0, "cpu@0 %d cpu@1 %d", cpu0, cpu1);
	CHECK(strcmp(fdt_node_name(&t, cpu1, &len), "cpu@1") == 0 && len == 5, "cpu@1 name");
	CHECK(fdt_find_node(&t, "/cpus/cpu") == cpu0, "name without unit address finds cpu@0");
	CHECK(fdt_find_node(&t, "//cpus//cpu@1/") == cpu1, "extra slashes");
	CHECK(fdt_find_node(&t, "/memory") == fdt_find_node(&t, "/memory@40000000"), "memory");
	CHECK_ERR(fdt_find_node(&t, "/cpus/cpu@2"), FDT_ERR_NOTFOUND);
	CHECK_ERR(fdt_find_node(&t, "/cpus/cpu@"), FDT_ERR_NOTFOUND);
	CHECK_ERR(fdt_find_node(&t, "/cpu"), FDT_ERR_NOTFOUND); /* not a prefix match */
	CHECK_ERR(fdt_find_node(&t, "/cpus/cpu-map/cluster0/core1/x"), FDT_ERR_NOTFOUND);
	CHECK(fdt_find_node(&t, "/cpus/cpu-map/cluster0/core1") > 0, "deep path");
	CHECK_ERR(fdt_find_node(&t, "cpus"), FDT_ERR_BADPATH);
	CHECK_ERR(fdt_find_node(&t, NULL), FDT_ERR_BADARG);
	CHECK(prop_str_is(&t, "/", "model", "fdt test board"), "root model");
	CHECK(fdt_getprop(&t, cpu0, "enable-method", &len) == NULL && len == FDT_ERR_NOTFOUND,
	      "absent property: len = %d", len);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool iterates_subnodes_in_order(void)
{
	static const char *const want[] = { "cpu-map", "cpu@0", "cpu@1", "l2-cache0" };
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	int node, n = 0;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len, &b), 0);
	for (node = fdt_first_subnode(&t, fdt_find_node(&t, "/cpus")); node >= 0;
	     node = fdt_next_subnode(&t, node), n++) {
		CHECK(n < 4, "too many children");
		CHECK(strcmp(fdt_node_name(&t, node, NULL), want[n]) == 0, "child %d is %s", n,
		      fdt_node_name(&t, node, NULL));
	}
	CHECK(node == FDT_ERR_NOTFOUND && n == 4, "ended with %d after %d", node, n);
	CHECK_ERR(fdt_first_subnode(&t, fdt_find_node(&t, "/chosen")), FDT_ERR_NOTFOUND);
	CHECK_ERR(fdt_next_subnode(&t, 0), FDT_ERR_NOTFOUND); /* the root has no sibling */
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool rejects_offsets_that_are_not_nodes(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	int len;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 256, &b), 0);
	CHECK_ERR(fdt_first_subnode(&t, -1), FDT_ERR_BADOFFSET);
	CHECK_ERR(fdt_first_subnode(&t, 2), FDT_ERR_BADOFFSET);		/* misaligned */
	CHECK_ERR(fdt_first_subnode(&t, 8), FDT_ERR_BADOFFSET);		/* a PROP token */
	CHECK_ERR(fdt_first_subnode(&t, 12), FDT_ERR_BADOFFSET);	/* inside a PROP */
	CHECK_ERR(fdt_first_subnode(&t, (int)t.st_size - 4), FDT_ERR_BADOFFSET); /* FDT_END */
	CHECK_ERR(fdt_first_subnode(&t, (int)t.st_size), FDT_ERR_BADOFFSET);
	CHECK_ERR(fdt_first_subnode(&t, 0x7ffffffc), FDT_ERR_BADOFFSET);
	CHECK(fdt_node_name(&t, 8, &len) == NULL && len == FDT_ERR_BADOFFSET, "node_name");
	CHECK(fdt_getprop(&t, 8, "model", &len) == NULL && len == FDT_ERR_BADOFFSET, "getprop");
	CHECK_ERR(fdt_setprop_u32(&t, 8, "x", 1), FDT_ERR_BADOFFSET);
	CHECK_ERR(fdt_add_subnode(&t, 12, "x"), FDT_ERR_BADOFFSET);
	CHECK_ERR(fdt_delprop(&t, 12, "model"), FDT_ERR_BADOFFSET);
	CHECK(reopen_check(&t) == 0 && fdt_totalsize(&t) == b.len, "tree changed");
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

/* ---- editing ---- */

static bool setprop_replaces_values_of_any_length(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	int node;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 1024, &b), 0);
	node = fdt_find_node(&t, "/");
	CHECK_ERR(fdt_setprop_string(&t, node, "model", "a much longer model name than before"), 0);
	CHECK(fdt_totalsize(&t) == b.len + 24, "grew by %zu", fdt_totalsize(&t) - b.len);
	CHECK(prop_str_is(&t, "/", "model", "a much longer model name than before"), "model");
	CHECK(prop_str_is(&t, "/", "compatible", "test,board"), "next property intact");
	CHECK(prop_str_is(&t, "/chosen", "bootargs", "console=ttyAMA0"), "later node intact");
	CHECK_ERR(fdt_setprop_string(&t, node, "model", "m"), 0);
	CHECK(prop_str_is(&t, "/", "model", "m"), "short model");
	CHECK(fdt_totalsize(&t) == b.len - 12, "shrank to %zu", fdt_totalsize(&t));
	CHECK_ERR(fdt_setprop_empty(&t, node, "model"), 0);
	CHECK(prop_is(&t, "/", "model", NULL, 0), "empty model");
	CHECK_ERR(fdt_setprop_u64(&t, fdt_find_node(&t, "/chosen"), "bootargs",
				  0x0123456789abcdefull), 0);
	CHECK(prop_is(&t, "/chosen", "bootargs", "\x01\x23\x45\x67\x89\xab\xcd\xef", 8), "u64");
	CHECK_ERR(reopen_check(&t), 0);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool setprop_adds_new_properties_before_subnodes(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	char *dts = NULL;
	int cpus, first, len;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 1024, &b), 0);
	cpus = fdt_find_node(&t, "/cpus");
	CHECK_ERR(fdt_setprop_u32(&t, cpus, "test-new-prop", 0xdeadbeef), 0);
	CHECK(prop_is(&t, "/cpus", "test-new-prop", "\xde\xad\xbe\xef", 4), "value");
	first = fdt_first_subnode(&t, cpus);
	CHECK(strcmp(fdt_node_name(&t, first, &len), "cpu-map") == 0, "children intact");
	/* fdt_open enforces properties-before-subnodes, so a re-open proves the order */
	CHECK_ERR(reopen_check(&t), 0);
	dts = dtc_decompile(&t, "setprop-new.dtb");
	CHECK(dts, "dtc rejects the result");
	CHECK(strstr(dts, "test-new-prop = <0xdeadbeef>;"), "dtc does not show the property");
	ok = true;
out:
	free(dts);
	free(buf);
	free(b.data);
	return ok;
}

static bool property_names_are_reused_from_the_strings_block(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	uint32_t strsize;
	int chosen;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 1024, &b), 0);
	strsize = t.str_size;
	chosen = fdt_find_node(&t, "/chosen");
	CHECK_ERR(fdt_setprop_u32(&t, chosen, "compatible", 1), 0); /* known name */
	CHECK_ERR(fdt_setprop_u32(&t, chosen, "method", 1), 0);
	CHECK_ERR(fdt_setprop_u32(&t, chosen, "thod", 1), 0); /* tail of "method" */
	CHECK(t.str_size == strsize, "strings grew by %u", t.str_size - strsize);
	CHECK_ERR(fdt_setprop_u32(&t, chosen, "brand-new", 1), 0);
	CHECK(t.str_size == strsize + 10, "new name: strings grew by %u", t.str_size - strsize);
	CHECK_ERR(fdt_setprop_u32(&t, fdt_find_node(&t, "/memory"), "brand-new", 2), 0);
	CHECK(t.str_size == strsize + 10, "second use: strings grew again");
	CHECK(prop_is(&t, "/chosen", "thod", "\0\0\0\1", 4), "thod");
	CHECK(prop_is(&t, "/memory", "brand-new", "\0\0\0\2", 4), "brand-new");
	CHECK_ERR(reopen_check(&t), 0);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool delprop_removes_only_that_property(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	int psci, len;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len, &b), 0);
	psci = fdt_find_node(&t, "/psci");
	CHECK_ERR(fdt_delprop(&t, psci, "cpu_off"), 0);
	CHECK(fdt_totalsize(&t) == b.len - 16, "size %zu", fdt_totalsize(&t));
	CHECK(fdt_getprop(&t, psci, "cpu_off", &len) == NULL && len == FDT_ERR_NOTFOUND, "gone");
	CHECK(prop_is(&t, "/psci", "cpu_on", "\x95\xc1\x00\x02", 4), "cpu_on intact");
	CHECK(prop_is(&t, "/psci", "cpu_suspend", "\x95\xc1\x00\x00", 4), "cpu_suspend intact");
	CHECK_ERR(fdt_delprop(&t, psci, "cpu_off"), FDT_ERR_NOTFOUND);
	CHECK_ERR(reopen_check(&t), 0);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool add_subnode_appends_child_and_refuses_duplicates(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	char *dts = NULL;
	int cpus, node, last, n;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 1024, &b), 0);
	cpus = fdt_find_node(&t, "/cpus");
	node = fdt_add_subnode(&t, cpus, "cpu@2");
	CHECK(node > 0, "add_subnode = %d", node);
	CHECK_ERR(fdt_setprop_string(&t, node, "device_type", "cpu"), 0);
	for (last = n = fdt_first_subnode(&t, cpus); n >= 0; n = fdt_next_subnode(&t, n))
		last = n;
	CHECK(last == node, "new node is not the last child");
	CHECK(fdt_find_node(&t, "/cpus/cpu@2") == node, "find");
	CHECK_ERR(fdt_first_subnode(&t, node), FDT_ERR_NOTFOUND);
	CHECK_ERR(fdt_add_subnode(&t, cpus, "cpu@2"), FDT_ERR_EXISTS);
	CHECK_ERR(fdt_add_subnode(&t, cpus, "cpu@0"), FDT_ERR_EXISTS);
	CHECK(fdt_add_subnode(&t, cpus, "cpu") > 0, "base name of existing cpu@N is a new node");
	CHECK_ERR(fdt_add_subnode(&t, cpus, ""), FDT_ERR_BADNAME);
	CHECK_ERR(fdt_add_subnode(&t, cpus, "a/b"), FDT_ERR_BADNAME);
	CHECK(fdt_add_subnode(&t, fdt_find_node(&t, "/chosen"), "abc") > 0, "leaf parent");
	CHECK(fdt_add_subnode(&t, fdt_find_node(&t, "/chosen/abc"), "abcd") > 0, "grandchild");
	CHECK_ERR(reopen_check(&t), 0);
	dts = dtc_decompile(&t, "add-subnode.dtb");
	CHECK(dts && strstr(dts, "cpu@2 {\n\t\t\tdevice_type = \"cpu\";\n\t\t};"), "dtc: cpu@2");
	CHECK(strstr(dts, "chosen {\n\t\tbootargs = \"console=ttyAMA0\";\n\n\t\tabc {\n\n\t\t\tabcd {"),
	      "dtc: chosen/abc/abcd");
	ok = true;
out:
	free(dts);
	free(buf);
	free(b.data);
	return ok;
}

static bool memory_reservations_are_appended(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	uint64_t a, s;
	char *dts = NULL;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 32, &b), 0);
	CHECK(fdt_num_mem_rsv(&t) == 1, "%d entries", fdt_num_mem_rsv(&t));
	CHECK_ERR(fdt_add_mem_rsv(&t, 0x4fe00000, 0x200000), 0);
	CHECK_ERR(fdt_add_mem_rsv(&t, 0x123456789ull, 0x1000), 0);
	CHECK_ERR(fdt_add_mem_rsv(&t, 1, 1), FDT_ERR_NOSPACE);
	CHECK_ERR(fdt_add_mem_rsv(&t, 1, 0), FDT_ERR_BADARG);
	CHECK(fdt_num_mem_rsv(&t) == 3, "%d entries", fdt_num_mem_rsv(&t));
	CHECK(fdt_get_mem_rsv(&t, 0, &a, &s) == 0 && a == 0x48000000 && s == 0x200000, "entry 0");
	CHECK(fdt_get_mem_rsv(&t, 2, &a, &s) == 0 && a == 0x123456789ull && s == 0x1000, "entry 2");
	CHECK_ERR(fdt_get_mem_rsv(&t, 3, &a, &s), FDT_ERR_NOTFOUND);
	CHECK(prop_str_is(&t, "/chosen", "bootargs", "console=ttyAMA0"), "struct intact");
	CHECK_ERR(reopen_check(&t), 0);
	dts = dtc_decompile(&t, "memrsv.dtb");
	CHECK(dts && strstr(dts, "/memreserve/\t0x000000004fe00000 0x0000000000200000;") &&
	      strstr(dts, "/memreserve/\t0x0000000123456789 0x0000000000001000;"), "dtc output");
	ok = true;
out:
	free(dts);
	free(buf);
	free(b.data);
	return ok;
}

static bool edits_refuse_names_and_values_inside_the_buffer(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	const char *model;
	int len;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 256, &b), 0);
	model = fdt_getprop(&t, 0, "model", &len);
	CHECK_ERR(fdt_setprop(&t, 0, "copy", model, len), FDT_ERR_BADARG);
	CHECK_ERR(fdt_setprop(&t, 0, (const char *)buf + t.str_off, "x", 2), FDT_ERR_BADARG);
	CHECK_ERR(fdt_add_subnode(&t, 0, fdt_node_name(&t, fdt_find_node(&t, "/psci"), NULL)),
		  FDT_ERR_BADARG);
	CHECK_ERR(fdt_setprop(&t, 0, "x", NULL, 4), FDT_ERR_BADARG);
	CHECK_ERR(fdt_setprop(&t, 0, "x", "abcd", -1), FDT_ERR_BADARG);
	CHECK_ERR(fdt_setprop(&t, 0, "", "abcd", 4), FDT_ERR_BADNAME);
	CHECK(fdt_totalsize(&t) == b.len && memcmp(buf, b.data, b.len) == 0, "tree changed");
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool every_edit_fails_cleanly_when_out_of_room(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	bool ok = false;

	/* no free byte: every growing edit fails and changes nothing */
	CHECK_ERR(open_into(&t, &buf, b.len, &b), 0);
	CHECK_ERR(fdt_setprop_string(&t, 0, "model", "a longer model name"), FDT_ERR_NOSPACE);
	CHECK_ERR(fdt_setprop_u32(&t, 0, "compatible-x", 1), FDT_ERR_NOSPACE);
	CHECK_ERR(fdt_setprop_u32(&t, 0, "compatible", 1), 0 /* 11 -> 4 bytes: shrinks */);
	CHECK(fdt_totalsize(&t) == b.len - 8, "size %zu", fdt_totalsize(&t));
	CHECK_ERR(fdt_setprop_string(&t, 0, "compatible", "test,board"), 0); /* back to b.len */
	CHECK(fdt_totalsize(&t) == b.len && memcmp(buf, b.data, b.len) == 0, "not restored");
	CHECK_ERR(fdt_setprop_empty(&t, 0, "model-2"), FDT_ERR_NOSPACE);
	CHECK_ERR(fdt_add_subnode(&t, 0, "n"), FDT_ERR_NOSPACE);
	CHECK_ERR(fdt_add_mem_rsv(&t, 0x1000, 0x1000), FDT_ERR_NOSPACE);
	CHECK(fdt_totalsize(&t) == b.len && memcmp(buf, b.data, b.len) == 0, "tree changed");
	free(buf);
	/* room for the new name in the strings block but not for the property: nothing added */
	CHECK_ERR(open_into(&t, &buf, b.len + 12, &b), 0);
	CHECK_ERR(fdt_setprop_empty(&t, 0, "brand-new"), FDT_ERR_NOSPACE);
	CHECK(fdt_totalsize(&t) == b.len && memcmp(buf, b.data, b.len) == 0, "tree changed");
	CHECK_ERR(fdt_setprop_empty(&t, 0, "model-2"), FDT_ERR_NOSPACE); /* needs 12 + 8 */
	CHECK_ERR(fdt_setprop_empty(&t, 0, "ranges"), FDT_ERR_NOSPACE);	/* 12, string not known */
	CHECK_ERR(fdt_setprop_empty(&t, 0, "method"), 0);		/* 12, string known */
	CHECK(fdt_totalsize(&t) == b.len + 12, "size %zu", fdt_totalsize(&t));
	CHECK_ERR(reopen_check(&t), 0);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

/* ---- fix-up ---- */

static bool fixup_qemu(struct fdt *t, uint8_t **buf, const struct fixup_cfg *cfg, size_t extra)
{
	struct blob b = load("qemu-virt.dtb");
	int err = open_into(t, buf, b.len + extra, &b);

	free(b.data);
	if (!err)
		err = fdt_fixup_for_linux(t, cfg);
	if (!err)
		err = fdt_finish(t);
	if (err)
		snprintf(reason, sizeof(reason), "open+fixup: %s", fdt_strerror(err));
	return !err;
}

static bool fixup_adds_psci_with_the_configured_method(void)
{
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2";
	struct fdt t;
	uint8_t *buf = NULL;
	char *dts = NULL;
	bool ok = false;

	CHECK(fdt_find_node(&(struct fdt){ 0 }, "/") == FDT_ERR_BADARG, "unopened tree");
	if (!fixup_qemu(&t, &buf, &cfg_smc, 4096))
		goto out;
	CHECK(prop_is(&t, "/psci", "compatible", compat, sizeof(compat)), "compatible");
	CHECK(prop_str_is(&t, "/psci", "method", "smc"), "method");
	dts = dtc_decompile(&t, "qemu-virt-fixed-smc.dtb");
	CHECK(dts, "dtc rejects the fixed-up blob");
	CHECK(strstr(dts, "\tpsci {\n\t\tcompatible = \"arm,psci-1.0\\0arm,psci-0.2\";\n"
			  "\t\tmethod = \"smc\";\n\t};"), "dtc: psci node");
	free(buf);
	free(dts);
	dts = NULL;
	if (!fixup_qemu(&t, &buf, &cfg_hvc, 4096))
		goto out;
	CHECK(prop_str_is(&t, "/psci", "method", "hvc"), "hvc method");
	dts = dtc_decompile(&t, "qemu-virt-fixed-hvc.dtb");
	CHECK(dts && strstr(dts, "method = \"hvc\";"), "dtc: hvc");
	ok = true;
out:
	free(dts);
	free(buf);
	return ok;
}

static bool fixup_replaces_an_existing_psci_0_1_node(void)
{
	static const char compat[] = "arm,psci-1.0\0arm,psci-0.2";
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	int psci, n, len;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 1024, &b), 0);
	CHECK_ERR(fdt_fixup_for_linux(&t, &cfg_smc), 0);
	psci = fdt_find_node(&t, "/psci");
	CHECK(prop_is(&t, "/psci", "compatible", compat, sizeof(compat)), "compatible");
	CHECK(prop_str_is(&t, "/psci", "method", "smc"), "method");
	CHECK(!fdt_getprop(&t, psci, "cpu_on", &len) && !fdt_getprop(&t, psci, "cpu_off", &len) &&
	      !fdt_getprop(&t, psci, "cpu_suspend", &len) && !fdt_getprop(&t, psci, "migrate", &len),
	      "PSCI 0.1 function IDs left");
	for (n = 0, psci = fdt_first_subnode(&t, 0); psci >= 0; psci = fdt_next_subnode(&t, psci))
		n += strcmp(fdt_node_name(&t, psci, NULL), "psci") == 0;
	CHECK(n == 1, "%d psci nodes", n);
	CHECK_ERR(reopen_check(&t), 0);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool fixup_sets_psci_enable_method_on_every_cpu(void)
{
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	char *dts = NULL;
	int len;
	bool ok = false;

	if (!fixup_qemu(&t, &buf, &cfg_smc, 4096))
		goto out;
	CHECK(prop_str_is(&t, "/cpus/cpu@0", "enable-method", "psci"), "qemu cpu@0");
	CHECK(prop_str_is(&t, "/cpus/cpu@1", "enable-method", "psci"), "qemu cpu@1");
	dts = dtc_decompile(&t, "qemu-virt-fixed.dtb");
	CHECK(dts, "dtc rejects the result");
	{
		const char *p = dts;
		int n = 0;

		while ((p = strstr(p, "enable-method = \"psci\";")))
			n++, p++;
		CHECK(n == 2, "dtc shows %d enable-method = \"psci\"", n);
	}
	free(buf);
	CHECK_ERR(open_into(&t, &buf, b.len + 1024, &b), 0);
	CHECK_ERR(fdt_fixup_for_linux(&t, &cfg_smc), 0);
	CHECK(prop_str_is(&t, "/cpus/cpu@0", "enable-method", "psci"), "cpu without one");
	CHECK(prop_str_is(&t, "/cpus/cpu@1", "enable-method", "psci"), "spin-table cpu");
	CHECK(!fdt_getprop(&t, fdt_find_node(&t, "/cpus/l2-cache0"), "enable-method", &len) &&
	      !fdt_getprop(&t, fdt_find_node(&t, "/cpus/cpu-map"), "enable-method", &len),
	      "non-cpu nodes touched");
	CHECK(prop_str_is(&t, "/cpus/cpu@1", "compatible", "arm,cortex-a57"), "cpu@1 compatible");
	CHECK_ERR(reopen_check(&t), 0);
	ok = true;
out:
	free(dts);
	free(buf);
	free(b.data);
	return ok;
}

static bool fixup_adds_reserved_memory_regions_with_no_map(void)
{
	static const uint8_t reg0[] = { 0, 0, 0, 0, 0x4f, 0xe0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0 };
	static const uint8_t reg1[] = { 0, 0, 0, 0, 0x4f, 0xf0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0 };
	struct fdt t;
	uint8_t *buf = NULL;
	char *dts = NULL;
	int rm, n;
	bool ok = false;

	if (!fixup_qemu(&t, &buf, &cfg_smc, 4096))
		goto out;
	rm = fdt_find_node(&t, "/reserved-memory");
	CHECK(rm > 0, "no /reserved-memory");
	CHECK(prop_is(&t, "/reserved-memory", "#address-cells", "\0\0\0\2", 4), "#address-cells");
	CHECK(prop_is(&t, "/reserved-memory", "#size-cells", "\0\0\0\2", 4), "#size-cells");
	CHECK(prop_is(&t, "/reserved-memory", "ranges", NULL, 0), "ranges");
	CHECK(prop_is(&t, "/reserved-memory/el2-stub@4fe00000", "reg", reg0, 16), "reg 0");
	CHECK(prop_is(&t, "/reserved-memory/el2-stub@4fe00000", "no-map", NULL, 0), "no-map 0");
	CHECK(prop_is(&t, "/reserved-memory/mailbox-shmem@4ff00000", "reg", reg1, 16), "reg 1");
	CHECK(prop_is(&t, "/reserved-memory/mailbox-shmem@4ff00000", "no-map", NULL, 0), "no-map 1");
	for (n = 0, rm = fdt_first_subnode(&t, rm); rm >= 0; rm = fdt_next_subnode(&t, rm))
		n++;
	CHECK(n == 2, "%d children", n);
	dts = dtc_decompile(&t, "qemu-virt-fixed-rsv.dtb");
	CHECK(dts, "dtc rejects the result");
	CHECK(strstr(dts, "\treserved-memory {\n\t\t#address-cells = <0x02>;\n"
			  "\t\t#size-cells = <0x02>;\n\t\tranges;\n\n"
			  "\t\tel2-stub@4fe00000 {\n\t\t\treg = <0x00 0x4fe00000 0x00 0x100000>;\n"
			  "\t\t\tno-map;\n\t\t};\n\n"
			  "\t\tmailbox-shmem@4ff00000 {\n\t\t\treg = <0x00 0x4ff00000 0x00 0x100000>;\n"
			  "\t\t\tno-map;\n\t\t};\n\t};"), "dtc: reserved-memory");
	ok = true;
out:
	free(dts);
	free(buf);
	return ok;
}

static bool fixup_uses_cells_of_an_existing_reserved_memory_node(void)
{
	static const struct fixup_region high[] = { { "high", 0x100000000ull, 0x1000 } };
	static const struct fixup_cfg cfg_high = { "smc", high, 1 };
	struct blob b = load("cells1.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 1024, &b), 0);
	CHECK_ERR(fdt_fixup_for_linux(&t, &cfg_high), FDT_ERR_BADVALUE);
	CHECK(fdt_totalsize(&t) == b.len && memcmp(buf, b.data, b.len) == 0,
	      "refused region still changed the tree");
	CHECK_ERR(fdt_fixup_for_linux(&t, &cfg_hvc), 0);
	CHECK(prop_is(&t, "/reserved-memory/el2-stub@4fe00000", "reg",
		      "\x4f\xe0\0\0\0\x10\0\0", 8), "1+1-cell reg");
	CHECK(prop_is(&t, "/reserved-memory/existing@4f000000", "reg",
		      "\x4f\0\0\0\0\x10\0\0", 8), "existing child intact");
	CHECK(prop_str_is(&t, "/cpus/cpu@0", "enable-method", "psci"), "cpu");
	CHECK(prop_str_is(&t, "/psci", "method", "hvc"), "psci added");
	CHECK_ERR(reopen_check(&t), 0);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool fixup_is_idempotent(void)
{
	static const char *const inputs[] = { "qemu-virt.dtb", "small.dtb", "cells1.dtb" };
	struct fdt t;
	uint8_t *buf = NULL, *once = NULL;
	size_t i, n = 0;
	bool ok = false;

	for (i = 0; i < 3; i++) {
		struct blob b = load(inputs[i]);

		int err = open_into(&t, &buf, b.len + 4096, &b);

		free(b.data);
		CHECK_ERR(err, 0);
		CHECK_ERR(fdt_fixup_for_linux(&t, &cfg_smc), 0);
		n = fdt_totalsize(&t);
		once = malloc(n);
		memcpy(once, buf, n);
		CHECK_ERR(fdt_fixup_for_linux(&t, &cfg_smc), 0);
		CHECK(fdt_totalsize(&t) == n && memcmp(once, buf, n) == 0, "%s: second run changed it",
		      inputs[i]);
		free(once);
		once = NULL;
		free(buf);
		buf = NULL;
	}
	ok = true;
out:
	free(once);
	free(buf);
	return ok;
}

static bool fixup_rejects_bad_configuration_without_editing(void)
{
	static const struct fixup_region bad_name[] = { { "bad/name", 0x1000, 0x1000 } };
	static const struct fixup_region zero[] = { { "zero", 0x1000, 0 } };
	static const struct fixup_region wrap[] = { { "wrap", ~0ull - 10, 0x1000 } };
	const struct fixup_cfg bad[] = {
		{ "svc", regions, 2 }, { NULL, regions, 2 }, { "smc", NULL, 1 },
		{ "smc", bad_name, 1 }, { "smc", zero, 1 }, { "smc", wrap, 1 },
	};
	struct blob b = load("small.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	size_t i;
	int err;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 4096, &b), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err = fdt_fixup_for_linux(&t, &bad[i]);
		CHECK(err == FDT_ERR_BADARG || err == FDT_ERR_BADNAME, "cfg %zu: %d", i, err);
		CHECK(fdt_totalsize(&t) == b.len && memcmp(buf, b.data, b.len) == 0, "cfg %zu edited", i);
	}
	CHECK_ERR(fdt_fixup_for_linux(&t, NULL), FDT_ERR_BADARG);
	CHECK_ERR(fdt_fixup_for_linux(NULL, &cfg_smc), FDT_ERR_BADARG);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

static bool fixup_out_of_room_returns_error_and_leaves_a_valid_blob(void)
{
	struct blob b = load("qemu-virt.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	size_t need, extra;
	char *dts = NULL;
	char name[64];
	int err;
	bool ok = false;

	CHECK_ERR(open_into(&t, &buf, b.len + 4096, &b), 0);
	CHECK_ERR(fdt_fixup_for_linux(&t, &cfg_smc), 0);
	need = fdt_totalsize(&t) - b.len;
	free(buf);
	buf = NULL;
	for (extra = 0; extra <= need; extra++) {
		CHECK_ERR(open_into(&t, &buf, b.len + extra, &b), 0);
		err = fdt_fixup_for_linux(&t, &cfg_smc);
		CHECK(err == (extra < need ? FDT_ERR_NOSPACE : 0), "extra %zu: %s", extra,
		      fdt_strerror(err));
		CHECK(fdt_totalsize(&t) <= b.len + extra, "overran the buffer");
		CHECK(reopen_check(&t) == 0, "extra %zu: blob no longer valid", extra);
		if (extra % 64 == 0 || extra == need - 1) {
			snprintf(name, sizeof(name), "qemu-virt-noroom-%zu.dtb", extra);
			dts = dtc_decompile(&t, name);
			CHECK(dts, "extra %zu: dtc rejects the partial result", extra);
			free(dts);
			dts = NULL;
		}
		free(buf);
		buf = NULL;
	}
	ok = true;
out:
	free(dts);
	free(buf);
	free(b.data);
	return ok;
}

static bool fixed_up_qemu_dtb_size_is_reported(void)
{
	struct blob b = load("qemu-virt.dtb");
	struct fdt t;
	uint8_t *buf = NULL;
	char path[1024];
	bool ok = false;

	if (!fixup_qemu(&t, &buf, &cfg_smc, 1 << 16))
		goto out;
	CHECK(write_file("qemu-virt-fixed.dtb", buf, fdt_totalsize(&t), path, sizeof(path)),
	      "cannot write %s", path);
	printf("INFO: QEMU virt DTB %zu bytes, fixed up %zu bytes (%s)\n", b.len,
	       fdt_totalsize(&t), path);
	ok = true;
out:
	free(buf);
	free(b.data);
	return ok;
}

/* ---- robustness ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

/* Walk the whole tree through the public API (bounded), reading each node's name and a property. */
static void walk(const struct fdt *t, int node, int depth)
{
	int child, len;

	if (depth > 64)
		return;
	(void)fdt_node_name(t, node, &len);
	(void)fdt_getprop(t, node, "compatible", &len);
	for (child = fdt_first_subnode(t, node); child >= 0; child = fdt_next_subnode(t, child))
		walk(t, child, depth + 1);
}

static bool random_mutations_never_crash_and_edits_stay_valid(void)
{
	static const uint32_t interesting[] = { 0, 1, 2, 3, 4, 9, 0x7fffffff, 0x80000000, 0xffffffff,
						0xfffffffc, 0xd00dfeed, 16, 17, 40, 0x1000 };
	static const char *const inputs[] = { "qemu-virt.dtb", "small.dtb", "cells1.dtb" };
	struct blob orig[3];
	int opened = 0, fixed = 0, iter, i;
	bool ok = false;

	for (i = 0; i < 3; i++)
		orig[i] = load(inputs[i]);
	for (iter = 0; iter < 6000; iter++) {
		struct blob b = dup_blob(&orig[iter % 3]);
		size_t maxlen = b.len, bufsize;
		int nmut = 1 + (int)(rnd() % 4), m, err;
		struct fdt t;
		uint8_t *buf;

		for (m = 0; m < nmut; m++) {
			/* draw every random number in a fixed order: same run with any compiler */
			uint32_t kind = rnd() % 6, v = interesting[rnd() % 15], pos = rnd(), x = rnd();
			bool pick = rnd() % 2;
			uint32_t st_off = be32(orig[iter % 3].data + H_OFF_STRUCT);

			if (pick)
				x = v;
			switch (kind) {
			case 0: /* random byte */
				b.data[pos % b.len] = (uint8_t)x;
				break;
			case 1: /* header field: an interesting value or an offset into the blob */
				put_be32(b.data + 4 * (pos % 10), pick ? v : x % (uint32_t)b.len);
				break;
			case 2: /* one of the first structure-block words */
				put_be32(b.data + ((st_off + 4 * (pos % 64)) % (b.len - 3) & ~3u), v);
				break;
			case 3: /* a word anywhere */
				put_be32(b.data + (pos % (b.len - 3) & ~3u), x);
				break;
			case 4: /* short input */
				maxlen = pos % (b.len + 1);
				break;
			default: /* bit flip */
				b.data[pos % b.len] ^= (uint8_t)(1u << (x % 8));
				break;
			}
		}
		bufsize = maxlen + rnd() % 2048;
		buf = malloc(bufsize ? bufsize : 1);
		err = fdt_open(&t, buf, bufsize, b.data, maxlen);
		if (!err) {
			opened++;
			walk(&t, fdt_find_node(&t, "/"), 0);
			(void)fdt_find_node(&t, "/cpus/cpu@0");
			err = fdt_fixup_for_linux(&t, rnd() % 2 ? &cfg_smc : &cfg_hvc);
			fixed += err == 0;
			if (err != 0 && err != FDT_ERR_NOSPACE && err != FDT_ERR_BADVALUE) {
				snprintf(reason, sizeof(reason), "iteration %d: fixup: %s", iter,
					 fdt_strerror(err));
				err = -100;
			} else {
				fdt_finish(&t);
				err = reopen_check(&t);
				if (err)
					snprintf(reason, sizeof(reason),
						 "iteration %d: result does not re-open: %s", iter,
						 fdt_strerror(err));
			}
		} else {
			err = 0;
		}
		free(buf);
		free(b.data);
		if (err)
			goto out;
	}
	printf("INFO: %d mutations: %d opened, %d fixed up\n", iter, opened, fixed);
	ok = true;
out:
	for (i = 0; i < 3; i++)
		free(orig[i].data);
	return ok;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s <dtb dir> <output dir>\n", argv[0]);
		return 2;
	}
	in_dir = argv[1];
	out_dir = argv[2];

	run("qemu_virt_blob_opens_and_repacks_byte_identical", qemu_virt_blob_opens_and_repacks_byte_identical);
	run("padded_blob_opens_packed_into_a_smaller_buffer", padded_blob_opens_packed_into_a_smaller_buffer);
	run("version_16_blob_opens_as_version_17", version_16_blob_opens_as_version_17);
	run("rejects_bad_magic", rejects_bad_magic);
	run("rejects_unsupported_versions", rejects_unsupported_versions);
	run("rejects_totalsize_beyond_input", rejects_totalsize_beyond_input);
	run("rejects_blob_larger_than_buffer", rejects_blob_larger_than_buffer);
	run("rejects_block_offset_overflow", rejects_block_offset_overflow);
	run("rejects_misplaced_blocks", rejects_misplaced_blocks);
	run("rejects_truncated_struct_block", rejects_truncated_struct_block);
	run("rejects_unbalanced_nodes", rejects_unbalanced_nodes);
	run("rejects_bad_nameoff", rejects_bad_nameoff);
	run("rejects_bad_prop_length", rejects_bad_prop_length);
	run("rejects_unknown_token", rejects_unknown_token);
	run("rejects_unterminated_reservation_map", rejects_unterminated_reservation_map);
	run("rejects_misordered_structure_and_data_after_fdt_end", rejects_misordered_structure_and_data_after_fdt_end);
	run("rejects_overlapping_input_and_buffer", rejects_overlapping_input_and_buffer);
	run("finds_nodes_by_path_and_unit_address", finds_nodes_by_path_and_unit_address);
	run("iterates_subnodes_in_order", iterates_subnodes_in_order);
	run("rejects_offsets_that_are_not_nodes", rejects_offsets_that_are_not_nodes);
	run("setprop_replaces_values_of_any_length", setprop_replaces_values_of_any_length);
	run("setprop_adds_new_properties_before_subnodes", setprop_adds_new_properties_before_subnodes);
	run("property_names_are_reused_from_the_strings_block", property_names_are_reused_from_the_strings_block);
	run("delprop_removes_only_that_property", delprop_removes_only_that_property);
	run("add_subnode_appends_child_and_refuses_duplicates", add_subnode_appends_child_and_refuses_duplicates);
	run("memory_reservations_are_appended", memory_reservations_are_appended);
	run("edits_refuse_names_and_values_inside_the_buffer", edits_refuse_names_and_values_inside_the_buffer);
	run("every_edit_fails_cleanly_when_out_of_room", every_edit_fails_cleanly_when_out_of_room);
	run("fixup_adds_psci_with_the_configured_method", fixup_adds_psci_with_the_configured_method);
	run("fixup_replaces_an_existing_psci_0_1_node", fixup_replaces_an_existing_psci_0_1_node);
	run("fixup_sets_psci_enable_method_on_every_cpu", fixup_sets_psci_enable_method_on_every_cpu);
	run("fixup_adds_reserved_memory_regions_with_no_map", fixup_adds_reserved_memory_regions_with_no_map);
	run("fixup_uses_cells_of_an_existing_reserved_memory_node", fixup_uses_cells_of_an_existing_reserved_memory_node);
	run("fixup_is_idempotent", fixup_is_idempotent);
	run("fixup_rejects_bad_configuration_without_editing", fixup_rejects_bad_configuration_without_editing);
	run("fixup_out_of_room_returns_error_and_leaves_a_valid_blob", fixup_out_of_room_returns_error_and_leaves_a_valid_blob);
	run("fixed_up_qemu_dtb_size_is_reported", fixed_up_qemu_dtb_size_is_reported);
	run("random_mutations_never_crash_and_edits_stay_valid", random_mutations_never_crash_and_edits_stay_valid);

	printf("%d/%d passed\n", tests - failures, tests);
	return failures ? 1 : 0;
}
