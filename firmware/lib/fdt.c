// SPDX-License-Identifier: BSD-3-Clause
/*
 * Flattened device tree editor: see fdt.h. Written from the devicetree specification's
 * description of the DTB format:
 *
 *	header: magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap, version,
 *		last_comp_version, boot_cpuid_phys, size_dt_strings, size_dt_struct (v17)
 *	memory reservation map: {u64 address, u64 size} pairs, ended by a zero-size entry
 *	structure block: 32-bit tokens, BEGIN_NODE name\0 (padded), PROP len nameoff value (padded),
 *		END_NODE, NOP, and a final END; a node's properties precede its subnodes
 *	strings block: NUL-terminated property names, referred to by nameoff
 *
 * The input is untrusted: every offset and length is checked before use, in 64-bit arithmetic
 * where a sum could wrap. Inside the editor the tree in buf is ours, but every walk is still
 * bounds-checked, so a damaged buf gives errors, never accesses outside it.
 */
#include "fdt.h"

#define TOK_BEGIN_NODE 0x1u
#define TOK_END_NODE 0x2u
#define TOK_PROP 0x3u
#define TOK_NOP 0x4u
#define TOK_END 0x9u

#define HDR_MAGIC 0
#define HDR_TOTALSIZE 4
#define HDR_OFF_STRUCT 8
#define HDR_OFF_STRINGS 12
#define HDR_OFF_RSVMAP 16
#define HDR_VERSION 20
#define HDR_LAST_COMP 24
#define HDR_BOOT_CPUID 28
#define HDR_SIZE_STRINGS 32
#define HDR_SIZE_STRUCT 36

#define RSV_ENTRY 16u
#define MAX_SIZE 0x7fffffffu /* offsets are ints */

/*
 * GCC may turn byte loops into calls to memcpy/memset/memmove, which the freestanding firmware
 * links from elsewhere (or not at all). Keep these helpers as plain loops.
 */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBCALLS
#endif

/* ---- tiny freestanding helpers ---- */

static NO_LIBCALLS void mem_move(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	if (d == s || n == 0)
		return;
	if ((uintptr_t)d < (uintptr_t)s) {
		while (n--)
			*d++ = *s++;
	} else {
		while (n--)
			d[n] = s[n];
	}
}

static NO_LIBCALLS void mem_zero(void *dst, size_t n)
{
	uint8_t *d = dst;

	while (n--)
		*d++ = 0;
}

static int mem_cmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

static size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/* Length of the NUL-terminated string at p[0..max), or -1 if no NUL is there. */
static int64_t str_nlen(const uint8_t *p, uint32_t max)
{
	uint32_t i;

	for (i = 0; i < max; i++)
		if (!p[i])
			return i;
	return -1;
}

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void wr32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) << 32 | rd32(p + 4);
}

static void wr64(uint8_t *p, uint64_t v)
{
	wr32(p, (uint32_t)(v >> 32));
	wr32(p + 4, (uint32_t)v);
}

static uint64_t align4(uint64_t x)
{
	return (x + 3) & ~(uint64_t)3;
}

const char *fdt_strerror(int err)
{
	switch (err) {
	case FDT_OK: return "ok";
	case FDT_ERR_BADMAGIC: return "bad magic";
	case FDT_ERR_BADVERSION: return "unsupported version";
	case FDT_ERR_TRUNCATED: return "blob truncated (totalsize beyond input or below header)";
	case FDT_ERR_BADLAYOUT: return "block offset/size outside blob, overflowing or misaligned";
	case FDT_ERR_BADRSVMAP: return "unterminated memory reservation map";
	case FDT_ERR_BADSTRUCT: return "malformed structure block";
	case FDT_ERR_UNBALANCED: return "unbalanced nodes";
	case FDT_ERR_BADNAMEOFF: return "property name offset outside strings block";
	case FDT_ERR_BADPROPLEN: return "property length runs past structure block";
	case FDT_ERR_NOSPACE: return "no room in buffer";
	case FDT_ERR_NOTFOUND: return "not found";
	case FDT_ERR_EXISTS: return "node exists";
	case FDT_ERR_BADOFFSET: return "offset is not a node";
	case FDT_ERR_BADPATH: return "bad path";
	case FDT_ERR_BADNAME: return "bad name";
	case FDT_ERR_BADARG: return "bad argument";
	case FDT_ERR_BADVALUE: return "value does not fit";
	default: return "unknown error";
	}
}

