// SPDX-License-Identifier: GPL-2.0-only
/*
 * hostile: a hostile client of the board's firmware, for tests.
 *
 * It writes frames straight into the channels' shared memory (the board's fixed addresses,
 * board/board.h) and rings the doorbells itself with arm_smccc_1_1_invoke(): arm_scpi,
 * arm_scmi and the mailbox driver never see any of it. Use it only on a channel no Linux
 * driver is using at that moment (scmi-smc has no Linux user; the SCPI channels only while
 * arm_scpi is idle).
 *
 *   echo "frames scmi|scpi [CHANNEL]" > /sys/kernel/debug/hostile/run
 *	malformed frames, each checked against docs/abi.md and the protocol servers: x0, the
 *	reply in shared memory (status, length, echoed header or command, nothing else
 *	written), and the exact move of DIAG_COUNTERS (served, errors, malformed).
 *	Default channels: scmi-smc for SCMI, both SCPI channels for SCPI.
 *   echo "hammer CHANNEL RINGS bad|mixed SEED" > /sys/kernel/debug/hostile/run
 *	one CPU rings CHANNEL's doorbell RINGS times while a thread on another CPU writes
 *	random words into the region. "bad": every frame the firmware can copy is invalid by
 *	construction (a reserved bit stays set), so every served doorbell must be a protocol
 *	error; "mixed": before every other ring the ringing CPU writes a valid read-only
 *	request, which the hammer corrupts at random. Either way each doorbell must be accounted for
 *	exactly once in DIAG_COUNTERS and x0 must be SUCCESS or (SCMI) INVALID_PARAMETERS.
 *   echo "regs CALLS SEED" > /sys/kernel/debug/hostile/run
 *	random x1..x6 on every doorbell the hostile client may use: the shared-memory
 *	doorbells must ignore them (same reply as with zeros), the register-mode test channel
 *	must echo x1, x2 (low 32 bits) and count; the SMC64 twins and neighbouring function
 *	numbers must be NOT_SUPPORTED and move no counter.
 *   cat /sys/kernel/debug/hostile/result
 *	"ok NAME" or "FAIL NAME: why" per case, then "figure: value" lines.
 *
 * The write fails with -EIO when a case failed. Test-only: it lets root scribble over
 * firmware-shared memory, which is the point.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm-smccc.h>
#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/math64.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "board.h"

/* ---- the board's channels (board/board.h), in DIAG_COUNTERS index order ---- */

struct hchan {
	const char *name;
	u32 fid;
	u32 offset;
	u32 size;
	enum board_service service;
};

#define HCHAN(id, dt_name, fid_, off, sz, svc) \
	{ .name = dt_name, .fid = fid_, .offset = off, .size = sz, .service = svc },
static const struct hchan hchans[] = { BOARD_CHANNELS(HCHAN) };

/* SMCCC x0 as Linux sees it: the firmware sign-extends SMC32 results. */
#define RET_SUCCESS		0L
#define RET_NOT_SUPPORTED	(-1L)
#define RET_INVALID_PARAMS	(-2L)

/* ---- SCMI shared-memory transport (SMT) and messages, from the specification ---- */

#define SMT_CHANNEL_STATUS	0x04
#define SMT_FLAGS		0x10
#define SMT_LENGTH		0x14
#define SMT_HEADER		0x18
#define SMT_PAYLOAD		0x1c
#define SMT_FREE		BIT(0)
#define SMT_ERROR		BIT(1)

#define SCMI_HDR(msg, type, proto, token) \
	((u32)(msg) | (u32)(type) << 8 | (u32)(proto) << 10 | (u32)(token) << 18)
#define SCMI_TOKEN(h)		(((h) >> 18) & 0x3ff)

#define SCMI_BASE		0x10
#define SCMI_POWER		0x11
#define SCMI_SYSTEM		0x12
#define SCMI_PERF		0x13
#define SCMI_CLOCK		0x14
#define SCMI_SENSOR		0x15

#define SCMI_SUCCESS		0
#define SCMI_NOT_SUPPORTED	(-1)
#define SCMI_NOT_FOUND		(-4)
#define SCMI_PROTOCOL_ERROR	(-10)

#define SCMI_BASE_VERSION	0x20000	/* what the firmware's base protocol reports */
#define SCMI_REQ_COPY		128	/* the firmware copies at most this much payload */

/* ---- SCPI 1.x: request at size / 2, reply at 0; {le32 command, le32 status, payload} ---- */

#define SCPI_CMD(id, token, size)	((u32)(id) | (u32)(token) << 8 | (u32)(size) << 16)
#define SCPI_ID(c)		((c) & 0x7f)
#define SCPI_TOKEN(c)		(((c) >> 8) & 0xff)
#define SCPI_SIZE(c)		(((c) >> 16) & 0x1ff)
#define SCPI_RESERVED		0xfe000080U

#define SCPI_CAPABILITIES	0x02
#define SCPI_GET_CLOCK_INFO	0x0e
#define SCPI_GET_CLOCK_VALUE	0x10
#define SCPI_GET_DVFS		0x0b
#define SCPI_SENSOR_CAPS	0x15
#define SCPI_SENSOR_VALUE	0x17

#define SCPI_OK			0
#define SCPI_ERR_PARAM		1
#define SCPI_ERR_SIZE		3
#define SCPI_ERR_SUPPORT	10

/* ---- the run: output buffer, verdicts, figures ---- */

#define RESULT_SIZE	(64 * 1024)

static DEFINE_MUTEX(hostile_lock);
static char *result;
static size_t result_len;
static void __iomem *shmem;		/* the whole BOARD_SHMEM window */
static struct dentry *hostile_dir;

struct run {
	unsigned int cases, failed;
	u64 frames;		/* doorbells rung */
};

static __printf(1, 2) void out(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	result_len += vscnprintf(result + result_len, RESULT_SIZE - result_len, fmt, ap);
	va_end(ap);
}

