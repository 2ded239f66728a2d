// SPDX-License-Identifier: BSD-3-Clause
/*
 * Host tests of the SCMI server (firmware/protocols/scmi) through scmi_serve(), the way the
 * doorbell dispatcher calls it: a message written into the shared-memory layout Linux's
 * arm_scmi/shmem.c uses (channel busy, flags, length, header, payload), the reply read back
 * from the same region. One test per command and per error path, a replay of Linux 6.1's
 * probe of every protocol, and a replay of every class of malformed message, each checking
 * the status and the channel counters.
 */
#include <stdlib.h>

#include "diag.h"
#include "proto_test.h"
#include "hammer.h"

#include "scmi/scmi.h"
#include "scpi/scpi.h"

#define REGION	0x1000
#define POISON	0xa5

#define BASE	SCMI_PROTO_BASE
#define POWER	SCMI_PROTO_POWER
#define PERF	SCMI_PROTO_PERF
#define CLOCK	SCMI_PROTO_CLOCK
#define SENSOR	SCMI_PROTO_SENSOR
#define RESET	SCMI_PROTO_RESET

static uint8_t shmem[REGION];
static uint8_t before[REGION];		/* shmem as the agent left it, before serving */
static struct db_counters cnt;

/* Serve through @serve and count as the dispatcher does (db_count); true when a reply went out. */
static bool count_reply(struct db_reply r)
{
	db_count(&cnt, r);
	return r.sent;
}

static bool count_scpi(volatile uint8_t *mem, size_t size)
{
	return count_reply(scpi_serve(mem, size));
}

static bool count_scmi(volatile uint8_t *mem, size_t size)
{
	return count_reply(scmi_serve(mem, size));
}
static uint32_t last_header;
static uint16_t next_token;
static uint8_t *small;

static void test_reset_hook(void)
{
	memset(shmem, POISON, sizeof(shmem));
	memset(&cnt, 0, sizeof(cnt));
	next_token = 0;
	free(small);
	small = NULL;
}

/* A region of exactly @size bytes on the heap, so ASan sees any access past its end. */
static uint8_t *small_region(size_t size)
{
	free(small);
	small = malloc(size ? size : 1);
	if (small)
		memset(small, POISON, size);
	return small;
}

/* What Linux's shmem_tx_prepare() writes, with every byte it leaves alone poisoned. */
static int raw_in(uint8_t *mem, size_t size, uint32_t length, uint32_t header,
		  const void *payload, size_t n)
{
	memset(mem, POISON, size);
	put32(mem + SMT_CHANNEL_STATUS, 0);		/* busy, error cleared */
	put32(mem + SMT_FLAGS, 1);			/* completion interrupt wanted */
	put32(mem + SMT_LENGTH, length);
	put32(mem + SMT_HEADER, header);
	if (n)
		memcpy(mem + SMT_PAYLOAD, payload, n);
	last_header = header;
	if (mem == shmem)
		memcpy(before, shmem, sizeof(before));
	return count_scmi(mem, size);
}

static int raw(uint32_t length, uint32_t header, const void *payload, size_t n)
{
	return raw_in(shmem, REGION, length, header, payload, n);
}

static int call_(uint8_t proto, uint8_t msg, const uint32_t *args, size_t n)
{
	uint8_t p[64];
	size_t i;

	for (i = 0; i < n; i++)
		put32(p + 4 * i, args[i]);
	next_token = (uint16_t)((next_token + 1) & 0x3ff);
	return raw((uint32_t)(4 + 4 * n), SCMI_HDR_PACK(msg, 0, proto, next_token), p, 4 * n);
}

#define CALL(proto, msg, ...) \
	call_(proto, msg, (const uint32_t[]){ __VA_ARGS__ }, \
	      sizeof((const uint32_t[]){ __VA_ARGS__ }) / 4)
#define CALL0(proto, msg)	call_(proto, msg, NULL, 0)

#define STATUS		((int32_t)le32(shmem + SMT_PAYLOAD))
#define OUT		(shmem + SMT_PAYLOAD + 4)
#define OUT_LEN		(le32(shmem + SMT_LENGTH) - 8)

/*
 * The reply to the last message: channel handed back (FREE, no ERROR), flags untouched,
 * header echoed, @status, @n payload bytes and nothing else changed (the request's own
 * bytes past the reply stay as they were); and never more than Linux's 128-byte rx buffer.
 */
#define EXPECT_REPLY(status, n)							\
	do {									\
		size_t i_;							\
		EXPECT_EQ(le32(shmem + SMT_CHANNEL_STATUS), SMT_STATUS_FREE);	\
		EXPECT_EQ(le32(shmem + SMT_FLAGS), 1);				\
		EXPECT_EQ(le32(shmem + SMT_HEADER), last_header);		\
		EXPECT_EQ(STATUS, status);					\
		EXPECT_EQ(le32(shmem + SMT_LENGTH), 8 + (n));			\
		EXPECT(OUT_LEN <= 128, "reply of %u bytes > Linux's 128", OUT_LEN); \
		for (i_ = SMT_PAYLOAD + 4 + (n); i_ < REGION; i_++)		\
			EXPECT(shmem[i_] == before[i_], "byte 0x%zx written", i_); \
		for (i_ = 0; i_ < SMT_LENGTH; i_++)				\
			EXPECT(shmem[i_] == before[i_] || i_ / 4 == SMT_CHANNEL_STATUS / 4, \
			       "byte %zu outside the reply written", i_);	\
	} while (0)

/* A malformed message in shmem: only the channel status is written (FREE | ERROR). */
#define EXPECT_MALFORMED_UNTOUCHED()						\
	do {									\
		size_t i_;							\
		EXPECT_EQ(le32(shmem + SMT_CHANNEL_STATUS), SMT_STATUS_FREE | SMT_STATUS_ERROR); \
		for (i_ = 0; i_ < REGION; i_++)					\
			EXPECT(shmem[i_] == before[i_] || i_ / 4 == SMT_CHANNEL_STATUS / 4, \
			       "byte 0x%zx written", i_);			\
	} while (0)

static int scpi_get(uint8_t id, const void *p, size_t n, uint8_t *out, size_t out_n)
{
	static uint8_t region[0x1000];
	uint8_t *req = region + sizeof(region) / 2;

	memset(region, 0, sizeof(region));
	put32(req, SCPI_CMD_PACK(id, 1, n));
	memcpy(req + 8, p, n);
	count_scpi(region, sizeof(region));
	memcpy(out, region + 8, out_n);
	return (int)le32(region + 4);
}

/* ---- base ---- */

static void scmi_base_version_is_2_0(void)
{
	EXPECT_EQ(CALL0(BASE, SCMI_MSG_PROTOCOL_VERSION), true);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x20000);
}

static void scmi_base_attributes_report_five_protocols_one_agent(void)
{
	CALL0(BASE, SCMI_MSG_PROTOCOL_ATTRIBUTES);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(OUT[0], 5);
	EXPECT_EQ(OUT[1], 1);
	EXPECT_EQ(le16(OUT + 2), 0);
}

static void scmi_base_message_attributes_know_the_table(void)
{
	static const uint32_t served[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	static const uint32_t absent[] = { 8, 9, 0xa, 0xb, 0x10, 0xff, 0x100, 0xffffffff };
	unsigned int i;

	for (i = 0; i < 8; i++) {
		CALL(BASE, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, served[i]);
		EXPECT_REPLY(SCMI_SUCCESS, 4);
		EXPECT_EQ(le32(OUT), 0);
		CALL(BASE, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, absent[i]);
		EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	}
	EXPECT_EQ(cnt.errors, 0);	/* NOT_FOUND is a discovery answer, not an error */
}

static void scmi_base_discover_vendor_names(void)
{
	CALL0(BASE, 0x3);
	EXPECT_REPLY(SCMI_SUCCESS, 16);
	EXPECT(!memcmp(OUT, "ArmSMCMbox\0\0\0\0\0\0", 16), "vendor '%.16s'", (const char *)OUT);
	CALL0(BASE, 0x4);
	EXPECT_REPLY(SCMI_SUCCESS, 16);
	EXPECT(!memcmp(OUT, "QEMU-virt\0\0\0\0\0\0\0", 16), "sub-vendor '%.16s'",
	       (const char *)OUT);
}

static void scmi_base_discover_implementation_version(void)
{
	CALL0(BASE, 0x5);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x00010000);
}

static void scmi_base_list_protocols_returns_all_padded(void)
{
	CALL(BASE, 0x6, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 12);		/* 5 ids + 3 bytes of padding */
	EXPECT_EQ(le32(OUT), 5);
	EXPECT(OUT[4] == 0x11 && OUT[5] == 0x13 && OUT[6] == 0x14 && OUT[7] == 0x15 &&
	       OUT[8] == 0x16, "protocols %02x %02x %02x %02x %02x", OUT[4], OUT[5], OUT[6],
	       OUT[7], OUT[8]);
	EXPECT(!OUT[9] && !OUT[10] && !OUT[11], "padding");
}