/* ---- token walking (shared by validation of the input and by the editor) ---- */

struct view {
	const uint8_t *st;	/* structure block */
	uint32_t st_size;
	const uint8_t *str;	/* strings block */
	uint32_t str_size;
};

static struct view tree_view(const struct fdt *t)
{
	struct view v = {
		.st = t->buf + t->st_off,
		.st_size = t->st_size,
		.str = t->buf + t->str_off,
		.str_size = t->str_size,
	};
	return v;
}

/*
 * Read the token at off: its tag and the offset of the token after it. Checks that everything
 * the token covers (name, property header, value, nameoff's string) lies inside its block.
 */
static int next_tok(const struct view *v, uint32_t off, uint32_t *tag, uint32_t *next)
{
	uint32_t p, len, nameoff;
	int64_t n;

	if ((off & 3) || v->st_size < 4 || off > v->st_size - 4)
		return FDT_ERR_BADSTRUCT;
	*tag = rd32(v->st + off);
	p = off + 4;
	switch (*tag) {
	case TOK_BEGIN_NODE:
		n = str_nlen(v->st + p, v->st_size - p);
		if (n < 0 || align4((uint64_t)p + (uint64_t)n + 1) > v->st_size)
			return FDT_ERR_BADSTRUCT;
		*next = (uint32_t)align4((uint64_t)p + (uint64_t)n + 1);
		return 0;
	case TOK_PROP:
		if ((uint64_t)p + 8 > v->st_size)
			return FDT_ERR_BADSTRUCT;
		len = rd32(v->st + p);
		nameoff = rd32(v->st + p + 4);
		if (align4((uint64_t)p + 8 + len) > v->st_size)
			return FDT_ERR_BADPROPLEN;
		if (nameoff >= v->str_size || str_nlen(v->str + nameoff, v->str_size - nameoff) < 0)
			return FDT_ERR_BADNAMEOFF;
		*next = (uint32_t)align4((uint64_t)p + 8 + len);
		return 0;
	case TOK_END_NODE:
	case TOK_NOP:
	case TOK_END:
		*next = p;
		return 0;
	default:
		return FDT_ERR_BADSTRUCT;
	}
}

/*
 * Check the whole structure block: exactly one root node, BEGIN/END_NODE balanced, properties
 * only inside a node and before its subnodes, then FDT_END. *end gets FDT_END's offset.
 */
static int check_struct(const struct view *v, uint32_t *end)
{
	uint32_t off = 0, next, tag;
	uint32_t depth = 0;
	bool seen_root = false, after_child = false;
	int err;

	for (;;) {
		err = next_tok(v, off, &tag, &next);
		if (err)
			return err;
		switch (tag) {
		case TOK_BEGIN_NODE:
			if (depth == 0 && seen_root)
				return FDT_ERR_UNBALANCED;
			seen_root = true;
			depth++;
			after_child = false;
			break;
		case TOK_END_NODE:
			if (depth == 0)
				return FDT_ERR_UNBALANCED;
			depth--;
			after_child = true;
			break;
		case TOK_PROP:
			if (depth == 0 || after_child)
				return FDT_ERR_BADSTRUCT;
			break;
		case TOK_NOP:
			break;
		case TOK_END:
			if (depth != 0 || !seen_root)
				return FDT_ERR_UNBALANCED;
			*end = off;
			return 0;
		}
		off = next;
	}
}

/* ---- opening ---- */

static void sync_header(struct fdt *t)
{
	uint8_t *h = t->buf;

	wr32(h + HDR_MAGIC, FDT_MAGIC);
	wr32(h + HDR_TOTALSIZE, t->str_off + t->str_size);
	wr32(h + HDR_OFF_STRUCT, t->st_off);
	wr32(h + HDR_OFF_STRINGS, t->str_off);
	wr32(h + HDR_OFF_RSVMAP, t->rsv_off);
	wr32(h + HDR_VERSION, 17);
	wr32(h + HDR_LAST_COMP, 16);
	wr32(h + HDR_BOOT_CPUID, t->boot_cpuid);
	wr32(h + HDR_SIZE_STRINGS, t->str_size);
	wr32(h + HDR_SIZE_STRUCT, t->st_size);
}