/* One case's verdict: @why is NULL when it passed. */
static void verdict(struct run *r, const char *name, const char *why)
{
	r->cases++;
	if (why) {
		r->failed++;
		out("FAIL %s: %s\n", name, why);
	} else {
		out("ok %s\n", name);
	}
}

static u64 rng_next(u64 *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

static void __iomem *region(const struct hchan *c)
{
	return shmem + c->offset;
}

static long ring6(const struct hchan *c, const unsigned long *a, struct arm_smccc_res *res)
{
	arm_smccc_1_1_invoke(c->fid, a[0], a[1], a[2], a[3], a[4], a[5], 0, res);
	return (long)res->a0;
}

static long ring(struct run *r, const struct hchan *c)
{
	static const unsigned long zero[6];
	struct arm_smccc_res res;

	r->frames++;
	return ring6(c, zero, &res);
}

struct counters {
	u32 served, errors, malformed;
};

/* DIAG_COUNTERS: SMC32, so each counter is its low 32 bits; deltas are taken mod 2^32. */
static int counters(unsigned int idx, struct counters *c)
{
	struct arm_smccc_res res;

	arm_smccc_1_1_invoke(BOARD_FID_DIAG_COUNTERS, idx, 0, 0, 0, 0, 0, 0, &res);
	c->served = res.a1;
	c->errors = res.a2;
	c->malformed = res.a3;
	return (long)res.a0 == RET_SUCCESS ? 0 : -EIO;
}

/* Did the counters move by exactly (served, errors, malformed)? */
static const char *counters_moved(unsigned int idx, const struct counters *before, u32 served,
				  u32 errors, u32 malformed, char *why, size_t n)
{
	struct counters now;

	if (counters(idx, &now)) {
		snprintf(why, n, "DIAG_COUNTERS failed");
		return why;
	}
	if (now.served - before->served == served && now.errors - before->errors == errors &&
	    now.malformed - before->malformed == malformed)
		return NULL;
	snprintf(why, n, "counters moved served +%u errors +%u malformed +%u, expected +%u +%u +%u",
		 now.served - before->served, now.errors - before->errors,
		 now.malformed - before->malformed, served, errors, malformed);
	return why;
}

static const struct hchan *find_chan(const char *name, unsigned int *idx)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hchans); i++) {
		if (!strcmp(hchans[i].name, name)) {
			*idx = i;
			return &hchans[i];
		}
	}
	return NULL;
}

/* ---- SCMI frames ---- */

/* What the agent leaves before ringing, and what must come back. */
struct scmi_case {
	const char *name;
	u32 length;		/* the length field (4 + payload for a sane agent) */
	u32 header;
	u32 words[4];		/* payload words, always written ... */
	u32 fill;		/* ... then this many more bytes of 0x3c */
	u32 status_word;	/* channel_status as the agent leaves it */
	u32 flags;
	bool twice;		/* ring the same frame twice (token reuse) */
	long x0;		/* RET_SUCCESS or RET_INVALID_PARAMS */
	s32 status;		/* SCMI status when served */
	int out;		/* reply payload bytes after the status; -1: any */
};

/* 4 + payload, for a frame whose length the case does not abuse. */
#define LEN(n)	(4 + (n))