static void scmi_base_list_protocols_skip_returns_the_rest(void)
{
	CALL(BASE, 0x6, 1);
	EXPECT_REPLY(SCMI_SUCCESS, 8);		/* 4 ids, no padding */
	EXPECT_EQ(le32(OUT), 4);
	EXPECT(OUT[4] == 0x13 && OUT[5] == 0x14 && OUT[6] == 0x15 && OUT[7] == 0x16,
	       "protocols %02x %02x %02x %02x", OUT[4], OUT[5], OUT[6], OUT[7]);
	CALL(BASE, 0x6, 3);
	EXPECT_REPLY(SCMI_SUCCESS, 8);		/* 2 ids + 2 bytes of padding */
	EXPECT_EQ(le32(OUT), 2);
	EXPECT(OUT[4] == 0x15 && OUT[5] == 0x16 && OUT[6] == 0 && OUT[7] == 0, "padding");
}

/* Was SUCCESS with 0 protocols for every skip >= 4; the specification wants skip > total
 * refused (docs/scmi-conformance.md B14-B16). */
static void scmi_base_list_protocols_skip_at_end_none_past_end_invalid(void)
{
	static const uint32_t skips[] = { 6, 7, 0x80000000, 0xffffffff };
	unsigned int i;

	CALL(BASE, 0x6, 5);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0);
	EXPECT_EQ(cnt.errors, 0);
	for (i = 0; i < 4; i++) {
		CALL(BASE, 0x6, skips[i]);
		EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	}
	EXPECT_EQ(cnt.errors, 4);
}

static void scmi_base_discover_agent_platform_ospm_and_self(void)
{
	CALL(BASE, 0x7, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 20);
	EXPECT_EQ(le32(OUT), 0);
	EXPECT(!memcmp(OUT + 4, "platform\0\0\0\0\0\0\0\0", 16), "agent 0 name");
	CALL(BASE, 0x7, 1);
	EXPECT_REPLY(SCMI_SUCCESS, 20);
	EXPECT_EQ(le32(OUT), 1);
	EXPECT(!memcmp(OUT + 4, "OSPM\0\0\0\0\0\0\0\0\0\0\0\0", 16), "agent 1 name");
	CALL(BASE, 0x7, 0xffffffff);
	EXPECT_REPLY(SCMI_SUCCESS, 20);
	EXPECT_EQ(le32(OUT), 1);
	EXPECT(!strcmp((const char *)OUT + 4, "OSPM"), "self name");
}

static void scmi_base_discover_agent_unknown_returns_not_found(void)
{
	CALL(BASE, 0x7, 2);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(BASE, 0x7, 0xfffffffe);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(cnt.errors, 2);
}

static void scmi_base_negotiate_and_notify_not_found(void)
{
	CALL(BASE, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0x20001);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(BASE, 0x8, 1);			/* NOTIFY_ERRORS */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(BASE, 0x9, 0, 0, 0);		/* SET_DEVICE_PERMISSIONS */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(cnt.errors, 3);
}

/* ---- power domains ---- */

static void scmi_power_version_and_attributes(void)
{
	CALL0(POWER, SCMI_MSG_PROTOCOL_VERSION);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x20000);
	CALL0(POWER, SCMI_MSG_PROTOCOL_ATTRIBUTES);
	EXPECT_REPLY(SCMI_SUCCESS, 16);
	EXPECT_EQ(le16(OUT), 2);
	EXPECT_EQ(le16(OUT + 2), 0);
	EXPECT(!le32(OUT + 4) && !le32(OUT + 8) && !le32(OUT + 12), "statistics region");
}

static void scmi_power_domain_attributes_give_names_and_sync_flag(void)
{
	CALL(POWER, 0x3, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 20);
	EXPECT_EQ(le32(OUT), 1U << 29);
	EXPECT(!memcmp(OUT + 4, "gpu\0\0\0\0\0\0\0\0\0\0\0\0\0", 16), "domain 0 name");
	CALL(POWER, 0x3, 1);
	EXPECT_REPLY(SCMI_SUCCESS, 20);
	EXPECT(!strcmp((const char *)OUT + 4, "vpu"), "domain 1 name");
}

static void scmi_power_domain_attributes_bad_domain_not_found(void)
{
	CALL(POWER, 0x3, 2);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(cnt.errors, 1);
}

static void scmi_power_state_get_returns_model_state(void)
{
	CALL(POWER, 0x5, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0);
	CALL(POWER, 0x5, 1);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x40000000);
	CALL(POWER, 0x5, 2);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

static void scmi_power_state_set_is_seen_by_scpi(void)
{
	uint8_t p[2] = { 0, 0 }, st;
	bool on;

	CALL(POWER, 0x4, 0, 0, 0x40000000);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(model_pd_get(0, &on), MODEL_OK);
	EXPECT(!on, "gpu still on");
	EXPECT_EQ(scpi_get(SCPI_CMD_GET_DEVICE_PWR_STATE, p, 2, &st, 1), SCPI_OK);
	EXPECT_EQ(st, SCPI_PSTATE_OFF);
	CALL(POWER, 0x4, 0, 1, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	p[0] = 1;
	EXPECT_EQ(scpi_get(SCPI_CMD_GET_DEVICE_PWR_STATE, p, 2, &st, 1), SCPI_OK);
	EXPECT_EQ(st, SCPI_PSTATE_ON);
}

static void scmi_power_state_set_rejects_async_flags_states_and_domains(void)
{
	bool on;

	CALL(POWER, 0x4, 1, 0, 0x40000000);		/* async: not offered */
	EXPECT_REPLY(SCMI_NOT_SUPPORTED, 0);
	CALL(POWER, 0x4, 2, 0, 0x40000000);		/* reserved flag */
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(POWER, 0x4, 0, 0, 0x40000001);		/* no such state */
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(POWER, 0x4, 0, 0, 1);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(POWER, 0x4, 0, 7, 0);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(model_pd_get(0, &on), MODEL_OK);
	EXPECT(on, "gpu changed by a rejected request");
	EXPECT_EQ(cnt.errors, 5);
}

static void scmi_power_state_notify_not_found(void)
{
	CALL(POWER, 0x6, 0, 1);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(POWER, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0x6);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(POWER, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0x4);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
}

/* ---- performance ---- */

static const uint32_t levels[2][5] = {
	{ 450000, 625000, 800000, 950000, 1100000 },
	{ 600000, 900000, 1200000, 1500000, 1800000 },
};

static void scmi_perf_version_and_attributes(void)
{
	CALL0(PERF, SCMI_MSG_PROTOCOL_VERSION);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x20000);
	CALL0(PERF, SCMI_MSG_PROTOCOL_ATTRIBUTES);
	EXPECT_REPLY(SCMI_SUCCESS, 16);
	EXPECT_EQ(le16(OUT), 2);
	EXPECT_EQ(le16(OUT + 2), 1);			/* power in mW */
	EXPECT(!le32(OUT + 4) && !le32(OUT + 8) && !le32(OUT + 12), "statistics region");
}