static bool ranges_overlap(const void *a, size_t an, const void *b, size_t bn)
{
	uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;

	if (!an || !bn)
		return false;
	return x < y + bn && y < x + an;
}

static uint32_t min32(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

int fdt_open(struct fdt *t, void *buf, size_t bufsize, const void *blob, size_t maxlen)
{
	const uint8_t *b = blob;
	uint32_t ts, version, hdr, off_rsv, off_st, size_st, off_str, size_str;
	uint32_t limit, nrsv, end, i;
	uint64_t packed;
	struct view v;
	int err;

	if (!t)
		return FDT_ERR_BADARG;
	t->buf = NULL;
	t->bufsize = 0;
	t->boot_cpuid = 0;
	t->rsv_off = t->rsv_size = t->st_off = t->st_size = t->str_off = t->str_size = 0;
	if (!buf || !blob)
		return FDT_ERR_BADARG;
	if (bufsize > MAX_SIZE)
		bufsize = MAX_SIZE;

	/* header */
	if (maxlen < FDT_HEADER_SIZE)
		return FDT_ERR_TRUNCATED;
	if (rd32(b + HDR_MAGIC) != FDT_MAGIC)
		return FDT_ERR_BADMAGIC;
	version = rd32(b + HDR_VERSION);
	if (version < 16 || rd32(b + HDR_LAST_COMP) > 17)
		return FDT_ERR_BADVERSION;
	ts = rd32(b + HDR_TOTALSIZE);
	if (ts > maxlen || ts < FDT_HEADER_SIZE)
		return FDT_ERR_TRUNCATED;
	/*
	 * Not "ts <= bufsize": padding is not copied, and QEMU pads its own DTB to 1 MiB. What
	 * must fit is the packed copy, checked below.
	 */
	if (ranges_overlap(buf, bufsize, blob, ts))
		return FDT_ERR_BADARG;
	hdr = version >= 17 ? 40 : 36; /* size_dt_struct came with version 17 */

	/* block placement: inside totalsize, past the header, aligned, not overlapping */
	off_rsv = rd32(b + HDR_OFF_RSVMAP);
	off_st = rd32(b + HDR_OFF_STRUCT);
	off_str = rd32(b + HDR_OFF_STRINGS);
	size_str = rd32(b + HDR_SIZE_STRINGS);
	if (off_rsv < hdr || off_st < hdr || off_str < hdr)
		return FDT_ERR_BADLAYOUT;
	if ((off_rsv & 7) || (off_st & 3) || (uint64_t)off_rsv + RSV_ENTRY > ts)
		return FDT_ERR_BADLAYOUT;
	if (off_st > ts || (uint64_t)off_str + size_str > ts)
		return FDT_ERR_BADLAYOUT;
	if (version >= 17) {
		size_st = rd32(b + HDR_SIZE_STRUCT);
		if ((size_st & 3) || (uint64_t)off_st + size_st > ts)
			return FDT_ERR_BADLAYOUT;
	} else {
		/* no size field: FDT_END marks the end, before the strings if they follow */
		limit = off_str > off_st ? off_str : ts;
		size_st = (limit - off_st) & ~3u;
	}
	if ((uint64_t)off_st < (uint64_t)off_str + size_str &&
	    (uint64_t)off_str < (uint64_t)off_st + size_st && size_st && size_str)
		return FDT_ERR_BADLAYOUT;

	/* reservation map: entries up to a zero-size one, before the next block */
	limit = ts;
	if (off_st > off_rsv)
		limit = min32(limit, off_st);
	if (off_str > off_rsv && size_str)
		limit = min32(limit, off_str);
	for (nrsv = 0;; nrsv++) {
		uint64_t e = (uint64_t)off_rsv + (uint64_t)nrsv * RSV_ENTRY;

		if (e + RSV_ENTRY > limit)
			return FDT_ERR_BADRSVMAP;
		if (rd64(b + e + 8) == 0)
			break;
	}

	/* structure block */
	v.st = b + off_st;
	v.st_size = size_st;
	v.str = b + off_str;
	v.str_size = size_str;
	err = check_struct(&v, &end);
	if (err)
		return err;
	if (version >= 17 && end + 4 != size_st)
		return FDT_ERR_BADSTRUCT; /* data after FDT_END */
	size_st = end + 4;

	/* copy, packed */
	packed = FDT_HEADER_SIZE + (uint64_t)(nrsv + 1) * RSV_ENTRY + size_st + size_str;
	if (packed > bufsize)
		return FDT_ERR_NOSPACE;
	t->buf = buf;
	t->bufsize = (uint32_t)bufsize;
	t->boot_cpuid = rd32(b + HDR_BOOT_CPUID);
	t->rsv_off = FDT_HEADER_SIZE;
	t->rsv_size = (nrsv + 1) * RSV_ENTRY;
	t->st_off = t->rsv_off + t->rsv_size;
	t->st_size = size_st;
	t->str_off = t->st_off + t->st_size;
	t->str_size = size_str;
	for (i = 0; i < nrsv; i++)
		mem_move(t->buf + t->rsv_off + i * RSV_ENTRY, b + off_rsv + i * RSV_ENTRY, RSV_ENTRY);
	mem_zero(t->buf + t->rsv_off + nrsv * RSV_ENTRY, RSV_ENTRY);
	mem_move(t->buf + t->st_off, b + off_st, size_st);
	mem_move(t->buf + t->str_off, b + off_str, size_str);
	sync_header(t);
	return 0;
}

size_t fdt_totalsize(const struct fdt *t)
{
	return t && t->buf ? (size_t)t->str_off + t->str_size : 0;
}

int fdt_finish(struct fdt *t)
{
	if (!t || !t->buf)
		return FDT_ERR_BADARG;
	sync_header(t);
	return 0;
}

/* ---- reading ---- */

/* Offset of the root node: the first BEGIN_NODE (NOPs may precede it). */
static int root_node(const struct fdt *t)
{
	struct view v = tree_view(t);
	uint32_t off = 0, tag, next;
	int err;

	for (;;) {
		err = next_tok(&v, off, &tag, &next);
		if (err)
			return err;
		if (tag == TOK_BEGIN_NODE)
			return (int)off;
		if (tag != TOK_NOP)
			return FDT_ERR_BADSTRUCT;
		off = next;
	}
}

/* 0 if node is the offset of a BEGIN_NODE token reached by walking the block from its start. */
static int check_node(const struct fdt *t, int node)
{
	struct view v;
	uint32_t off = 0, tag, next;
	int err;

	if (!t || !t->buf)
		return FDT_ERR_BADARG;
	v = tree_view(t);
	if (node < 0 || (uint32_t)node >= t->st_size || (node & 3))
		return FDT_ERR_BADOFFSET;
	while (off < (uint32_t)node) {
		err = next_tok(&v, off, &tag, &next);
		if (err)
			return err;
		if (tag == TOK_END)
			return FDT_ERR_BADOFFSET;
		off = next;
	}
	if (off != (uint32_t)node)
		return FDT_ERR_BADOFFSET;
	err = next_tok(&v, off, &tag, &next);
	if (err)
		return err;
	return tag == TOK_BEGIN_NODE ? 0 : FDT_ERR_BADOFFSET;
}

/* Offset of the first token after node's name. */
static int node_body(const struct view *v, int node)
{
	uint32_t tag, next;
	int err = next_tok(v, (uint32_t)node, &tag, &next);

	if (err)
		return err;
	return tag == TOK_BEGIN_NODE ? (int)next : FDT_ERR_BADOFFSET;
}

/*
 * Find property name in node (already checked). *prop gets the PROP token's offset or -1;
 * *props_end gets the offset where a new property goes (after the last property, before the
 * first subnode or END_NODE).
 */
static int find_prop(const struct fdt *t, int node, const char *name, int *prop, int *props_end)
{
	struct view v = tree_view(t);
	size_t nlen = str_len(name);
	uint32_t off, tag, next;
	int err, body = node_body(&v, node);

	if (body < 0)
		return body;
	*prop = -1;
	for (off = (uint32_t)body;; off = next) {
		err = next_tok(&v, off, &tag, &next);
		if (err)
			return err;
		if (tag == TOK_NOP)
			continue;
		if (tag != TOK_PROP)
			break;
		if (*prop < 0) {
			const uint8_t *pn = v.str + rd32(v.st + off + 8);
			uint32_t room = v.str_size - rd32(v.st + off + 8);

			if (nlen < room && !mem_cmp(pn, name, nlen + 1))
				*prop = (int)off;
		}
	}
	if (tag != TOK_BEGIN_NODE && tag != TOK_END_NODE)
		return FDT_ERR_BADSTRUCT;
	*props_end = (int)off;
	return 0;
}

/* Offset just past node's END_NODE. */
static int node_end(const struct fdt *t, int node)
{
	struct view v = tree_view(t);
	uint32_t off = (uint32_t)node, tag, next, depth = 0;
	int err;

	for (;; off = next) {
		err = next_tok(&v, off, &tag, &next);
		if (err)
			return err;
		if (tag == TOK_BEGIN_NODE) {
			depth++;
		} else if (tag == TOK_END_NODE) {
			if (depth == 0)
				return FDT_ERR_UNBALANCED;
			if (--depth == 0)
				return (int)next;
		} else if (tag == TOK_END) {
			return FDT_ERR_UNBALANCED;
		}
	}
}

/* From off, skip NOPs (and, if props, properties): a BEGIN_NODE there is a node, else none. */
static int node_at(const struct fdt *t, int off, bool props)
{
	struct view v = tree_view(t);
	uint32_t tag, next;
	int err;

	for (;; off = (int)next) {
		err = next_tok(&v, (uint32_t)off, &tag, &next);
		if (err)
			return err;
		if (tag == TOK_NOP || (props && tag == TOK_PROP))
			continue;
		if (tag == TOK_BEGIN_NODE)
			return off;
		if (tag == TOK_END_NODE || tag == TOK_END)
			return FDT_ERR_NOTFOUND;
		return FDT_ERR_BADSTRUCT;
	}
}

/* Children of a node already known to be one (no O(n) check_node in the loops). */
static int first_sub(const struct fdt *t, int node)
{
	struct view v = tree_view(t);
	int body = node_body(&v, node);

	return body < 0 ? body : node_at(t, body, true);
}

static int next_sub(const struct fdt *t, int node)
{
	int end = node_end(t, node);

	return end < 0 ? end : node_at(t, end, false);
}

int fdt_first_subnode(const struct fdt *t, int node)
{
	int err = check_node(t, node);

	return err ? err : first_sub(t, node);
}

int fdt_next_subnode(const struct fdt *t, int node)
{
	int err = check_node(t, node);

	return err ? err : next_sub(t, node);
}

const char *fdt_node_name(const struct fdt *t, int node, int *len)
{
	int err = check_node(t, node);
	const char *name;

	if (err) {
		if (len)
			*len = err;
		return NULL;
	}
	name = (const char *)t->buf + t->st_off + node + 4;
	if (len)
		*len = (int)str_len(name); /* terminated inside the block: next_tok checked */
	return name;
}

const void *fdt_getprop(const struct fdt *t, int node, const char *name, int *len)
{
	int err, prop, end;

	err = name ? check_node(t, node) : FDT_ERR_BADARG;
	if (!err)
		err = find_prop(t, node, name, &prop, &end);
	if (!err && prop < 0)
		err = FDT_ERR_NOTFOUND;
	if (err) {
		if (len)
			*len = err;
		return NULL;
	}
	if (len)
		*len = (int)rd32(t->buf + t->st_off + prop + 4);
	return t->buf + t->st_off + prop + 12;
}

/* Does a child name match path component c[0..n)? 2 = exactly, 1 = by name without @unit. */
static int name_match(const char *name, const char *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (name[i] != c[i])
			return 0;
	if (name[n] == '\0')
		return 2;
	if (name[n] == '@') {
		for (i = 0; i < n; i++)
			if (c[i] == '@')
				return 0;
		return 1;
	}
	return 0;
}

int fdt_find_node(const struct fdt *t, const char *path)
{
	const char *p = path;
	int node, child, loose, m;
	size_t n;

	if (!t || !t->buf || !path)
		return FDT_ERR_BADARG;
	if (*p != '/')
		return FDT_ERR_BADPATH;
	node = root_node(t);
	while (node >= 0) {
		while (*p == '/')
			p++;
		if (!*p)
			return node;
		for (n = 0; p[n] && p[n] != '/'; n++)
			;
		if (n > FDT_MAX_NAME)
			return FDT_ERR_BADPATH;
		loose = FDT_ERR_NOTFOUND;
		for (child = first_sub(t, node); child >= 0; child = next_sub(t, child)) {
			m = name_match((const char *)t->buf + t->st_off + child + 4, p, n);
			if (m == 2)
				break;
			if (m == 1 && loose < 0)
				loose = child;
		}
		if (child == FDT_ERR_NOTFOUND)
			child = loose;
		node = child;
		p += n;
	}
	return node;
}

/* ---- editing ---- */

static bool aliases_buf(const struct fdt *t, const void *p, size_t n)
{
	return ranges_overlap(t->buf, t->bufsize, p, n);
}

static bool room_for(const struct fdt *t, uint64_t grow)
{
	return (uint64_t)t->str_off + t->str_size + grow <= t->bufsize;
}

/*
 * Replace oldlen bytes at absolute offset at with newlen bytes (contents undefined), moving the
 * rest of the blob. The caller has checked the room and adjusts the block fields.
 */
static void splice(struct fdt *t, uint32_t at, uint32_t oldlen, uint32_t newlen)
{
	uint32_t total = t->str_off + t->str_size;

	mem_move(t->buf + at + newlen, t->buf + at + oldlen, total - at - oldlen);
}

/* Splice inside the structure block; the strings block moves. */
static void st_splice(struct fdt *t, uint32_t off, uint32_t oldlen, uint32_t newlen)
{
	splice(t, t->st_off + off, oldlen, newlen);
	t->st_size = t->st_size - oldlen + newlen;
	t->str_off = t->str_off - oldlen + newlen;
}

/* Offset of name\0 in the strings block (possibly the tail of a longer name), or -1. */
static int64_t find_string(const struct fdt *t, const char *name, size_t nlen)
{
	const uint8_t *s = t->buf + t->str_off;
	uint32_t i;

	if (nlen + 1 > t->str_size)
		return -1;
	for (i = 0; i + nlen + 1 <= t->str_size; i++)
		if (!mem_cmp(s + i, name, nlen + 1))
			return i;
	return -1;
}

static int check_name(const struct fdt *t, const char *name, bool node)
{
	size_t n, i;

	if (!name)
		return FDT_ERR_BADARG;
	n = str_len(name);
	if (aliases_buf(t, name, n + 1))
		return FDT_ERR_BADARG;
	if (n == 0 || n > FDT_MAX_NAME)
		return FDT_ERR_BADNAME;
	for (i = 0; node && i < n; i++)
		if (name[i] == '/')
			return FDT_ERR_BADNAME;
	return 0;
}

int fdt_setprop(struct fdt *t, int node, const char *name, const void *val, int len)
{
	uint32_t newpad, oldpad, oldlen, nlen, at;
	int64_t so;
	int err, prop, end;
	uint8_t *p;

	if (!t || !t->buf)
		return FDT_ERR_BADARG;
	err = check_name(t, name, false);
	if (err)
		return err;
	if (len < 0 || (len > 0 && !val) || (len > 0 && aliases_buf(t, val, (size_t)len)))
		return FDT_ERR_BADARG;
	err = check_node(t, node);
	if (!err)
		err = find_prop(t, node, name, &prop, &end);
	if (err)
		return err;
	newpad = (uint32_t)align4((uint32_t)len);

	if (prop >= 0) {
		/* replace the value in place, growing or shrinking it */
		oldlen = rd32(t->buf + t->st_off + prop + 4);
		oldpad = (uint32_t)align4(oldlen);
		if (newpad > oldpad && !room_for(t, newpad - oldpad))
			return FDT_ERR_NOSPACE;
		at = (uint32_t)prop + 12;
		st_splice(t, at, oldpad, newpad);
	} else {
		/* new property after the last one; its name appended to the strings if new */
		nlen = (uint32_t)str_len(name);
		so = find_string(t, name, nlen);
		if (!room_for(t, 12 + (uint64_t)newpad + (so < 0 ? nlen + 1 : 0)))
			return FDT_ERR_NOSPACE;
		if (so < 0) {
			so = t->str_size;
			mem_move(t->buf + t->str_off + t->str_size, name, nlen + 1);
			t->str_size += nlen + 1;
		}
		st_splice(t, (uint32_t)end, 0, 12 + newpad);
		p = t->buf + t->st_off + end;
		wr32(p, TOK_PROP);
		wr32(p + 8, (uint32_t)so);
		at = (uint32_t)end + 12;
	}
	p = t->buf + t->st_off + at;
	wr32(p - 8, (uint32_t)len);
	if (len)
		mem_move(p, val, (size_t)len);
	mem_zero(p + len, newpad - (uint32_t)len);
	sync_header(t);
	return 0;
}

int fdt_setprop_u32(struct fdt *t, int node, const char *name, uint32_t val)
{
	uint8_t b[4];

	wr32(b, val);
	return fdt_setprop(t, node, name, b, sizeof(b));
}

int fdt_setprop_u64(struct fdt *t, int node, const char *name, uint64_t val)
{
	uint8_t b[8];

	wr64(b, val);
	return fdt_setprop(t, node, name, b, sizeof(b));
}

int fdt_setprop_string(struct fdt *t, int node, const char *name, const char *str)
{
	if (!str)
		return FDT_ERR_BADARG;
	if (str_len(str) >= MAX_SIZE)
		return FDT_ERR_NOSPACE;
	return fdt_setprop(t, node, name, str, (int)str_len(str) + 1);
}

int fdt_setprop_empty(struct fdt *t, int node, const char *name)
{
	return fdt_setprop(t, node, name, NULL, 0);
}

int fdt_delprop(struct fdt *t, int node, const char *name)
{
	int err, prop, end;

	if (!t || !t->buf || !name)
		return FDT_ERR_BADARG;
	err = check_node(t, node);
	if (!err)
		err = find_prop(t, node, name, &prop, &end);
	if (err)
		return err;
	if (prop < 0)
		return FDT_ERR_NOTFOUND;
	st_splice(t, (uint32_t)prop, 12 + (uint32_t)align4(rd32(t->buf + t->st_off + prop + 4)), 0);
	sync_header(t);
	return 0;
}

int fdt_add_subnode(struct fdt *t, int parent, const char *name)
{
	uint32_t nlen, size;
	int err, child, end;
	uint8_t *p;

	if (!t || !t->buf)
		return FDT_ERR_BADARG;
	err = check_name(t, name, true);
	if (!err)
		err = check_node(t, parent);
	if (err)
		return err;
	nlen = (uint32_t)str_len(name);
	for (child = first_sub(t, parent); child >= 0; child = next_sub(t, child))
		if (name_match((const char *)t->buf + t->st_off + child + 4, name, nlen) == 2)
			return FDT_ERR_EXISTS;
	if (child != FDT_ERR_NOTFOUND)
		return child;
	end = node_end(t, parent);
	if (end < 0)
		return end;
	end -= 4; /* the parent's END_NODE: the new child goes just before it */
	size = 4 + (uint32_t)align4(nlen + 1) + 4;
	if (!room_for(t, size))
		return FDT_ERR_NOSPACE;
	st_splice(t, (uint32_t)end, 0, size);
	p = t->buf + t->st_off + end;
	wr32(p, TOK_BEGIN_NODE);
	mem_zero(p + 4, size - 8);
	mem_move(p + 4, name, nlen);
	wr32(p + size - 4, TOK_END_NODE);
	sync_header(t);
	return end;
}

int fdt_add_mem_rsv(struct fdt *t, uint64_t addr, uint64_t size)
{
	uint32_t at;

	if (!t || !t->buf || size == 0)
		return FDT_ERR_BADARG;
	if (!room_for(t, RSV_ENTRY))
		return FDT_ERR_NOSPACE;
	at = t->rsv_off + t->rsv_size - RSV_ENTRY; /* before the terminator */
	splice(t, at, 0, RSV_ENTRY);
	wr64(t->buf + at, addr);
	wr64(t->buf + at + 8, size);
	t->rsv_size += RSV_ENTRY;
	t->st_off += RSV_ENTRY;
	t->str_off += RSV_ENTRY;
	sync_header(t);
	return 0;
}

int fdt_num_mem_rsv(const struct fdt *t)
{
	if (!t || !t->buf)
		return FDT_ERR_BADARG;
	return (int)(t->rsv_size / RSV_ENTRY) - 1;
}

int fdt_get_mem_rsv(const struct fdt *t, int idx, uint64_t *addr, uint64_t *size)
{
	const uint8_t *e;

	if (!t || !t->buf || !addr || !size)
		return FDT_ERR_BADARG;
	if (idx < 0 || idx >= fdt_num_mem_rsv(t))
		return FDT_ERR_NOTFOUND;
	e = t->buf + t->rsv_off + (uint32_t)idx * RSV_ENTRY;
	*addr = rd64(e);
	*size = rd64(e + 8);
	return 0;
}