static const struct scmi_case scmi_cases[] = {
	/* a good frame first: the channel works before anything hostile happens */
	{ "good_base_version", LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 1), .x0 = RET_SUCCESS,
	  .status = SCMI_SUCCESS, .out = 4 },
	/* lengths that leave no header, run past the region or wrap: no reply at all */
	{ "length_0", 0, SCMI_HDR(0, 0, SCMI_BASE, 2), .x0 = RET_INVALID_PARAMS },
	{ "length_3", 3, SCMI_HDR(0, 0, SCMI_BASE, 3), .x0 = RET_INVALID_PARAMS },
	{ "length_ffffffff_wraps", 0xffffffff, SCMI_HDR(0, 0, SCMI_BASE, 4),
	  .x0 = RET_INVALID_PARAMS },
	{ "length_fffffffc_wraps", 0xfffffffc, SCMI_HDR(0, 0, SCMI_BASE, 5),
	  .x0 = RET_INVALID_PARAMS },
	{ "length_80000000", 0x80000000, SCMI_HDR(0, 0, SCMI_BASE, 6),
	  .x0 = RET_INVALID_PARAMS },
	{ "length_one_past_region", 0x1000 - SMT_HEADER + 1, SCMI_HDR(6, 0, SCMI_CLOCK, 7),
	  .x0 = RET_INVALID_PARAMS },
	{ "length_64k", 0x10000, SCMI_HDR(6, 0, SCMI_CLOCK, 8), .x0 = RET_INVALID_PARAMS },
	/* lengths inside the region that do not fit the message: PROTOCOL_ERROR */
	{ "short_rate_get_no_id", LEN(0), SCMI_HDR(6, 0, SCMI_CLOCK, 9),
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "short_rate_set_15_bytes", LEN(15), SCMI_HDR(5, 0, SCMI_CLOCK, 10), { 1, 0, 0, 0 },
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "oversized_version_with_payload", LEN(4), SCMI_HDR(0, 0, SCMI_BASE, 11), { 7 },
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "oversized_rate_get_200_bytes", LEN(200), SCMI_HDR(6, 0, SCMI_CLOCK, 12), { 1 },
	  .fill = 184, .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "payload_past_copy_buffer", LEN(SCMI_REQ_COPY + 64), SCMI_HDR(6, 0, SCMI_BASE, 13),
	  .fill = SCMI_REQ_COPY + 64 - 16, .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "largest_length_the_region_holds", 0x1000 - SMT_HEADER,
	  SCMI_HDR(6, 0, SCMI_CLOCK, 14), .fill = 0x1000 - SMT_PAYLOAD - 16,
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	/* header: reserved bits, message types other than command */
	{ "reserved_bit_28", LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 15) | BIT(28),
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "reserved_bits_all", LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 16) | 0xf0000000,
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "type_delayed_response", LEN(0), SCMI_HDR(0, 2, SCMI_BASE, 17),
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "type_notification", LEN(0), SCMI_HDR(0, 3, SCMI_BASE, 18),
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	{ "type_1", LEN(0), SCMI_HDR(0, 1, SCMI_BASE, 19),
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	/* unknown protocols (NOT_SUPPORTED) and messages (NOT_FOUND: docs/scmi-conformance.md) */
	{ "unknown_protocol_0", LEN(0), SCMI_HDR(0, 0, 0x00, 20),
	  .status = SCMI_NOT_SUPPORTED, .out = 0 },
	{ "unknown_protocol_system", LEN(0), SCMI_HDR(0, 0, SCMI_SYSTEM, 21),
	  .status = SCMI_NOT_SUPPORTED, .out = 0 },
	{ "unknown_protocol_ff", LEN(0), SCMI_HDR(0, 0, 0xff, 22),
	  .status = SCMI_NOT_SUPPORTED, .out = 0 },
	{ "unknown_message_clock_20", LEN(0), SCMI_HDR(0x20, 0, SCMI_CLOCK, 23),
	  .status = SCMI_NOT_FOUND, .out = 0 },
	{ "unknown_message_base_ff", LEN(0), SCMI_HDR(0xff, 0, SCMI_BASE, 24),
	  .status = SCMI_NOT_FOUND, .out = 0 },
	{ "unknown_message_sensor_7", LEN(4), SCMI_HDR(7, 0, SCMI_SENSOR, 25), { 0 },
	  .status = SCMI_NOT_FOUND, .out = 0 },
	/* a well-formed message naming nothing */
	{ "rate_get_clock_99", LEN(4), SCMI_HDR(6, 0, SCMI_CLOCK, 26), { 99 },
	  .status = SCMI_NOT_FOUND, .out = 0 },
	/* tokens: the platform echoes them and keeps no state about them */
	{ "token_0_echoed", LEN(0), SCMI_HDR(0, 0, SCMI_CLOCK, 0), .status = SCMI_SUCCESS,
	  .out = 4 },
	{ "token_3ff_echoed", LEN(0), SCMI_HDR(0, 0, SCMI_CLOCK, 0x3ff),
	  .status = SCMI_SUCCESS, .out = 4 },
	{ "token_reused_twice", LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 0x155), .twice = true,
	  .status = SCMI_SUCCESS, .out = 4 },
	{ "token_overflows_into_reserved", LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 0x3ff) | BIT(28),
	  .status = SCMI_PROTOCOL_ERROR, .out = 0 },
	/* transport words the agent got wrong: channel left busy with garbage, odd flags */
	{ "channel_status_garbage", LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 27),
	  .status_word = 0xfffffffc, .status = SCMI_SUCCESS, .out = 4 },
	{ "flags_garbage_untouched", LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 28),
	  .flags = 0xffffffff, .status = SCMI_SUCCESS, .out = 4 },
	/* and a good frame afterwards */
	{ "good_after_malformed", LEN(4), SCMI_HDR(6, 0, SCMI_CLOCK, 29), { 1 },
	  .status = SCMI_SUCCESS, .out = 8 },
};

static u8 *snap_before, *snap_after;

static void scmi_write_frame(void __iomem *m, u32 status_word, u32 flags, u32 length,
			     u32 header, const u32 *words, unsigned int nwords, u32 fill)
{
	unsigned int i;

	memset_io(m, 0x5a, 0x1000);		/* poison: any byte the firmware writes shows */
	writel(status_word, m + SMT_CHANNEL_STATUS);
	writel(flags, m + SMT_FLAGS);
	writel(length, m + SMT_LENGTH);
	writel(header, m + SMT_HEADER);
	for (i = 0; i < nwords; i++)
		writel(words[i], m + SMT_PAYLOAD + 4 * i);
	if (fill)
		memset_io(m + SMT_PAYLOAD + 4 * nwords, 0x3c, fill);
}

/* Nothing but [from, to) and the channel status changed between the snapshots. */
static const char *scmi_only_reply_written(size_t to, char *why, size_t n)
{
	size_t i;

	for (i = 0; i < 0x1000; i++) {
		if (i >= SMT_CHANNEL_STATUS && i < SMT_CHANNEL_STATUS + 4)
			continue;
		if (i >= SMT_LENGTH && i < to)
			continue;
		if (snap_before[i] != snap_after[i]) {
			snprintf(why, n, "byte 0x%zx written (0x%02x -> 0x%02x) outside the reply",
				 i, snap_before[i], snap_after[i]);
			return why;
		}
	}
	return NULL;
}