static void scmi_perf_domain_attributes_give_multiplier_1000(void)
{
	unsigned int d;

	for (d = 0; d < 2; d++) {
		CALL(PERF, 0x3, d);
		EXPECT_REPLY(SCMI_SUCCESS, 32);
		EXPECT_EQ(le32(OUT), 3U << 30);		/* set limits, set level */
		EXPECT_EQ(le32(OUT + 4), 0);
		EXPECT_EQ(le32(OUT + 8), levels[d][4]);
		EXPECT_EQ(le32(OUT + 12), levels[d][4]);
		/* Linux: mult_factor = sustained_freq_khz * 1000 / sustained_perf_level */
		EXPECT_EQ(le32(OUT + 8) * 1000ULL / le32(OUT + 12), 1000);
		EXPECT(!strcmp((const char *)OUT + 16, d ? "cpu_big" : "cpu_little"), "name");
	}
	CALL(PERF, 0x3, 2);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

static void scmi_perf_describe_levels_returns_opps_in_khz(void)
{
	static const uint32_t mw[2][5] = { { 43, 67, 97, 128, 165 }, { 161, 278, 442, 661, 952 } };
	unsigned int d, i;

	for (d = 0; d < 2; d++) {
		CALL(PERF, 0x4, d, 0);
		EXPECT_REPLY(SCMI_SUCCESS, 4 + 5 * 12);
		EXPECT_EQ(le16(OUT), 5);
		EXPECT_EQ(le16(OUT + 2), 0);
		for (i = 0; i < 5; i++) {
			EXPECT_EQ(le32(OUT + 4 + 12 * i), levels[d][i]);
			EXPECT_EQ(le32(OUT + 8 + 12 * i), mw[d][i]);
			EXPECT_EQ(le16(OUT + 12 + 12 * i), d ? 300 : 200);
			EXPECT_EQ(le16(OUT + 14 + 12 * i), 0);
		}
	}
}

static void scmi_perf_describe_levels_from_index_returns_remaining(void)
{
	CALL(PERF, 0x4, 1, 3);
	EXPECT_REPLY(SCMI_SUCCESS, 4 + 2 * 12);
	EXPECT_EQ(le16(OUT), 2);
	EXPECT_EQ(le16(OUT + 2), 0);
	EXPECT_EQ(le32(OUT + 4), 1500000);
	CALL(PERF, 0x4, 1, 4);
	EXPECT_REPLY(SCMI_SUCCESS, 4 + 12);
	EXPECT_EQ(le16(OUT), 1);
	EXPECT_EQ(le16(OUT + 2), 0);
	CALL(PERF, 0x4, 1, 5);			/* was SUCCESS with 0 levels (conformance D11) */
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(PERF, 0x4, 1, 0xffffffff);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(PERF, 0x4, 9, 0);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

static void scmi_perf_level_set_moves_the_opp_scpi_sees(void)
{
	uint8_t d = 1, idx;

	CALL(PERF, 0x7, 1, 1500000);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(scpi_get(SCPI_CMD_GET_DVFS, &d, 1, &idx, 1), SCPI_OK);
	EXPECT_EQ(idx, 3);
	CALL(PERF, 0x8, 1);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 1500000);
}

static void scmi_perf_level_set_rejects_non_opp_levels(void)
{
	unsigned int idx;

	CALL(PERF, 0x7, 0, 800001);
	EXPECT_REPLY(SCMI_OUT_OF_RANGE, 0);
	CALL(PERF, 0x7, 0, 0);
	EXPECT_REPLY(SCMI_OUT_OF_RANGE, 0);
	CALL(PERF, 0x7, 0, 1100000000);		/* Hz is not a level */
	EXPECT_REPLY(SCMI_OUT_OF_RANGE, 0);
	CALL(PERF, 0x7, 2, 450000);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(model_dvfs_get_opp(0, &idx), MODEL_OK);
	EXPECT_EQ(idx, MODEL_DVFS_INIT_OPP_0);
	EXPECT_EQ(cnt.errors, 4);
}

static void scmi_perf_level_get_returns_current_level(void)
{
	CALL(PERF, 0x8, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 800000);
	EXPECT_EQ(model_dvfs_set_opp(0, 0), MODEL_OK);
	CALL(PERF, 0x8, 0);
	EXPECT_EQ(le32(OUT), 450000);
	CALL(PERF, 0x8, 2);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

static void scmi_perf_limits_set_keeps_opps_inside_and_clamps(void)
{
	unsigned int idx;

	CALL(PERF, 0x5, 0, 960000, 600000);	/* max, min: OPPs 625..950 MHz */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(PERF, 0x6, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 8);
	EXPECT_EQ(le32(OUT), 950000);
	EXPECT_EQ(le32(OUT + 4), 625000);
	CALL(PERF, 0x5, 0, 450000, 450000);	/* pin to the lowest: current OPP follows */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(model_dvfs_get_opp(0, &idx), MODEL_OK);
	EXPECT_EQ(idx, 0);
	CALL(PERF, 0x7, 0, 800000);		/* outside the limits now */
	EXPECT_REPLY(SCMI_OUT_OF_RANGE, 0);
	CALL(PERF, 0x5, 0, 0xffffffff, 0);	/* was clamped; outside the levels (D15) */
	EXPECT_REPLY(SCMI_OUT_OF_RANGE, 0);
	CALL(PERF, 0x5, 0, 1100000, 450000);	/* everything again */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(PERF, 0x7, 0, 1100000);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
}

static void scmi_perf_limits_set_rejects_bad_ranges(void)
{
	CALL(PERF, 0x5, 0, 600000, 900000);	/* min > max */
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(PERF, 0x5, 0, 700000, 650000);	/* no OPP between */
	EXPECT_REPLY(SCMI_OUT_OF_RANGE, 0);
	CALL(PERF, 0x5, 0, 100, 1);		/* below every OPP */
	EXPECT_REPLY(SCMI_OUT_OF_RANGE, 0);
	CALL(PERF, 0x5, 3, 1100000, 450000);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(PERF, 0x6, 3);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(PERF, 0x6, 0);
	EXPECT_EQ(le32(OUT), 1100000);		/* unchanged */
	EXPECT_EQ(le32(OUT + 4), 450000);
	EXPECT_EQ(cnt.errors, 5);
}

static void scmi_perf_notify_and_fastchannels_not_found(void)
{
	CALL(PERF, 0x9, 0, 1);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(PERF, 0xa, 0, 1);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(PERF, 0xb, 0, 7);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(PERF, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0xb);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

/* ---- clocks ---- */

static void scmi_clock_version_and_attributes(void)
{
	CALL0(CLOCK, SCMI_MSG_PROTOCOL_VERSION);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x10000);
	CALL0(CLOCK, SCMI_MSG_PROTOCOL_ATTRIBUTES);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le16(OUT), 4);
	EXPECT_EQ(OUT[2], 0);				/* no async rate changes */
}

static void scmi_clock_attributes_give_name_and_enabled_bit(void)
{
	unsigned int i;

	for (i = 0; i < 4; i++) {
		CALL(CLOCK, 0x3, i);
		EXPECT_REPLY(SCMI_SUCCESS, 20);
		EXPECT_EQ(le32(OUT), 1);
		EXPECT(!strcmp((const char *)OUT + 4, model_clock(i)->name), "clock %u name", i);
	}
	EXPECT_EQ(model_clock_set_enabled(2, false), MODEL_OK);
	CALL(CLOCK, 0x3, 2);
	EXPECT_EQ(le32(OUT), 0);
	CALL(CLOCK, 0x3, 4);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

static void scmi_clock_describe_rates_is_a_range_triplet(void)
{
	CALL(CLOCK, 0x4, 3, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 28);
	EXPECT_EQ(le32(OUT) & 0xfff, 3);		/* returned */
	EXPECT_EQ(le32(OUT) >> 16, 0);			/* remaining */
	EXPECT(le32(OUT) & (1U << 12), "not range format");
	EXPECT_EQ(le64(OUT + 4), 400000000);
	EXPECT_EQ(le64(OUT + 12), 1066000000);
	EXPECT_EQ(le64(OUT + 20), 1);
	CALL(CLOCK, 0x4, 3, 7);				/* the index does not apply to a range */
	EXPECT_REPLY(SCMI_SUCCESS, 28);
	CALL(CLOCK, 0x4, 4, 0);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

static void scmi_clock_rate_get_matches_scpi(void)
{
	unsigned int i;

	for (i = 0; i < 4; i++) {
		uint8_t p[2] = { (uint8_t)i, 0 }, r[4];

		CALL(CLOCK, 0x6, i);
		EXPECT_REPLY(SCMI_SUCCESS, 8);
		EXPECT_EQ(le64(OUT), model_clock(i)->init_hz);
		EXPECT_EQ(scpi_get(SCPI_CMD_GET_CLOCK_VALUE, p, 2, r, 4), SCPI_OK);
		EXPECT_EQ(le32(r), le64(OUT));
	}
	CALL(CLOCK, 0x6, 4);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

static void scmi_clock_rate_set_sets_model_rate(void)
{
	uint32_t hz;

	CALL(CLOCK, 0x5, 0, 1, 777777777, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(model_clock_get_rate(1, &hz), MODEL_OK);
	EXPECT_EQ(hz, 777777777);
	CALL(CLOCK, 0x5, 1U << 2, 1, 200000000, 0);	/* round-up: exact rates need none */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(CLOCK, 0x5, 1U << 3, 1, 800000000, 0);	/* round-auto */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(CLOCK, 0x6, 1);
	EXPECT_EQ(le64(OUT), 800000000);
}

/* Was OUT_OF_RANGE; the specification says INVALID_PARAMETERS (conformance C13, C14). */
static void scmi_clock_rate_set_outside_range_invalid(void)
{
	uint32_t hz;

	CALL(CLOCK, 0x5, 0, 1, 199999999, 0);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(CLOCK, 0x5, 0, 1, 800000001, 0);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(CLOCK, 0x5, 0, 1, 500000000, 1);		/* the high word counts */
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(CLOCK, 0x5, 0, 9, 500000000, 0);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(model_clock_get_rate(1, &hz), MODEL_OK);
	EXPECT_EQ(hz, 500000000);
	EXPECT_EQ(cnt.errors, 4);
}

static void scmi_clock_rate_set_async_and_reserved_flags_rejected(void)
{
	CALL(CLOCK, 0x5, 1, 1, 300000000, 0);
	EXPECT_REPLY(SCMI_NOT_SUPPORTED, 0);
	CALL(CLOCK, 0x5, 0x10, 1, 300000000, 0);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(CLOCK, 0x5, 0x80000000, 1, 300000000, 0);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	EXPECT_EQ(cnt.errors, 3);
}

static void scmi_clock_config_set_disables_and_scpi_reads_zero(void)
{
	uint8_t p[2] = { 3, 0 }, r[4];

	CALL(CLOCK, 0x7, 3, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(scpi_get(SCPI_CMD_GET_CLOCK_VALUE, p, 2, r, 4), SCPI_OK);
	EXPECT_EQ(le32(r), 0);
	CALL(CLOCK, 0x6, 3);				/* SCMI still reports the rate */
	EXPECT_EQ(le64(OUT), 800000000);
	CALL(CLOCK, 0x3, 3);
	EXPECT_EQ(le32(OUT), 0);
	CALL(CLOCK, 0x7, 3, 1);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(scpi_get(SCPI_CMD_GET_CLOCK_VALUE, p, 2, r, 4), SCPI_OK);
	EXPECT_EQ(le32(r), 800000000);
}

static void scmi_clock_config_set_rejects_reserved_bits_and_bad_id(void)
{
	CALL(CLOCK, 0x7, 0, 2);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(CLOCK, 0x7, 4, 1);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(cnt.errors, 2);
}

static void scmi_clock_name_get_and_notify_not_found(void)
{
	CALL(CLOCK, 0x8, 0);				/* CLOCK_NAME_GET is 2.0+ */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(CLOCK, 0x9, 0, 1);				/* CLOCK_RATE_NOTIFY */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(CLOCK, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0x9);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

/* ---- sensors ---- */

static void scmi_sensor_version_and_attributes(void)
{
	CALL0(SENSOR, SCMI_MSG_PROTOCOL_VERSION);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x10000);
	CALL0(SENSOR, SCMI_MSG_PROTOCOL_ATTRIBUTES);
	EXPECT_REPLY(SCMI_SUCCESS, 16);
	EXPECT_EQ(le16(OUT), 5);
	EXPECT_EQ(OUT[2], 0);
	EXPECT(!le32(OUT + 4) && !le32(OUT + 8) && !le32(OUT + 12), "register region");
}

static void scmi_sensor_descriptions_come_in_pages_with_units(void)
{
	static const struct { const char *name; uint32_t attr_high; } want[] = {
		{ "soc_temp", 0x2 | 0x1d << 11 },	/* degC, 10^-3 */
		{ "big_temp", 0x2 | 0x1d << 11 },
		{ "vdd_big", 0x5 | 0x1d << 11 },	/* V, 10^-3 */
		{ "soc_power", 0x7 | 0x1a << 11 },	/* W, 10^-6 */
		{ "soc_energy", 0x8 | 0x1a << 11 },	/* J, 10^-6 */
	};
	unsigned int i;

	CALL(SENSOR, 0x3, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 4 + 4 * 28);
	EXPECT_EQ(le16(OUT), 4);
	EXPECT_EQ(le16(OUT + 2), 1);
	for (i = 0; i < 4; i++) {
		const uint8_t *d = OUT + 4 + 28 * i;

		EXPECT_EQ(le32(d), i);
		EXPECT_EQ(le32(d + 4), 0);
		EXPECT_EQ(le32(d + 8), want[i].attr_high);
		EXPECT(!strcmp((const char *)d + 12, want[i].name), "sensor %u name", i);
	}
	CALL(SENSOR, 0x3, 4);
	EXPECT_REPLY(SCMI_SUCCESS, 4 + 28);
	EXPECT_EQ(le16(OUT), 1);
	EXPECT_EQ(le16(OUT + 2), 0);
	EXPECT_EQ(le32(OUT + 4), 4);
	EXPECT_EQ(le32(OUT + 12), want[4].attr_high);
	EXPECT(!strcmp((const char *)OUT + 16, want[4].name), "sensor 4 name");
}

/* Was SUCCESS with 0 descriptors (conformance M09, M10). */
static void scmi_sensor_description_past_end_invalid(void)
{
	CALL(SENSOR, 0x3, 5);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(SENSOR, 0x3, 0xffffffff);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
}

static void scmi_sensor_readings_match_scpi_values(void)
{
	unsigned int i;

	plat_stub.time_ns = 7654321098ULL;
	EXPECT_EQ(model_dvfs_set_opp(1, 3), MODEL_OK);
	plat_stub.time_ns = 9876543210ULL;
	for (i = 0; i < 5; i++) {
		uint8_t p[2] = { (uint8_t)i, 0 }, r[8];

		CALL(SENSOR, 0x6, i, 0);
		EXPECT_REPLY(SCMI_SUCCESS, 8);
		EXPECT_EQ(scpi_get(SCPI_CMD_SENSOR_VALUE, p, 2, r, 8), SCPI_OK);
		EXPECT(le64(r) == le64(OUT), "sensor %u: SCMI %llu, SCPI %llu", i,
		       (unsigned long long)le64(OUT), (unsigned long long)le64(r));
	}
	CALL(SENSOR, 0x6, 0, 0);
	EXPECT_EQ(le64(OUT), expected_temp(35000, 55000, 20000, plat_stub.time_ns));
	CALL(SENSOR, 0x6, 2, 0);
	EXPECT_EQ(le64(OUT), 1050);
}

static void scmi_sensor_reading_rejects_async_flags_and_ids(void)
{
	CALL(SENSOR, 0x6, 0, 1);
	EXPECT_REPLY(SCMI_NOT_SUPPORTED, 0);
	CALL(SENSOR, 0x6, 0, 2);
	EXPECT_REPLY(SCMI_INVALID_PARAMETERS, 0);
	CALL(SENSOR, 0x6, 5, 0);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(cnt.errors, 3);
}

static void scmi_sensor_trip_points_not_found(void)
{
	CALL(SENSOR, 0x4, 0, 1);			/* TRIP_POINT_NOTIFY */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(SENSOR, 0x5, 0, 0x13, 50000, 0);		/* TRIP_POINT_CONFIG */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	CALL(SENSOR, 0xb, 0, 1);			/* CONTINUOUS_UPDATE_NOTIFY */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
}

/* ---- reset domains ---- */

static void scmi_reset_version_attributes_and_names(void)
{
	unsigned int i;

	CALL0(RESET, SCMI_MSG_PROTOCOL_VERSION);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), 0x10000);
	CALL0(RESET, SCMI_MSG_PROTOCOL_ATTRIBUTES);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT), model_reset_line_count());		/* [31:16] reserved */
	for (i = 0; i < model_reset_line_count(); i++) {
		CALL(RESET, 0x3, i);
		EXPECT_REPLY(SCMI_SUCCESS, 24);
		EXPECT_EQ(le32(OUT), 0);			/* no async, no notify */
		EXPECT_EQ(le32(OUT + 4), model_reset_line(i)->latency_us);
		EXPECT(!strcmp((const char *)OUT + 8, model_reset_line(i)->name), "line %u name", i);
	}
}

/* What reset_control_assert/deassert/reset send (Linux reset.c), seen in the model. */
static void scmi_reset_explicit_and_autonomous_reach_the_model(void)
{
	uint32_t asserted, resets;

	EXPECT_EQ(scmi_reset_line_state(1, &asserted, &resets), 0);
	EXPECT_EQ(asserted, 1);					/* vpu_rst starts asserted */
	CALL(RESET, 0x4, 1, 0, 0);				/* deassert */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(scmi_reset_line_state(1, &asserted, &resets), 0);
	EXPECT(asserted == 0 && resets == 0, "after deassert: %u %u", asserted, resets);
	CALL(RESET, 0x4, 1, 2, 0);				/* assert */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(scmi_reset_line_state(1, &asserted, &resets), 0);
	EXPECT(asserted == 1 && resets == 0, "after assert: %u %u", asserted, resets);
	CALL(RESET, 0x4, 1, 1, 0);				/* autonomous: ends deasserted */
	CALL(RESET, 0x4, 1, 3, 0);				/* bit 1 ignored with bit 0 */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(scmi_reset_line_state(1, &asserted, &resets), 0);
	EXPECT(asserted == 0 && resets == 2, "after 2 resets: %u %u", asserted, resets);
	EXPECT_EQ(scmi_reset_line_state(0, &asserted, &resets), 0);
	EXPECT(asserted == 0 && resets == 0, "line 0 moved: %u %u", asserted, resets);
	EXPECT(scmi_reset_line_state(model_reset_line_count(), &asserted, &resets), "past end");
	EXPECT(scmi_reset_line_state(1ULL << 32, &asserted, &resets), "64-bit line");
	EXPECT_EQ(cnt.errors, 0);
}

static void scmi_reset_refused_requests_leave_the_lines_alone(void)
{
	static const uint32_t bad[][3] = {
		{ 0, 0xf8, 0 }, { 0, 5, 0 }, { 0, 4, 0 }, { 0, 1, 0xff }, { 0, 2, 0x80000000 },
		{ 3, 2, 0 }, { 0xffffffff, 1, 0 },
	};
	uint32_t asserted, resets;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CALL(RESET, 0x4, bad[i][0], bad[i][1], bad[i][2]);
		EXPECT(STATUS != SCMI_SUCCESS, "request %u accepted", i);
	}
	EXPECT_EQ(cnt.errors, sizeof(bad) / sizeof(bad[0]));
	for (i = 0; i < model_reset_line_count(); i++) {
		EXPECT_EQ(scmi_reset_line_state(i, &asserted, &resets), 0);
		EXPECT_EQ(asserted, model_reset_line(i)->init_asserted);
		EXPECT_EQ(resets, 0);
	}
}

/* ---- Linux 6.1 at probe ---- */

/*
 * arm_scmi's probe, protocol by protocol, with Linux's own consistency checks on every
 * reply (base.c list padding, the iterators' returned/remaining bookkeeping, the clock
 * range triplet), then what scmi-cpufreq, clk-scmi, scmi_pm_domain and scmi-hwmon send.
 */
static void scmi_linux_probe_sequence_succeeds(void)
{
	static const uint8_t protos[] = { POWER, PERF, CLOCK, SENSOR, RESET };
	uint32_t nproto, total = 0, n, i, d;

	CALL0(BASE, SCMI_MSG_PROTOCOL_VERSION);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	CALL0(BASE, SCMI_MSG_PROTOCOL_ATTRIBUTES);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	nproto = OUT[0];
	CALL0(BASE, 0x3);
	EXPECT_REPLY(SCMI_SUCCESS, 16);
	CALL0(BASE, 0x4);
	EXPECT_REPLY(SCMI_SUCCESS, 16);
	CALL0(BASE, 0x5);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	do {						/* scmi_base_implementation_list_get */
		CALL(BASE, 0x6, total);
		EXPECT_EQ(STATUS, SCMI_SUCCESS);
		n = le32(OUT);
		if (!n)
			break;
		EXPECT(n <= nproto - total, "returned %u > total", n);
		EXPECT_EQ(OUT_LEN - 4, (1 + (n - 1) / 4) * 4);
		for (i = 0; i < n; i++)
			EXPECT_EQ(OUT[4 + i], protos[total + i]);
		total += n;
	} while (total < nproto);
	EXPECT_EQ(total, 5);
	CALL(BASE, 0x7, 0);				/* agents 0 .. num_agents - 1 */
	EXPECT_REPLY(SCMI_SUCCESS, 20);

	for (i = 0; i < 5; i++) {
		CALL0(protos[i], SCMI_MSG_PROTOCOL_VERSION);
		EXPECT_REPLY(SCMI_SUCCESS, 4);
		CALL0(protos[i], SCMI_MSG_PROTOCOL_ATTRIBUTES);
		EXPECT_EQ(STATUS, SCMI_SUCCESS);
	}
	for (d = 0; d < 2; d++) {			/* power */
		CALL(POWER, 0x3, d);
		EXPECT_REPLY(SCMI_SUCCESS, 20);
	}
	CALL0(RESET, SCMI_MSG_PROTOCOL_ATTRIBUTES);	/* reset: num_domains in [15:0] */
	EXPECT_EQ(le32(OUT) & 0xffff, model_reset_line_count());
	for (d = 0; d < model_reset_line_count(); d++) {
		CALL(RESET, 0x3, d);
		EXPECT_REPLY(SCMI_SUCCESS, 24);
	}
	for (d = 0; d < 2; d++) {			/* perf: attributes, levels */
		uint32_t idx = 0, ret, rem;

		CALL(PERF, 0x3, d);
		EXPECT_REPLY(SCMI_SUCCESS, 32);
		do {
			CALL(PERF, 0x4, d, idx);
			EXPECT_EQ(STATUS, SCMI_SUCCESS);
			ret = le16(OUT);
			rem = le16(OUT + 2);
			EXPECT(ret <= 16 - idx, "levels overflow MAX_OPPS");
			EXPECT(OUT_LEN >= 4 + 12 * ret, "reply shorter than %u levels", ret);
			idx += ret;
		} while (ret && rem);
		EXPECT_EQ(idx, 5);
	}
	for (d = 0; d < 4; d++) {			/* clock: attributes, rates */
		CALL(CLOCK, 0x3, d);
		EXPECT_REPLY(SCMI_SUCCESS, 20);
		CALL(CLOCK, 0x4, d, 0);
		EXPECT_REPLY(SCMI_SUCCESS, 28);
		EXPECT((le32(OUT) & (1U << 12)) && (le32(OUT) & 0xfff) == 3 &&
		       (le32(OUT) >> 16) == 0, "out-of-spec CLOCK_DESCRIBE_RATES");
	}
	{						/* sensor descriptions */
		uint32_t idx = 0, ret, rem;

		do {
			CALL(SENSOR, 0x3, idx);
			EXPECT_EQ(STATUS, SCMI_SUCCESS);
			ret = le16(OUT);
			rem = le16(OUT + 2);
			EXPECT(ret <= 5 - idx, "more sensors than announced");
			EXPECT(OUT_LEN >= 4 + 28 * ret, "reply shorter than %u descriptors", ret);
			for (i = 0; i < ret; i++)
				EXPECT_EQ(le32(OUT + 4 + 28 * i), idx + i);
			idx += ret;
		} while (ret && rem);
		EXPECT_EQ(idx, 5);
	}
	/* clients */
	CALL(PERF, 0x7, 0, 1100000);			/* cpufreq: freq / 1000 */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(PERF, 0x8, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 4);
	EXPECT_EQ(le32(OUT) * 1000ULL, 1100000000);
	CALL(CLOCK, 0x7, 1, 1);				/* clk prepare */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(CLOCK, 0x5, 0, 1, 250000000, 0);
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(POWER, 0x4, 0, 1, 0x40000000);		/* genpd off, then state check */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(POWER, 0x5, 1);
	EXPECT_EQ(le32(OUT), 0x40000000);
	for (i = 0; i < 5; i++) {			/* hwmon */
		CALL(SENSOR, 0x6, i, 0);
		EXPECT_REPLY(SCMI_SUCCESS, 8);
	}
	CALL(RESET, 0x4, 0, 1, 0);			/* reset_control_reset() */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(RESET, 0x4, 1, 2, 0);			/* reset_control_assert() */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	CALL(RESET, 0x4, 1, 0, 0);			/* reset_control_deassert() */
	EXPECT_REPLY(SCMI_SUCCESS, 0);
	EXPECT_EQ(cnt.errors, 0);
	EXPECT_EQ(cnt.malformed, 0);
}

/* ---- transport, malformed messages ---- */

static void scmi_reply_echoes_header_and_token(void)
{
	static const uint16_t tokens[] = { 0, 1, 0x155, 0x3ff };
	unsigned int i;

	for (i = 0; i < 4; i++) {
		EXPECT_EQ(raw(4, SCMI_HDR_PACK(0, 0, CLOCK, tokens[i]), NULL, 0), true);
		EXPECT_REPLY(SCMI_SUCCESS, 4);
		EXPECT_EQ(SCMI_HDR_TOKEN(le32(shmem + SMT_HEADER)), tokens[i]);
	}
}

static void scmi_unknown_protocol_not_supported(void)
{
	static const uint8_t ids[] = { 0x00, 0x0f, SCMI_PROTO_SYSTEM, 0x17, 0x18, 0x19, 0x80,
				       0xff };
	unsigned int i;

	for (i = 0; i < sizeof(ids); i++) {
		EXPECT_EQ(CALL0(ids[i], SCMI_MSG_PROTOCOL_VERSION), true);
		EXPECT_REPLY(SCMI_NOT_SUPPORTED, 0);
	}
	EXPECT_EQ(cnt.errors, sizeof(ids));
	EXPECT_EQ(cnt.malformed, 0);
}

/* Was NOT_SUPPORTED, which the specification keeps for protocols (conformance B06 ...). */
static void scmi_unknown_message_not_found(void)
{
	EXPECT_EQ(CALL0(CLOCK, 0x20), true);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(CALL0(BASE, 0xff), true);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(CALL0(SENSOR, 0x7), true);	/* AXIS_DESCRIPTION_GET is 3.0 */
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(cnt.errors, 3);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scmi_short_length_protocol_error(void)
{
	uint8_t p[16] = { 0 };

	EXPECT_EQ(raw(4, SCMI_HDR_PACK(0x6, 0, CLOCK, 5), p, 0), true);	/* RATE_GET, no id */
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	EXPECT_EQ(raw(4 + 15, SCMI_HDR_PACK(0x5, 0, CLOCK, 5), p, 15), true);
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	EXPECT_EQ(raw(4 + 3, SCMI_HDR_PACK(0x6, 0, BASE, 5), p, 3), true);
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	EXPECT_EQ(cnt.errors, 3);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scmi_oversized_length_protocol_error(void)
{
	uint8_t p[256] = { 0 };

	EXPECT_EQ(raw(4 + 8, SCMI_HDR_PACK(0x6, 0, CLOCK, 6), p, 8), true);
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	EXPECT_EQ(raw(4 + 4, SCMI_HDR_PACK(0x0, 0, BASE, 6), p, 4), true);
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	EXPECT_EQ(raw(4 + 200, SCMI_HDR_PACK(0x6, 0, CLOCK, 6), p, 200), true);
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	/* the largest message the region holds is still answered */
	EXPECT_EQ(raw(REGION - SMT_HEADER, SCMI_HDR_PACK(0x6, 0, CLOCK, 6), p, 0), true);
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	EXPECT_EQ(cnt.errors, 4);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scmi_length_without_header_is_malformed(void)
{
	static const uint32_t lengths[] = { 0, 1, 3 };
	unsigned int i;

	for (i = 0; i < 3; i++) {
		EXPECT_EQ(raw(lengths[i], SCMI_HDR_PACK(0, 0, BASE, 7), NULL, 0), false);
		EXPECT_MALFORMED_UNTOUCHED();
		EXPECT_EQ(le32(shmem + SMT_LENGTH), lengths[i]);	/* not rewritten */
	}
	EXPECT_EQ(cnt.malformed, 3);
	EXPECT_EQ(cnt.errors, 0);
}

static void scmi_length_past_region_is_malformed(void)
{
	static const uint32_t lengths[] = { REGION - SMT_HEADER + 1, REGION, 0x10000, 0x7fffffff };
	unsigned int i;

	for (i = 0; i < 4; i++) {
		EXPECT_EQ(raw(lengths[i], SCMI_HDR_PACK(0x6, 0, CLOCK, 8), NULL, 0), false);
		EXPECT_MALFORMED_UNTOUCHED();
	}
	EXPECT_EQ(cnt.malformed, 4);
	EXPECT_EQ(cnt.errors, 0);
}

static void scmi_length_that_wraps_is_malformed(void)
{
	/* length + offset overflows 32 bits; length - 4 would underflow if unchecked */
	static const uint32_t lengths[] = { 0xffffffff, 0xfffffffc, 0xffffffe8, 0x80000000 };
	unsigned int i;

	for (i = 0; i < 4; i++) {
		EXPECT_EQ(raw(lengths[i], SCMI_HDR_PACK(0, 0, BASE, 9), NULL, 0), false);
		EXPECT_MALFORMED_UNTOUCHED();
	}
	EXPECT_EQ(cnt.malformed, 4);
	EXPECT_EQ(cnt.errors, 0);
}

static void scmi_reserved_header_bits_protocol_error(void)
{
	/* a token that overflows its 10 bits, and the other reserved bits */
	static const uint32_t extra[] = { 1U << 28, 1U << 29, 1U << 31, 0xf0000000 };
	unsigned int i;

	for (i = 0; i < 4; i++) {
		EXPECT_EQ(raw(4, SCMI_HDR_PACK(0, 0, BASE, 0x3ff) | extra[i], NULL, 0), true);
		EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	}
	EXPECT_EQ(cnt.errors, 4);
	EXPECT_EQ(cnt.malformed, 0);
}

static void scmi_non_command_type_protocol_error(void)
{
	unsigned int type;

	for (type = 1; type < 4; type++) {
		EXPECT_EQ(raw(4, SCMI_HDR_PACK(0, type, BASE, 10), NULL, 0), true);
		EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
	}
	EXPECT_EQ(cnt.errors, 3);
}

static void scmi_region_too_small_is_malformed(void)
{
	uint8_t *mem = small_region(SCMI_MIN_REGION - 1);
	size_t i;

	EXPECT(mem, "malloc");
	EXPECT_EQ(raw_in(mem, SCMI_MIN_REGION - 1, 4, SCMI_HDR_PACK(0, 0, BASE, 11), NULL, 0),
		  false);
	EXPECT_EQ(le32(mem + SMT_CHANNEL_STATUS), SMT_STATUS_FREE | SMT_STATUS_ERROR);
	EXPECT_EQ(le32(mem + SMT_LENGTH), 4);
	mem = small_region(7);				/* not even a channel status */
	EXPECT(mem, "malloc");
	EXPECT_EQ(count_scmi(mem, 7), false);
	for (i = 0; i < 7; i++)
		EXPECT(mem[i] == POISON, "byte %zu written", i);
	EXPECT_EQ(count_scmi(NULL, REGION), false);
	EXPECT_EQ(cnt.malformed, 3);
	EXPECT_EQ(cnt.errors, 0);
}

static void scmi_smallest_region_serves_the_largest_reply(void)
{
	uint8_t *mem = small_region(SCMI_MIN_REGION);
	uint8_t p[4] = { 0 };

	EXPECT(mem, "malloc");
	EXPECT_EQ(raw_in(mem, SCMI_MIN_REGION, 8, SCMI_HDR_PACK(0x3, 0, SENSOR, 12), p, 4),
		  true);
	EXPECT_EQ(le32(mem + SMT_PAYLOAD), SCMI_SUCCESS);
	EXPECT_EQ(le32(mem + SMT_LENGTH), 8 + 4 + 4 * 28);
	EXPECT_EQ(le32(mem + SMT_CHANNEL_STATUS), SMT_STATUS_FREE);
}

static void scmi_error_reply_carries_only_the_status(void)
{
	CALL(CLOCK, 0x6, 99);
	EXPECT_REPLY(SCMI_NOT_FOUND, 0);
	EXPECT_EQ(le32(shmem + SMT_LENGTH), 8);
}

static void scmi_counters_count_errors_and_malformed_apart(void)
{
	CALL0(BASE, 0);
	CALL(BASE, 0x6, 0);
	EXPECT_EQ(cnt.errors, 0);
	CALL0(0x42, 0);					/* NOT_SUPPORTED */
	CALL(POWER, 0x5, 9);				/* NOT_FOUND */
	raw(5, SCMI_HDR_PACK(0, 0, BASE, 1), "x", 1);	/* PROTOCOL_ERROR */
	raw(2, 0, NULL, 0);				/* malformed */
	raw(0xffffffff, 0, NULL, 0);			/* malformed */
	EXPECT_EQ(cnt.errors, 3);
	EXPECT_EQ(cnt.malformed, 2);
	EXPECT_EQ(cnt.served, 5);			/* every reply, error replies included */
}

static void scmi_payload_past_copy_buffer_is_protocol_error(void)
{
	static uint8_t big[REGION];

	/* longer than SCMI_REQ_MAX: only the buffer's worth is read, and no handler runs */
	EXPECT_EQ(raw(4 + SCMI_REQ_MAX + 64, SCMI_HDR_PACK(0x6, 0, BASE, 13), big,
		      SCMI_REQ_MAX + 64), true);
	EXPECT_REPLY(SCMI_PROTOCOL_ERROR, 0);
}

static void scmi_agent_garbage_in_status_and_flags(void)
{
	/* left "busy" with the error and reserved bits set, odd flags: handed back FREE exactly */
	memset(shmem, POISON, sizeof(shmem));
	put32(shmem + SMT_CHANNEL_STATUS, 0xfffffffc);
	put32(shmem + SMT_FLAGS, 0xffffffff);
	put32(shmem + SMT_LENGTH, 4);
	put32(shmem + SMT_HEADER, SCMI_HDR_PACK(0, 0, BASE, 30));
	EXPECT_EQ(count_scmi(shmem, REGION), true);
	EXPECT_EQ(le32(shmem + SMT_CHANNEL_STATUS), SMT_STATUS_FREE);
	EXPECT_EQ(le32(shmem + SMT_FLAGS), 0xffffffff);
	EXPECT_EQ(le32(shmem + SMT_PAYLOAD), SCMI_SUCCESS);
	/* and a malformed one: FREE | ERROR exactly, flags still untouched */
	put32(shmem + SMT_CHANNEL_STATUS, 0xfffffffc);
	put32(shmem + SMT_LENGTH, 2);
	EXPECT_EQ(count_scmi(shmem, REGION), false);
	EXPECT_EQ(le32(shmem + SMT_CHANNEL_STATUS), SMT_STATUS_FREE | SMT_STATUS_ERROR);
	EXPECT_EQ(le32(shmem + SMT_FLAGS), 0xffffffff);
}

static void scmi_token_reused_is_answered_again(void)
{
	unsigned int i;

	/* the platform keeps no token state: the same token twice is two messages */
	for (i = 0; i < 2; i++) {
		EXPECT_EQ(raw(4, SCMI_HDR_PACK(0, 0, BASE, 0x155), NULL, 0), true);
		EXPECT_REPLY(SCMI_SUCCESS, 4);
	}
	EXPECT_EQ(cnt.errors, 0);
}

/* ---- a second CPU rewrites the region while it is served (hammer.h) ---- */

#define HAMMER_SERVES	200000
#define HAMMER_WRITES	400000

/* Every frame invalid (header bit 28 stays set), lengths mostly inside the region. */
static uint8_t shape_bad(size_t off, uint8_t b)
{
	if (off == SMT_HEADER + 3)
		return b | 0x10;
	if (off == SMT_LENGTH + 2 || off == SMT_LENGTH + 3)
		return 0;
	return b;
}

/* Mostly frames that reach a handler: a real protocol, small message IDs, lengths 4..20. */
static uint8_t shape_plausible(size_t off, uint8_t b)
{
	if (b < 0x08)
		return b;			/* and now and then anything */
	switch (off) {
	case SMT_LENGTH:
		return (uint8_t)(4 + 4 * (b % 5));
	case SMT_LENGTH + 1: case SMT_LENGTH + 2: case SMT_LENGTH + 3:
		return 0;
	case SMT_HEADER:
		return b % 16;				/* message */
	case SMT_HEADER + 1:
		return (uint8_t)((0x10 + b % 7) << 2);	/* type command, protocol 0x10..0x16 */
	case SMT_HEADER + 2:
		return b & 0xfc;			/* token */
	case SMT_HEADER + 3:
		return b & 0x0f;			/* token, reserved clear */
	default:
		return b;
	}
}

/* Lengths on both sides of the smallest region's limit (136). */
static uint8_t shape_small(size_t off, uint8_t b)
{
	return off > SMT_LENGTH && off < SMT_HEADER ? 0 : b;
}

/* Serve requests from @mem while @h rewrites it (hammer_more()); counts each return value. */
static unsigned long serve_hammered(uint8_t *mem, size_t size, struct hammer *h,
				    unsigned long rc[3])
{
	uint64_t s = h->seed + 1000;
	unsigned long i;

	rc[0] = rc[1] = rc[2] = 0;
	h->mem = mem;
	if (hammer_start(h))
		return 0;
	for (i = 0; hammer_more(h, i, HAMMER_SERVES, HAMMER_WRITES); i++) {
		int r;

		hammer_poke(h, &s, 4);
		r = count_scmi(mem, size);

		rc[r == true ? 0 : r == false ? 1 : 2]++;
	}
	return hammer_stop(h);
}

static void scmi_region_rewritten_while_served_bad_frames(void)
{
	struct hammer h = { .from = SMT_LENGTH, .len = 8 + SCMI_REQ_MAX, .shape = shape_bad,
			    .seed = 1 };
	unsigned long rc[3], writes;

	raw(4, SCMI_HDR_PACK(0, 0, BASE, 1) | (1U << 28), NULL, 0);	/* invalid from the start */
	memset(&cnt, 0, sizeof(cnt));
	writes = serve_hammered(shmem, REGION, &h, rc);
	EXPECT(writes > 0, "the hammer thread did not run");
	EXPECT_EQ(rc[2], 0);
	EXPECT(rc[0] > 0 && rc[1] > 0, "served %lu, malformed %lu: both paths wanted", rc[0], rc[1]);
	EXPECT_EQ(cnt.malformed, rc[1]);
	EXPECT_EQ(cnt.errors, rc[0]);		/* every served frame was a protocol error */
	printf("   (scmi bad frames: %lu served, %lu malformed, %lu bytes rewritten meanwhile)\n",
	       rc[0], rc[1], writes);
}

static void scmi_region_rewritten_while_served_plausible_frames(void)
{
	struct hammer h = { .from = SMT_LENGTH, .len = 8 + 16, .shape = shape_plausible,
			    .seed = 2 };
	unsigned long rc[3], writes;

	memset(shmem, 0, sizeof(shmem));
	writes = serve_hammered(shmem, REGION, &h, rc);
	EXPECT(writes > 0, "the hammer thread did not run");
	EXPECT_EQ(rc[2], 0);
	EXPECT_EQ(cnt.malformed, rc[1]);
	EXPECT(cnt.errors <= rc[0], "%llu errors for %lu served",
	       (unsigned long long)cnt.errors, rc[0]);
	EXPECT(cnt.errors < rc[0], "no frame was served successfully: the shape is wrong");
	printf("   (scmi plausible frames: %lu served, %llu of them errors, %lu malformed, %lu bytes rewritten)\n",
	       rc[0], (unsigned long long)cnt.errors, rc[1], writes);
}

static void scmi_smallest_region_rewritten_while_served(void)
{
	uint8_t *mem = small_region(SCMI_MIN_REGION);	/* ASan: not one byte past it */
	struct hammer h = { .from = SMT_LENGTH, .len = SCMI_MIN_REGION - SMT_LENGTH,
			    .shape = shape_small, .seed = 3 };
	unsigned long rc[3], writes;

	EXPECT(mem, "malloc");
	writes = serve_hammered(mem, SCMI_MIN_REGION, &h, rc);
	EXPECT(writes > 0, "the hammer thread did not run");
	EXPECT_EQ(rc[2], 0);
	EXPECT(rc[0] > 0 && rc[1] > 0, "served %lu, malformed %lu: both paths wanted", rc[0], rc[1]);
	EXPECT_EQ(cnt.malformed, rc[1]);
}

/* ---- docs/scmi-conformance.md, row by row ---- */

#ifndef SCMI_CONFORMANCE_DOC
#error "tests/Makefile passes the path of docs/scmi-conformance.md"
#endif

/* The table has at least this many rows; fewer means rows were lost, not removed on purpose. */
#define CONFORMANCE_MIN_ROWS	120

static const struct { const char *name; int32_t status; } status_names[] = {
	{ "SUCCESS", SCMI_SUCCESS }, { "NOT_SUPPORTED", SCMI_NOT_SUPPORTED },
	{ "INVALID_PARAMETERS", SCMI_INVALID_PARAMETERS }, { "DENIED", SCMI_DENIED },
	{ "NOT_FOUND", SCMI_NOT_FOUND }, { "OUT_OF_RANGE", SCMI_OUT_OF_RANGE },
	{ "BUSY", SCMI_BUSY }, { "COMMS_ERROR", SCMI_COMMS_ERROR },
	{ "GENERIC_ERROR", SCMI_GENERIC_ERROR }, { "HARDWARE_ERROR", SCMI_HARDWARE_ERROR },
	{ "PROTOCOL_ERROR", SCMI_PROTOCOL_ERROR },
};

/* One table row: | Row | Command | Input class | `Request` | Status | Reply | Reference | */
struct conf_row {
	char id[16];
	char request[256];
	int32_t status;
	unsigned long reply;
};

static char *trim(char *p)
{
	char *e;

	while (*p == ' ' || *p == '`')
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '`' || e[-1] == '\n'))
		*--e = '\0';
	return p;
}

/* 1 for a row, 0 for any other line, -1 (and @why) for a row that does not parse. */
static int conf_parse(char *line, struct conf_row *r, char *why, size_t why_n)
{
	char *cell[8], *p = line, *end;
	unsigned int n = 0, i;

	if (strncmp(line, "| ", 2) || line[2] < 'A' || line[2] > 'Z' || line[3] < '0' ||
	    line[3] > '9')
		return 0;
	while (n < 8 && (p = strchr(p, '|'))) {
		*p++ = '\0';
		cell[n++] = p;
	}
	if (n != 8) {
		snprintf(why, why_n, "%u cells, want 7", n ? n - 1 : 0);
		return -1;
	}
	snprintf(r->id, sizeof(r->id), "%s", trim(cell[0]));
	snprintf(r->request, sizeof(r->request), "%s", trim(cell[3]));
	for (i = 0; i < sizeof(status_names) / sizeof(status_names[0]); i++)
		if (!strcmp(trim(cell[4]), status_names[i].name))
			break;
	if (i == sizeof(status_names) / sizeof(status_names[0])) {
		snprintf(why, why_n, "status '%s'", trim(cell[4]));
		return -1;
	}
	r->status = status_names[i].status;
	r->reply = strtoul(trim(cell[5]), &end, 10);
	if (*end || end == trim(cell[5])) {
		snprintf(why, why_n, "reply '%s'", trim(cell[5]));
		return -1;
	}
	return 1;
}

/* Send one request "proto msg [word...] [len=N]"; 0 when sent, else why it does not parse. */
static const char *conf_send(char *req)
{
	uint32_t words[16];
	uint8_t p[64] = { 0 };
	unsigned long v[2];
	size_t n = 0, len = (size_t)-1, i;
	char *tok, *save, *end;

	for (i = 0, tok = strtok_r(req, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
		if (!strncmp(tok, "len=", 4)) {
			len = strtoul(tok + 4, &end, 0);
			if (*end || len > sizeof(p))
				return "bad len=";
			continue;
		}
		if (i < 2) {
			v[i++] = strtoul(tok, &end, 0);
			if (*end || v[i - 1] > 0xff)
				return "bad protocol or message ID";
			continue;
		}
		if (n == 16)
			return "too many words";
		words[n++] = (uint32_t)strtoul(tok, &end, 0);
		if (*end)
			return "bad word";
	}
	if (i < 2)
		return "no protocol and message ID";
	for (i = 0; i < n; i++)
		put32(p + 4 * i, words[i]);
	if (len == (size_t)-1)
		len = 4 * n;
	next_token = (uint16_t)((next_token + 1) & 0x3ff);
	raw((uint32_t)(4 + len), SCMI_HDR_PACK(v[1], 0, v[0], next_token), p, len);
	return NULL;
}

static void conf_run(struct conf_row *r)
{
	char *req = r->request, *next;
	const char *bad;

	for (;;) {
		next = strchr(req, ';');
		if (next)
			*next++ = '\0';
		bad = conf_send(req);
		EXPECT(!bad, "request '%s': %s", req, bad);
		if (!next)
			break;
		EXPECT(STATUS == SCMI_SUCCESS, "set-up request failed with %d", STATUS);
		req = next;
	}
	EXPECT_REPLY(r->status, r->reply);
}

/* One PASS/FAIL line per row, through test_report() as every test. */
static void run_conformance(const char *path)
{
	FILE *f = fopen(path, "r");
	struct conf_row r;
	char line[1024], why[128], name[64];
	int rows = 0, rc;

	if (!f) {
		snprintf(why, sizeof(why), "cannot open %s", path);
		test_report("conformance_", "table", why);
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		rc = conf_parse(line, &r, why, sizeof(why));
		if (!rc)
			continue;
		rows++;
		if (rc < 0) {
			snprintf(name, sizeof(name), "row_%d", rows);
			test_report("conformance_", name, why);
			continue;
		}
		proto_reset();
		test_failed = false;
		conf_run(&r);
		test_report("conformance_", r.id, test_failed ? test_why : NULL);
	}
	fclose(f);
	if (rows < CONFORMANCE_MIN_ROWS) {
		snprintf(why, sizeof(why), "%d rows in %s, want at least %d", rows, path,
			 CONFORMANCE_MIN_ROWS);
		test_report("conformance_", "table", why);
	}
}

int main(void)
{
	static const struct test_case tests[] = {
		TEST_CASE(scmi_base_version_is_2_0),
		TEST_CASE(scmi_base_attributes_report_five_protocols_one_agent),
		TEST_CASE(scmi_base_message_attributes_know_the_table),
		TEST_CASE(scmi_base_discover_vendor_names),
		TEST_CASE(scmi_base_discover_implementation_version),
		TEST_CASE(scmi_base_list_protocols_returns_all_padded),
		TEST_CASE(scmi_base_list_protocols_skip_returns_the_rest),
		TEST_CASE(scmi_base_list_protocols_skip_at_end_none_past_end_invalid),
		TEST_CASE(scmi_base_discover_agent_platform_ospm_and_self),
		TEST_CASE(scmi_base_discover_agent_unknown_returns_not_found),
		TEST_CASE(scmi_base_negotiate_and_notify_not_found),
		TEST_CASE(scmi_power_version_and_attributes),
		TEST_CASE(scmi_power_domain_attributes_give_names_and_sync_flag),
		TEST_CASE(scmi_power_domain_attributes_bad_domain_not_found),
		TEST_CASE(scmi_power_state_get_returns_model_state),
		TEST_CASE(scmi_power_state_set_is_seen_by_scpi),
		TEST_CASE(scmi_power_state_set_rejects_async_flags_states_and_domains),
		TEST_CASE(scmi_power_state_notify_not_found),
		TEST_CASE(scmi_perf_version_and_attributes),
		TEST_CASE(scmi_perf_domain_attributes_give_multiplier_1000),
		TEST_CASE(scmi_perf_describe_levels_returns_opps_in_khz),
		TEST_CASE(scmi_perf_describe_levels_from_index_returns_remaining),
		TEST_CASE(scmi_perf_level_set_moves_the_opp_scpi_sees),
		TEST_CASE(scmi_perf_level_set_rejects_non_opp_levels),
		TEST_CASE(scmi_perf_level_get_returns_current_level),
		TEST_CASE(scmi_perf_limits_set_keeps_opps_inside_and_clamps),
		TEST_CASE(scmi_perf_limits_set_rejects_bad_ranges),
		TEST_CASE(scmi_perf_notify_and_fastchannels_not_found),
		TEST_CASE(scmi_clock_version_and_attributes),
		TEST_CASE(scmi_clock_attributes_give_name_and_enabled_bit),
		TEST_CASE(scmi_clock_describe_rates_is_a_range_triplet),
		TEST_CASE(scmi_clock_rate_get_matches_scpi),
		TEST_CASE(scmi_clock_rate_set_sets_model_rate),
		TEST_CASE(scmi_clock_rate_set_outside_range_invalid),
		TEST_CASE(scmi_clock_rate_set_async_and_reserved_flags_rejected),
		TEST_CASE(scmi_clock_config_set_disables_and_scpi_reads_zero),
		TEST_CASE(scmi_clock_config_set_rejects_reserved_bits_and_bad_id),
		TEST_CASE(scmi_clock_name_get_and_notify_not_found),
		TEST_CASE(scmi_sensor_version_and_attributes),
		TEST_CASE(scmi_sensor_descriptions_come_in_pages_with_units),
		TEST_CASE(scmi_sensor_description_past_end_invalid),
		TEST_CASE(scmi_sensor_readings_match_scpi_values),
		TEST_CASE(scmi_sensor_reading_rejects_async_flags_and_ids),
		TEST_CASE(scmi_sensor_trip_points_not_found),
		TEST_CASE(scmi_reset_version_attributes_and_names),
		TEST_CASE(scmi_reset_explicit_and_autonomous_reach_the_model),
		TEST_CASE(scmi_reset_refused_requests_leave_the_lines_alone),
		TEST_CASE(scmi_linux_probe_sequence_succeeds),
		TEST_CASE(scmi_reply_echoes_header_and_token),
		TEST_CASE(scmi_unknown_protocol_not_supported),
		TEST_CASE(scmi_unknown_message_not_found),
		TEST_CASE(scmi_short_length_protocol_error),
		TEST_CASE(scmi_oversized_length_protocol_error),
		TEST_CASE(scmi_length_without_header_is_malformed),
		TEST_CASE(scmi_length_past_region_is_malformed),
		TEST_CASE(scmi_length_that_wraps_is_malformed),
		TEST_CASE(scmi_reserved_header_bits_protocol_error),
		TEST_CASE(scmi_non_command_type_protocol_error),
		TEST_CASE(scmi_region_too_small_is_malformed),
		TEST_CASE(scmi_smallest_region_serves_the_largest_reply),
		TEST_CASE(scmi_error_reply_carries_only_the_status),
		TEST_CASE(scmi_counters_count_errors_and_malformed_apart),
		TEST_CASE(scmi_payload_past_copy_buffer_is_protocol_error),
		TEST_CASE(scmi_agent_garbage_in_status_and_flags),
		TEST_CASE(scmi_token_reused_is_answered_again),
		TEST_CASE(scmi_region_rewritten_while_served_bad_frames),
		TEST_CASE(scmi_region_rewritten_while_served_plausible_frames),
		TEST_CASE(scmi_smallest_region_rewritten_while_served),
	};
	run_proto_tests(tests, sizeof(tests) / sizeof(tests[0]));
	run_conformance(SCMI_CONFORMANCE_DOC);
	free(small);
	return test_exit_status();
}
