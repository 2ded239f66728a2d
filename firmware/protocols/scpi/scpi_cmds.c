// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCPI commands: the table the transport checks every request against, and one small
 * handler per command. Wire layouts are those of Linux's arm_scpi.c (all little-endian,
 * packed); each handler's comment gives its request -> reply.
 *
 * Handlers see private copies only, with the request size already checked exactly; they
 * translate model statuses: no such item -> PARAM, value outside its range -> RANGE.
 */
#include "scpi.h"

#include "fwstring.h"
#include "model/model.h"

#define SCPI_NAME_SIZE		20	/* clock and sensor names on the wire */
#define SCPI_MAX_OPPS_WIRE	16	/* arm_scpi.c MAX_DVFS_OPPS */
#define SCPI_CLOCK_FLAGS	0x3	/* rate settable | rate readable (Linux ignores it) */

_Static_assert(MODEL_MAX_OPPS <= SCPI_MAX_OPPS_WIRE, "OPP table too long for SCPI");
_Static_assert(MODEL_NAME_MAX <= SCPI_NAME_SIZE, "names must fit the SCPI field");

static uint32_t model_to_scpi(int ret)
{
	switch (ret) {
	case MODEL_OK:
		return SCPI_OK;
	case MODEL_ERANGE:
		return SCPI_ERR_RANGE;
	default:
		return SCPI_ERR_PARAM;
	}
}

/* () -> {le32 protocol, le32 event, le32 platform, le32 commands[4]} */
static uint32_t scp_capabilities(struct scpi_msg *m)
{
	uint32_t bits[4] = { 0, 0, 0, 0 };
	unsigned int i;

	for (i = 0; i < SCPI_CMD_COUNT; i++)
		if (scpi_cmds[i].handler)
			bits[i / 32] |= 1U << (i % 32);
	fw_put_le32(m->rep, SCPI_PROTOCOL_VERSION);
	fw_put_le32(m->rep + 4, SCPI_EVENT_VERSION);
	fw_put_le32(m->rep + 8, SCPI_FIRMWARE_VERSION);
	for (i = 0; i < 4; i++)
		fw_put_le32(m->rep + 12 + 4 * i, bits[i]);
	m->reply_len = 28;
	return SCPI_OK;
}

/* () -> {u8 number of DVFS domains} (not used by Linux) */
static uint32_t dvfs_capabilities(struct scpi_msg *m)
{
	m->rep[0] = (uint8_t)model_dvfs_count();
	m->reply_len = 1;
	return SCPI_OK;
}

/* {u8 domain} -> {u8 domain, u8 opp_count, le16 latency_us, {le32 hz, le32 mv}[count]} */
static uint32_t get_dvfs_info(struct scpi_msg *m)
{
	const struct model_dvfs_desc *d = model_dvfs(m->req[0]);
	unsigned int i;

	if (!d)
		return SCPI_ERR_PARAM;
	m->rep[0] = m->req[0];
	m->rep[1] = (uint8_t)d->opp_count;
	fw_put_le16(m->rep + 2, (uint16_t)d->latency_us);
	for (i = 0; i < d->opp_count; i++) {
		fw_put_le32(m->rep + 4 + 8 * i, d->opps[i].hz);
		fw_put_le32(m->rep + 8 + 8 * i, d->opps[i].mv);
	}
	m->reply_len = 4 + 8 * (size_t)d->opp_count;
	return SCPI_OK;
}

/* {u8 domain, u8 opp index} -> () */
static uint32_t set_dvfs(struct scpi_msg *m)
{
	return model_to_scpi(model_dvfs_set_opp(m->req[0], m->req[1]));
}

/* {u8 domain} -> {u8 opp index} */
static uint32_t get_dvfs(struct scpi_msg *m)
{
	unsigned int idx;
	int ret = model_dvfs_get_opp(m->req[0], &idx);

	if (ret)
		return model_to_scpi(ret);
	m->rep[0] = (uint8_t)idx;
	m->reply_len = 1;
	return SCPI_OK;
}

/* () -> {le16 number of clocks} (not used by Linux) */
static uint32_t clock_capabilities(struct scpi_msg *m)
{
	fw_put_le16(m->rep, (uint16_t)model_clock_count());
	m->reply_len = 2;
	return SCPI_OK;
}

/* {le16 id} -> {le16 id, le16 flags, le32 min_hz, le32 max_hz, char name[20]} */
static uint32_t get_clock_info(struct scpi_msg *m)
{
	uint16_t id = fw_get_le16(m->req);
	const struct model_clock_desc *c = model_clock(id);

	if (!c)
		return SCPI_ERR_PARAM;
	fw_put_le16(m->rep, id);
	fw_put_le16(m->rep + 2, SCPI_CLOCK_FLAGS);
	fw_put_le32(m->rep + 4, c->min_hz);
	fw_put_le32(m->rep + 8, c->max_hz);
	fw_name_field(m->rep + 12, SCPI_NAME_SIZE, c->name);
	m->reply_len = 12 + SCPI_NAME_SIZE;
	return SCPI_OK;
}

/*
 * {le16 id, le16 reserved, le32 hz} -> ()
 * A rate of 0 disables the clock (scpi_protocol.h: "setting to 0 will disable the clock");
 * any other rate must be within [min, max], is set exactly and enables the clock.
 */
