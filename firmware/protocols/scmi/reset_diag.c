// SPDX-License-Identifier: BSD-3-Clause
/*
 * The test image's view of the SCMI reset domain (include/diag.h): what the guest made of a
 * reset line, for DIAG_RESET_LINE (services/sip_diag.c). firmware/Makefile builds this file
 * into the test images only.
 */
#include "diag.h"
#include "model/model.h"

int scmi_reset_line_state(uint64_t line, uint32_t *asserted, uint32_t *resets)
{
	bool on;

	if (line > UINT32_MAX || model_reset_line_get((unsigned int)line, &on, resets))
		return -1;
	*asserted = on;
	return 0;
}