static const char *scmi_check(struct run *r, const struct hchan *c, unsigned int idx,
			      const struct scmi_case *t, char *why, size_t n)
{
	void __iomem *m = region(c);
	unsigned int k, rings = t->twice ? 2 : 1;
	u32 length, header, st, flags;
	struct counters before;
	s32 status;
	long x0;

	if (counters(idx, &before))
		return "DIAG_COUNTERS failed";

	for (k = 0; k < rings; k++) {
		scmi_write_frame(m, t->status_word, t->flags, t->length, t->header, t->words,
				 ARRAY_SIZE(t->words), t->fill);
		memcpy_fromio(snap_before, m, 0x1000);
		x0 = ring(r, c);
		memcpy_fromio(snap_after, m, 0x1000);
		st = readl(m + SMT_CHANNEL_STATUS);
		if (x0 != t->x0) {
			snprintf(why, n, "x0 %ld, expected %ld", x0, t->x0);
			return why;
		}
		if (x0 == RET_INVALID_PARAMS) {
			/* no reply: the channel handed back with the error bit, nothing else */
			if (st != (SMT_FREE | SMT_ERROR)) {
				snprintf(why, n, "channel status 0x%x, expected FREE|ERROR", st);
				return why;
			}
			if (scmi_only_reply_written(SMT_LENGTH, why, n))
				return why;
			continue;
		}
		length = readl(m + SMT_LENGTH);
		header = readl(m + SMT_HEADER);
		status = readl(m + SMT_PAYLOAD);
		flags = readl(m + SMT_FLAGS);
		if (st != SMT_FREE) {
			snprintf(why, n, "channel status 0x%x, expected FREE", st);
			return why;
		}
		if (header != t->header) {
			snprintf(why, n, "reply header 0x%08x does not echo 0x%08x (token %u)",
				 header, t->header, SCMI_TOKEN(t->header));
			return why;
		}
		if (status != t->status) {
			snprintf(why, n, "status %d, expected %d", status, t->status);
			return why;
		}
		if (t->out >= 0 && length != 8 + t->out) {
			snprintf(why, n, "reply length %u, expected %d", length, 8 + t->out);
			return why;
		}
		if (length < 8 || length > 8 + 128) {
			snprintf(why, n, "reply length %u outside 8..136", length);
			return why;
		}
		if (flags != t->flags) {
			snprintf(why, n, "flags 0x%x rewritten (were 0x%x)", flags, t->flags);
			return why;
		}
		if (scmi_only_reply_written(SMT_HEADER + length, why, n))
			return why;
		if (t->header == SCMI_HDR(0, 0, SCMI_BASE, 1) &&
		    readl(m + SMT_PAYLOAD + 4) != SCMI_BASE_VERSION) {
			snprintf(why, n, "base version 0x%x", readl(m + SMT_PAYLOAD + 4));
			return why;
		}
	}
	if (t->x0 == RET_INVALID_PARAMS)
		return counters_moved(idx, &before, 0, 0, rings, why, n);
	return counters_moved(idx, &before, rings, t->status ? rings : 0, 0, why, n);
}

static void scmi_frames(struct run *r, const struct hchan *c, unsigned int idx)
{
	char why[160], name[96];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(scmi_cases); i++) {
		snprintf(name, sizeof(name), "%s_%s", c->name, scmi_cases[i].name);
		verdict(r, name, scmi_check(r, c, idx, &scmi_cases[i], why, sizeof(why)));
	}
}

/* ---- SCPI frames ---- */

struct scpi_case {
	const char *name;
	u32 cmd;
	u8 payload[8];
	u32 status;		/* SCPI status expected */
	int size;		/* reply payload size expected; -1: any */
};

static const struct scpi_case scpi_cases[] = {
	{ "good_sensor_capabilities", SCPI_CMD(SCPI_SENSOR_CAPS, 1, 0), .status = SCPI_OK,
	  .size = 2 },
	/* unknown commands */
	{ "unknown_command_0", SCPI_CMD(0x00, 2, 0), .status = SCPI_ERR_SUPPORT },
	{ "unknown_command_scpi_ready", SCPI_CMD(0x01, 3, 0), .status = SCPI_ERR_SUPPORT },
	{ "unknown_command_1d", SCPI_CMD(0x1d, 4, 0), .status = SCPI_ERR_SUPPORT },
	{ "unknown_command_7f", SCPI_CMD(0x7f, 5, 4), .status = SCPI_ERR_SUPPORT },
	/* payload sizes that do not fit the command */
	{ "sensor_value_no_payload", SCPI_CMD(SCPI_SENSOR_VALUE, 6, 0),
	  .status = SCPI_ERR_SIZE },
	{ "sensor_value_3_bytes", SCPI_CMD(SCPI_SENSOR_VALUE, 7, 3), { 1, 0, 0 },
	  .status = SCPI_ERR_SIZE },
	{ "capabilities_with_payload", SCPI_CMD(SCPI_CAPABILITIES, 8, 4), { 1, 2, 3, 4 },
	  .status = SCPI_ERR_SIZE },
	/*
	 * The largest size field (9 bits, 511 bytes): with the board's 4 KiB regions it always
	 * fits the request half (2 KiB), so it is a size error, not a region overrun.
	 */
	{ "size_field_max_511", SCPI_CMD(SCPI_SENSOR_VALUE, 9, 0x1ff), .status = SCPI_ERR_SIZE },
	{ "size_field_max_unknown_command", SCPI_CMD(0x60, 10, 0x1ff),
	  .status = SCPI_ERR_SUPPORT },
	/* reserved bits of the command word */
	{ "reserved_bit_7", SCPI_CMD(SCPI_SENSOR_CAPS, 11, 0) | BIT(7),
	  .status = SCPI_ERR_PARAM },
	{ "reserved_bits_31_25", SCPI_CMD(SCPI_SENSOR_CAPS, 12, 0) | 0xfe000000,
	  .status = SCPI_ERR_PARAM },
	/* a well-formed command naming nothing */
	{ "sensor_value_id_999", SCPI_CMD(SCPI_SENSOR_VALUE, 13, 2), { 0xe7, 0x03 },
	  .status = SCPI_ERR_PARAM },
	/* tokens are echoed, whatever they are */
	{ "token_0_echoed", SCPI_CMD(SCPI_SENSOR_CAPS, 0, 0), .status = SCPI_OK, .size = 2 },
	{ "token_ff_echoed", SCPI_CMD(SCPI_SENSOR_CAPS, 0xff, 0), .status = SCPI_OK,
	  .size = 2 },
	/* and a good frame afterwards */
	{ "good_after_malformed", SCPI_CMD(SCPI_GET_CLOCK_INFO, 14, 2), { 1, 0 },
	  .status = SCPI_OK, .size = 32 },
};

