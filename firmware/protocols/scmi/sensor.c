// SPDX-License-Identifier: BSD-3-Clause
/*
 * SCMI sensor protocol (0x15), version 1.0 (Linux's "SCMIv2_SENSOR_PROTOCOL", 0x10000),
 * over the model's sensors: the same IDs, names and raw values as SCPI. Each descriptor
 * gives the unit and a power-of-ten scale so the value means the same thing:
 *   temperature: degC, 10^-3   voltage: V, 10^-3   current: A, 10^-3
 *   power: W, 10^-6            energy: J, 10^-6
 * Synchronous reads only (attributes_low bit 31 clear; an async read is NOT_SUPPORTED), no
 * trip points, no notifications: TRIP_POINT_NOTIFY/CONFIG are not implemented (NOT_FOUND).
 */
#include "scmi.h"

#include "fwstring.h"
#include "model/model.h"

#define SENSOR_VERSION			0x00010000U

#define SENSOR_DESC_SIZE		28	/* v1.0: id, attributes low/high, name[16] */
#define SENSOR_READ_ASYNC		(1U << 0)

/* SCMI sensor types. */
#define SCMI_SENSOR_NONE		0x0
#define SCMI_SENSOR_TEMPERATURE_C	0x2
#define SCMI_SENSOR_VOLTAGE		0x5
#define SCMI_SENSOR_CURRENT		0x6
#define SCMI_SENSOR_POWER		0x7
#define SCMI_SENSOR_ENERGY		0x8

/* attributes_high: type[7:0], scale[15:11] (5-bit two's complement power of ten). */
#define SENSOR_ATTR_HIGH(type, scale) \
	((uint32_t)(type) | (((uint32_t)(scale) & 0x1fU) << 11))

static uint32_t attr_high(unsigned int class)
{
	switch (class) {
	case MODEL_SENSOR_TEMPERATURE:
		return SENSOR_ATTR_HIGH(SCMI_SENSOR_TEMPERATURE_C, -3);
	case MODEL_SENSOR_VOLTAGE:
		return SENSOR_ATTR_HIGH(SCMI_SENSOR_VOLTAGE, -3);
	case MODEL_SENSOR_CURRENT:
		return SENSOR_ATTR_HIGH(SCMI_SENSOR_CURRENT, -3);
	case MODEL_SENSOR_POWER:
		return SENSOR_ATTR_HIGH(SCMI_SENSOR_POWER, -6);
	case MODEL_SENSOR_ENERGY:
		return SENSOR_ATTR_HIGH(SCMI_SENSOR_ENERGY, -6);
	default:
		return SENSOR_ATTR_HIGH(SCMI_SENSOR_NONE, 0);
	}
}

/* -> {le16 num_sensors, u8 max_requests, u8 reserved, le32 reg_low, reg_high, reg_size} */
static int32_t attributes(struct scmi_msg *m)
{
	scmi_out_u16(m, (uint16_t)model_sensor_count());
	scmi_out_u8(m, 0);
	scmi_out_u8(m, 0);
	scmi_out_u32(m, 0);
	scmi_out_u32(m, 0);
	scmi_out_u32(m, 0);
	return SCMI_SUCCESS;
}

/*
 * {le32 desc_index} -> {le16 returned, le16 remaining,
 *   {le32 id, le32 attributes_low, le32 attributes_high, char name[16]}[returned]}
 * As many as fit in a reply (4); an index past the last sensor is INVALID_PARAMETERS
 * (SCP-firmware, Arm's SCMI compliance suite).
 */
static int32_t description_get(struct scmi_msg *m)
{
	uint32_t first = fw_get_le32(m->in), total = model_sensor_count(), n, i;

	if (first >= total)
		return SCMI_INVALID_PARAMETERS;
	n = total - first;
	if (n > (SCMI_REPLY_MAX - 4) / SENSOR_DESC_SIZE)
		n = (SCMI_REPLY_MAX - 4) / SENSOR_DESC_SIZE;
	scmi_out_u16(m, (uint16_t)n);
	scmi_out_u16(m, (uint16_t)(total - first - n));
	for (i = 0; i < n; i++) {
		const struct model_sensor_desc *s = model_sensor(first + i);

		scmi_out_u32(m, first + i);
		scmi_out_u32(m, 0);	/* no async read, no trip points */
		scmi_out_u32(m, attr_high(s->class));
		scmi_out_name(m, s->name);
	}
	return SCMI_SUCCESS;
}

/* {le32 id, le32 flags} -> {le32 value_low, le32 value_high} */
static int32_t reading_get(struct scmi_msg *m)
{
	uint32_t id = fw_get_le32(m->in), flags = fw_get_le32(m->in + 4);
	uint64_t v;

	if (!model_sensor(id))
		return SCMI_NOT_FOUND;	/* before the flags, as SCP-firmware checks them */
	if (flags & ~SENSOR_READ_ASYNC)
		return SCMI_INVALID_PARAMETERS;
	if (flags & SENSOR_READ_ASYNC)
		return SCMI_NOT_SUPPORTED;
	if (model_sensor_read(id, &v))
		return SCMI_NOT_FOUND;
	scmi_out_u32(m, (uint32_t)v);
	scmi_out_u32(m, (uint32_t)(v >> 32));
	return SCMI_SUCCESS;
}

static const struct scmi_handler sensor_handlers[] = {
	[SCMI_MSG_PROTOCOL_ATTRIBUTES]			= { attributes, 0 },
	[SCMI_SENSOR_DESCRIPTION_GET]			= { description_get, 4 },
	[SCMI_SENSOR_READING_GET]			= { reading_get, 8 },
};

const struct scmi_protocol scmi_sensor_protocol = {
	.id = SCMI_PROTO_SENSOR,
	.version = SENSOR_VERSION,
	.handlers = sensor_handlers,
	.count = sizeof(sensor_handlers) / sizeof(sensor_handlers[0]),
};