static uint32_t set_clock_value(struct scpi_msg *m)
{
	uint16_t id = fw_get_le16(m->req);
	uint32_t hz = fw_get_le32(m->req + 4);
	int ret;

	if (!hz)
		return model_to_scpi(model_clock_set_enabled(id, false));
	ret = model_clock_set_rate(id, hz);
	if (!ret)
		ret = model_clock_set_enabled(id, true);
	return model_to_scpi(ret);
}

/* {le16 id} -> {le32 hz}, 0 while the clock is disabled */
static uint32_t get_clock_value(struct scpi_msg *m)
{
	uint16_t id = fw_get_le16(m->req);
	uint32_t hz;
	bool on;
	int ret;

	ret = model_clock_get_rate(id, &hz);
	if (!ret)
		ret = model_clock_get_enabled(id, &on);
	if (ret)
		return model_to_scpi(ret);
	fw_put_le32(m->rep, on ? hz : 0);
	m->reply_len = 4;
	return SCPI_OK;
}

/* () -> {le16 number of sensors} */
static uint32_t sensor_capabilities(struct scpi_msg *m)
{
	fw_put_le16(m->rep, (uint16_t)model_sensor_count());
	m->reply_len = 2;
	return SCPI_OK;
}

/* {le16 id} -> {le16 id, u8 class, u8 trigger type (0: none), char name[20]} */
static uint32_t sensor_info(struct scpi_msg *m)
{
	uint16_t id = fw_get_le16(m->req);
	const struct model_sensor_desc *s = model_sensor(id);

	if (!s)
		return SCPI_ERR_PARAM;
	fw_put_le16(m->rep, id);
	m->rep[2] = (uint8_t)s->class;
	m->rep[3] = 0;
	fw_name_field(m->rep + 4, SCPI_NAME_SIZE, s->name);
	m->reply_len = 4 + SCPI_NAME_SIZE;
	return SCPI_OK;
}

/* {le16 id} -> {le64 value}: m-degC, mV, uA, uW, uJ by class */
static uint32_t sensor_value(struct scpi_msg *m)
{
	uint64_t v;
	int ret = model_sensor_read(fw_get_le16(m->req), &v);

	if (ret)
		return model_to_scpi(ret);
	fw_put_le64(m->rep, v);
	m->reply_len = 8;
	return SCPI_OK;
}

/* {le16 device, u8 pstate} -> (); pstate 0 = on, 3 = off, anything else PWRSTATE */
static uint32_t set_device_pwr_state(struct scpi_msg *m)
{
	uint16_t id = fw_get_le16(m->req);

	if (!model_pd(id))
		return SCPI_ERR_PARAM;
	if (m->req[2] != SCPI_PSTATE_ON && m->req[2] != SCPI_PSTATE_OFF)
		return SCPI_ERR_PWRSTATE;
	return model_to_scpi(model_pd_set(id, m->req[2] == SCPI_PSTATE_ON));
}

/* {le16 device} -> {u8 pstate} */
static uint32_t get_device_pwr_state(struct scpi_msg *m)
{
	bool on;
	int ret = model_pd_get(fw_get_le16(m->req), &on);

	if (ret)
		return model_to_scpi(ret);
	m->rep[0] = on ? SCPI_PSTATE_ON : SCPI_PSTATE_OFF;
	m->reply_len = 1;
	return SCPI_OK;
}

/* {handler, exact request size, largest reply}: checked by scpi_dispatch() before the call. */
const struct scpi_cmd scpi_cmds[SCPI_CMD_COUNT] = {
	[SCPI_CMD_SCPI_CAPABILITIES]	= { scp_capabilities, 0, 28 },
	[SCPI_CMD_DVFS_CAPABILITIES]	= { dvfs_capabilities, 0, 1 },
	[SCPI_CMD_GET_DVFS_INFO]	= { get_dvfs_info, 1, 4 + 8 * MODEL_MAX_OPPS },
	[SCPI_CMD_SET_DVFS]		= { set_dvfs, 2, 0 },
	[SCPI_CMD_GET_DVFS]		= { get_dvfs, 1, 1 },
	[SCPI_CMD_CLOCK_CAPABILITIES]	= { clock_capabilities, 0, 2 },
	[SCPI_CMD_GET_CLOCK_INFO]	= { get_clock_info, 2, 12 + SCPI_NAME_SIZE },
	[SCPI_CMD_SET_CLOCK_VALUE]	= { set_clock_value, 8, 0 },
	[SCPI_CMD_GET_CLOCK_VALUE]	= { get_clock_value, 2, 4 },
	[SCPI_CMD_SENSOR_CAPABILITIES]	= { sensor_capabilities, 0, 2 },
	[SCPI_CMD_SENSOR_INFO]		= { sensor_info, 2, 4 + SCPI_NAME_SIZE },
	[SCPI_CMD_SENSOR_VALUE]		= { sensor_value, 2, 8 },
	[SCPI_CMD_SET_DEVICE_PWR_STATE]	= { set_device_pwr_state, 3, 0 },
	[SCPI_CMD_GET_DEVICE_PWR_STATE]	= { get_device_pwr_state, 2, 1 },
};