static const char *scpi_check(struct run *r, const struct hchan *c, unsigned int idx,
			      const struct scpi_case *t, char *why, size_t n)
{
	void __iomem *m = region(c);
	size_t half = c->size / 2, i, end;
	struct counters before;
	u32 cmd, status;
	long x0;

	if (counters(idx, &before))
		return "DIAG_COUNTERS failed";
	memset_io(m, 0x5a, c->size);
	writel(t->cmd, m + half);
	writel(0xdeadbeef, m + half + 4);	/* Linux leaves the request's status stale */
	memcpy_toio(m + half + 8, t->payload, sizeof(t->payload));
	memcpy_fromio(snap_before, m, c->size);
	x0 = ring(r, c);
	memcpy_fromio(snap_after, m, c->size);
	if (x0 != RET_SUCCESS) {
		snprintf(why, n, "x0 %ld, expected 0 (a 4 KiB region always gets a reply)", x0);
		return why;
	}
	cmd = readl(m);
	status = readl(m + 4);
	if (SCPI_ID(cmd) != SCPI_ID(t->cmd) || SCPI_TOKEN(cmd) != SCPI_TOKEN(t->cmd) ||
	    (cmd & SCPI_RESERVED)) {
		snprintf(why, n, "reply command 0x%08x does not answer 0x%08x", cmd, t->cmd);
		return why;
	}
	if (status != t->status) {
		snprintf(why, n, "status %u, expected %u", status, t->status);
		return why;
	}
	if (status != SCPI_OK && SCPI_SIZE(cmd)) {
		snprintf(why, n, "error reply carries %u bytes", SCPI_SIZE(cmd));
		return why;
	}
	if (t->size >= 0 && status == SCPI_OK && SCPI_SIZE(cmd) != t->size) {
		snprintf(why, n, "reply size %u, expected %d", SCPI_SIZE(cmd), t->size);
		return why;
	}
	end = 8 + SCPI_SIZE(cmd);
	for (i = end; i < c->size; i++) {
		if (snap_before[i] != snap_after[i]) {
			snprintf(why, n, "byte 0x%zx written outside the reply%s", i,
				 i >= half ? " (request half)" : "");
			return why;
		}
	}
	return counters_moved(idx, &before, 1, status ? 1 : 0, 0, why, n);
}

static void scpi_frames(struct run *r, const struct hchan *c, unsigned int idx)
{
	char why[160], name[96];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(scpi_cases); i++) {
		snprintf(name, sizeof(name), "%s_%s", c->name, scpi_cases[i].name);
		verdict(r, name, scpi_check(r, c, idx, &scpi_cases[i], why, sizeof(why)));
	}
}

/* ---- the hammer: one CPU rings, another rewrites the region ---- */

struct hammer {
	const struct hchan *c;
	bool bad;		/* keep every frame invalid by construction */
	u64 seed;
	u64 rings;
	/* hammer thread: runs until kthread_stop() */
	struct completion started, ringer_done;
	u64 iterations;
	/* ringer thread */
	u64 ring_start_iters, ring_end_iters;
	u64 served, malformed, other, ns;
	long first_other;
	unsigned int ringer_cpu, hammer_cpu;
};

/* Where the firmware reads: SCMI's SMT header and the payload it copies; SCPI's request. */
static void hammer_window(const struct hammer *h, u32 *from, u32 *len)
{
	if (h->c->service == SERVICE_SCMI) {
		*from = 0;
		*len = SMT_PAYLOAD + SCMI_REQ_COPY;
	} else {
		*from = h->c->size / 2;
		*len = 8 + 0x200;
	}
}

/* "bad" mode keeps one bit of one word set: SCMI header bit 28, SCPI command bit 7. */
static u32 hammer_keep_bad(const struct hammer *h, u32 word_off)
{
	if (!h->bad)
		return 0;
	if (h->c->service == SERVICE_SCMI && word_off == SMT_HEADER)
		return BIT(28);
	if (h->c->service == SERVICE_SCPI && word_off == h->c->size / 2)
		return BIT(7);
	return 0;
}

static int hammer_thread(void *data)
{
	struct hammer *h = data;
	void __iomem *m = region(h->c);
	u64 s = h->seed ^ 0x5deece66dULL, v;
	u32 from, len, off;

	hammer_window(h, &from, &len);
	complete(&h->started);
	while (!kthread_should_stop()) {
		v = rng_next(&s);
		off = from + ((u32)(v >> 32) % (len / 4)) * 4;
		/* SCMI lengths mostly small, so that frames get past the length check */
		if (off == SMT_LENGTH && h->c->service == SERVICE_SCMI && (v & 0x7000))
			v &= 0xff;
		writel((u32)v | hammer_keep_bad(h, off), m + off);
		if (!(v & 0xf00)) {	/* now and then a byte anywhere in the region */
			div_u64_rem(v >> 12, h->c->size, &off);
			if (!hammer_keep_bad(h, off & ~3U))
				writeb(v >> 40, m + off);
		}
		WRITE_ONCE(h->iterations, h->iterations + 1);
		if (!(h->iterations & 1023))
			cond_resched();
	}
	return 0;
}

/*
 * Valid requests that only read (mixed mode): to reach a handler that changes state, the
 * hammer would have to forge an exact length (SCMI) or size field and clear reserved bits
 * (SCPI) at the right moment, one chance in 2^24 or less a write.
 */
static void hammer_good_frame(struct hammer *h, void __iomem *m, u64 v)
{
	static const u8 scpi_ids[] = { SCPI_SENSOR_VALUE, SCPI_GET_CLOCK_VALUE, SCPI_GET_DVFS };
	static const u8 scmi_proto[] = { SCMI_CLOCK, SCMI_SENSOR, SCMI_PERF, SCMI_POWER };
	/* RATE_GET, DESCRIPTION_GET, LEVEL_GET, STATE_GET */
	static const u8 scmi_msg[] = { 6, 3, 8, 5 };
	unsigned int k;

	if (h->c->service == SERVICE_SCMI) {
		div_u64_rem(v, ARRAY_SIZE(scmi_proto), &k);
		writel(SMT_FREE, m + SMT_CHANNEL_STATUS);
		writel(LEN(4), m + SMT_LENGTH);
		writel(SCMI_HDR(scmi_msg[k], 0, scmi_proto[k], (v >> 8) & 0x3ff), m + SMT_HEADER);
		writel((v >> 20) % 2, m + SMT_PAYLOAD);
	} else {
		div_u64_rem(v, ARRAY_SIZE(scpi_ids), &k);
		writel(SCPI_CMD(scpi_ids[k], (v >> 8) & 0xff, k == 2 ? 1 : 2), m + h->c->size / 2);
		writel((v >> 20) % 2, m + h->c->size / 2 + 8);
	}
}

static int ringer_thread(void *data)
{
	struct hammer *h = data;
	void __iomem *m = region(h->c);
	static const unsigned long zero[6];
	struct arm_smccc_res res;
	u64 s = h->seed, i, t0;
	long x0;

	wait_for_completion(&h->started);
	h->ring_start_iters = READ_ONCE(h->iterations);
	t0 = ktime_get_ns();
	for (i = 0; i < h->rings; i++) {
		/* half the doorbells on a fresh valid frame, half on what the hammer left */
		if (!h->bad && (rng_next(&s) & 1))
			hammer_good_frame(h, m, rng_next(&s));
		x0 = ring6(h->c, zero, &res);
		if (x0 == RET_SUCCESS) {
			h->served++;
		} else if (x0 == RET_INVALID_PARAMS && h->c->service == SERVICE_SCMI) {
			h->malformed++;
		} else {
			if (!h->other)
				h->first_other = x0;
			h->other++;
		}
		if (!(i & 255))
			cond_resched();
	}
	h->ns = ktime_get_ns() - t0;
	h->ring_end_iters = READ_ONCE(h->iterations);
	complete(&h->ringer_done);
	return 0;
}

/* Start @fn bound to @cpu, holding a reference so that kthread_stop() may follow its exit. */
static struct task_struct *start_on(int (*fn)(void *), struct hammer *h, unsigned int cpu,
				    const char *what)
{
	struct task_struct *t;

	t = kthread_create(fn, h, "hostile/%s", what);
	if (IS_ERR(t))
		return t;
	get_task_struct(t);
	kthread_bind(t, cpu);
	wake_up_process(t);
	return t;
}

/* Wait until @t has exited (kthread_stop() returns only then), drop our reference. */
static void stop_thread(struct task_struct *t)
{
	kthread_stop(t);
	put_task_struct(t);
}

static int hammer_run(struct run *r, unsigned int idx, u64 rings, bool bad, u64 seed)
{
	const struct hchan *c = &hchans[idx];
	struct task_struct *hammer_task, *ringer_task;
	struct counters before;
	char why[160], name[96];
	struct hammer *h;
	const char *fail = NULL;
	u64 during;

	if (c->service != SERVICE_SCMI && c->service != SERVICE_SCPI)
		return -EINVAL;
	h = kzalloc(sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	h->c = c;
	h->bad = bad;
	h->seed = seed ?: 1;
	h->rings = rings;
	init_completion(&h->started);
	init_completion(&h->ringer_done);

	/* The region starts with a frame that is already invalid in "bad" mode. */
	if (c->service == SERVICE_SCMI) {
		scmi_write_frame(region(c), SMT_FREE, 0, LEN(0), SCMI_HDR(0, 0, SCMI_BASE, 0) |
				 (bad ? BIT(28) : 0), NULL, 0, 0);
	} else {
		memset_io(region(c), 0x5a, c->size);
		writel(SCPI_CMD(SCPI_SENSOR_CAPS, 0, 0) | (bad ? BIT(7) : 0),
		       region(c) + c->size / 2);
	}

	cpus_read_lock();
	h->ringer_cpu = cpumask_first(cpu_online_mask);
	h->hammer_cpu = cpumask_next(h->ringer_cpu, cpu_online_mask);
	cpus_read_unlock();
	if (h->hammer_cpu >= nr_cpu_ids) {
		kfree(h);
		return -ENODEV;		/* needs two CPUs */
	}
	if (counters(idx, &before)) {
		kfree(h);
		return -EIO;
	}
	hammer_task = start_on(hammer_thread, h, h->hammer_cpu, "hammer");
	if (IS_ERR(hammer_task)) {
		kfree(h);
		return PTR_ERR(hammer_task);
	}
	ringer_task = start_on(ringer_thread, h, h->ringer_cpu, "ringer");
	if (IS_ERR(ringer_task)) {
		stop_thread(hammer_task);
		kfree(h);
		return PTR_ERR(ringer_task);
	}
	wait_for_completion(&h->ringer_done);
	stop_thread(ringer_task);
	stop_thread(hammer_task);
	r->frames += h->rings;

	during = h->ring_end_iters - h->ring_start_iters;
	snprintf(name, sizeof(name), "hammer_%s_%s", c->name, bad ? "bad" : "mixed");
	if (h->other) {
		snprintf(why, sizeof(why), "%llu doorbells returned %ld or another unexpected x0",
			 h->other, h->first_other);
		fail = why;
	} else if (!during) {
		fail = "the hammer never ran while the doorbell was rung";
	} else {
		struct counters now;

		if (counters(idx, &now)) {
			fail = "DIAG_COUNTERS failed";
		} else if (now.served - before.served != (u32)h->served ||
			   now.malformed - before.malformed != (u32)h->malformed) {
			snprintf(why, sizeof(why),
				 "counters: served +%u malformed +%u, the doorbells said %llu and %llu",
				 now.served - before.served, now.malformed - before.malformed,
				 h->served, h->malformed);
			fail = why;
		} else if (bad && now.errors - before.errors != (u32)h->served) {
			snprintf(why, sizeof(why),
				 "%llu bad frames served but only %u protocol errors",
				 h->served, now.errors - before.errors);
			fail = why;
		} else if (now.errors - before.errors > (u32)h->served) {
			fail = "more errors than doorbells served";
		}
		out("figure: %s: rings %llu, served %llu (protocol errors %u), malformed %llu, hammer writes %llu during the rings (%llu in all), cpu%u rings, cpu%u hammers, %llu ms\n",
		    name, h->rings, h->served, now.errors - before.errors, h->malformed, during,
		    h->iterations, h->ringer_cpu, h->hammer_cpu, div_u64(h->ns, NSEC_PER_MSEC));
	}
	verdict(r, name, fail);
	kfree(h);
	return 0;
}

/* ---- random register arguments ---- */

/* A good request whose reply never changes: SCMI base vendor, SCPI clock 1's info. */
static void regs_frame(const struct hchan *c)
{
	void __iomem *m = region(c);

	if (c->service == SERVICE_SCMI) {
		writel(SMT_FREE, m + SMT_CHANNEL_STATUS);
		writel(LEN(0), m + SMT_LENGTH);
		writel(SCMI_HDR(3, 0, SCMI_BASE, 0x2a), m + SMT_HEADER);
	} else {
		writel(SCPI_CMD(SCPI_GET_CLOCK_INFO, 0x2a, 2), m + c->size / 2);
		writel(1, m + c->size / 2 + 8);
	}
}

#define REGS_REPLY	64	/* bytes of reply compared */

static void regs_doorbell(struct run *r, unsigned int idx, u64 calls, u64 *s)
{
	const struct hchan *c = &hchans[idx];
	static const unsigned long zero[6];
	u8 ref[REGS_REPLY], got[REGS_REPLY];
	struct arm_smccc_res res;
	struct counters before;
	char why[160], name[96];
	const char *fail = NULL;
	unsigned long a[6];
	u64 i;
	int k;
	long x0;

	snprintf(name, sizeof(name), "regs_%s_ignores_random_x1_x6", c->name);
	if (counters(idx, &before)) {
		verdict(r, name, "DIAG_COUNTERS failed");
		return;
	}
	regs_frame(c);
	x0 = ring6(c, zero, &res);
	r->frames++;
	memcpy_fromio(ref, region(c), REGS_REPLY);
	if (x0 != RET_SUCCESS) {
		snprintf(why, sizeof(why), "reference doorbell x0 %ld", x0);
		verdict(r, name, why);
		return;
	}
	for (i = 0; i < calls && !fail; i++) {
		for (k = 0; k < 6; k++)
			a[k] = rng_next(s);
		regs_frame(c);
		x0 = ring6(c, a, &res);
		r->frames++;
		memcpy_fromio(got, region(c), REGS_REPLY);
		if (x0 != RET_SUCCESS) {
			snprintf(why, sizeof(why), "x0 %ld with x1..x6 = %#lx %#lx %#lx %#lx %#lx %#lx",
				 x0, a[0], a[1], a[2], a[3], a[4], a[5]);
			fail = why;
		} else if (memcmp(ref, got, REGS_REPLY)) {
			snprintf(why, sizeof(why), "reply differs from the zero-register one with x1 = %#lx",
				 a[0]);
			fail = why;
		}
		if (!(i & 255))
			cond_resched();
	}
	if (!fail)
		fail = counters_moved(idx, &before, calls + 1, 0, 0, why, sizeof(why));
	verdict(r, name, fail);
}

static void regs_echo(struct run *r, unsigned int idx, u64 calls, u64 *s)
{
	const struct hchan *c = &hchans[idx];
	struct arm_smccc_res res;
	struct counters before;
	char why[160], name[96];
	const char *fail = NULL;
	unsigned long a[6];
	u32 seq;
	u64 i;
	int k;

	snprintf(name, sizeof(name), "regs_%s_echoes_random_x1_x2_and_counts", c->name);
	if (counters(idx, &before)) {
		verdict(r, name, "DIAG_COUNTERS failed");
		return;
	}
	seq = before.served;
	for (i = 0; i < calls && !fail; i++) {
		for (k = 0; k < 6; k++)
			a[k] = rng_next(s);
		ring6(c, a, &res);
		r->frames++;
		seq++;
		if ((long)res.a0 != RET_SUCCESS || res.a1 != lower_32_bits(a[0]) ||
		    res.a2 != lower_32_bits(a[1]) || res.a3 != seq) {
			snprintf(why, sizeof(why),
				 "x1..x6 %#lx %#lx ..: got %#lx %#lx %#lx %#lx, expected 0 %#x %#x %#x",
				 a[0], a[1], res.a0, res.a1, res.a2, res.a3, lower_32_bits(a[0]),
				 lower_32_bits(a[1]), seq);
			fail = why;
		}
		if (!(i & 255))
			cond_resched();
	}
	if (!fail)
		fail = counters_moved(idx, &before, calls, 0, 0, why, sizeof(why));
	verdict(r, name, fail);
}

/* SMC64 twins of the doorbells and the numbers around them: NOT_SUPPORTED, nothing served. */
static void regs_not_doorbells(struct run *r, u64 *s)
{
	static const u32 near[] = { 0x82000000, 0x82000003, 0x8200000f, 0x82000012, 0x8200001f,
				    0x82000021, 0x820000ff };
	struct counters before[ARRAY_SIZE(hchans)];
	struct arm_smccc_res res;
	char why[160];
	const char *fail = NULL;
	unsigned long a[6];
	unsigned int i, k;
	u32 fid;

	for (i = 0; i < ARRAY_SIZE(hchans); i++)
		if (counters(i, &before[i]))
			fail = "DIAG_COUNTERS failed";
	for (i = 0; i < ARRAY_SIZE(hchans) + ARRAY_SIZE(near) && !fail; i++) {
		fid = i < ARRAY_SIZE(hchans) ? hchans[i].fid | BIT(30) :
					       near[i - ARRAY_SIZE(hchans)];
		for (k = 0; k < 6; k++)
			a[k] = rng_next(s);
		arm_smccc_1_1_invoke(fid, a[0], a[1], a[2], a[3], a[4], a[5], 0, &res);
		r->frames++;
		if ((long)res.a0 != RET_NOT_SUPPORTED || res.a1 || res.a2 || res.a3) {
			snprintf(why, sizeof(why), "0x%08x: %#lx %#lx %#lx %#lx, expected -1 0 0 0",
				 fid, res.a0, res.a1, res.a2, res.a3);
			fail = why;
		}
	}
	for (i = 0; i < ARRAY_SIZE(hchans) && !fail; i++)
		fail = counters_moved(i, &before[i], 0, 0, 0, why, sizeof(why));
	verdict(r, "regs_smc64_twins_and_neighbours_not_supported", fail);
}

/* ---- debugfs ---- */

static int do_run(char *cmd)
{
	char *argv[6], *p = cmd, *tok;
	struct run r = { 0 };
	unsigned int idx, i, argc = 0;
	const struct hchan *c;
	u64 t0 = ktime_get_ns(), v[3], s;
	int ret = 0;

	while ((tok = strsep(&p, " \t\n")) && argc < ARRAY_SIZE(argv))
		if (*tok)
			argv[argc++] = tok;
	if (!argc)
		return -EINVAL;
	result_len = 0;
	result[0] = '\0';

	if (!strcmp(argv[0], "frames") && (argc == 2 || argc == 3)) {
		bool scmi = !strcmp(argv[1], "scmi");

		if (!scmi && strcmp(argv[1], "scpi"))
			return -EINVAL;
		if (argc == 3) {
			c = find_chan(argv[2], &idx);
			if (!c || c->service != (scmi ? SERVICE_SCMI : SERVICE_SCPI))
				return -EINVAL;
			if (scmi)
				scmi_frames(&r, c, idx);
			else
				scpi_frames(&r, c, idx);
		} else if (scmi) {
			c = find_chan("scmi-smc", &idx);
			if (!c)
				return -ENODEV;
			scmi_frames(&r, c, idx);
		} else {
			for (i = 0; i < ARRAY_SIZE(hchans); i++)
				if (hchans[i].service == SERVICE_SCPI)
					scpi_frames(&r, &hchans[i], i);
		}
	} else if (!strcmp(argv[0], "hammer") && argc == 5) {
		c = find_chan(argv[1], &idx);
		if (!c || kstrtou64(argv[2], 0, &v[0]) || !v[0] || v[0] > 100000000 ||
		    kstrtou64(argv[4], 0, &v[1]) ||
		    (strcmp(argv[3], "bad") && strcmp(argv[3], "mixed")))
			return -EINVAL;
		ret = hammer_run(&r, idx, v[0], !strcmp(argv[3], "bad"), v[1]);
	} else if (!strcmp(argv[0], "regs") && argc == 3) {
		if (kstrtou64(argv[1], 0, &v[0]) || !v[0] || v[0] > 100000000 ||
		    kstrtou64(argv[2], 0, &v[1]))
			return -EINVAL;
		s = v[1] ?: 1;
		for (i = 0; i < ARRAY_SIZE(hchans); i++) {
			/* the doorbells a hostile client may use: not the one arm_scmi owns */
			if (hchans[i].service == SERVICE_ECHO)
				regs_echo(&r, i, v[0], &s);
			else if (strcmp(hchans[i].name, "scmi-a2p"))
				regs_doorbell(&r, i, v[0], &s);
		}
		regs_not_doorbells(&r, &s);
	} else {
		return -EINVAL;
	}
	if (ret)
		return ret;
	out("figure: cases %u, failed %u, doorbells rung %llu, %llu ms\n", r.cases, r.failed,
	    r.frames, div_u64(ktime_get_ns() - t0, NSEC_PER_MSEC));
	pr_info("%s: %u cases, %u failed, %llu doorbells\n", argv[0], r.cases, r.failed,
		r.frames);
	return r.failed ? -EIO : 0;
}

static ssize_t run_write(struct file *file, const char __user *ubuf, size_t count,
			 loff_t *ppos)
{
	char buf[128];
	int ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	ret = mutex_lock_killable(&hostile_lock);
	if (ret)
		return ret;
	ret = do_run(buf);
	mutex_unlock(&hostile_lock);
	return ret ? ret : count;
}

static ssize_t result_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&hostile_lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, result, result_len);
	mutex_unlock(&hostile_lock);
	return ret;
}

static const struct file_operations run_fops = {
	.owner = THIS_MODULE,
	.write = run_write,
};

static const struct file_operations result_fops = {
	.owner = THIS_MODULE,
	.read = result_read,
	.llseek = default_llseek,
};

static int __init hostile_init(void)
{
	result = kzalloc(RESULT_SIZE, GFP_KERNEL);
	snap_before = kmalloc(0x1000, GFP_KERNEL);
	snap_after = kmalloc(0x1000, GFP_KERNEL);
	/* Reserved no-map memory: map it as Linux's own SCPI/SCMI drivers do. */
	shmem = ioremap(BOARD_SHMEM_BASE, BOARD_SHMEM_SIZE);
	if (!result || !snap_before || !snap_after || !shmem) {
		if (shmem)
			iounmap(shmem);
		kfree(result);
		kfree(snap_before);
		kfree(snap_after);
		return -ENOMEM;
	}
	hostile_dir = debugfs_create_dir("hostile", NULL);
	debugfs_create_file("run", 0200, hostile_dir, NULL, &run_fops);
	debugfs_create_file("result", 0400, hostile_dir, NULL, &result_fops);
	return 0;
}

static void __exit hostile_exit(void)
{
	debugfs_remove_recursive(hostile_dir);
	iounmap(shmem);
	kfree(result);
	kfree(snap_before);
	kfree(snap_after);
}

module_init(hostile_init);
module_exit(hostile_exit);
MODULE_DESCRIPTION("A hostile client of the board's SCPI/SCMI firmware, for tests");
MODULE_LICENSE("GPL");
