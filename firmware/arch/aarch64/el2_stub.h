/* SPDX-License-Identifier: BSD-3-Clause */
/* Offsets inside the EL2 stub (el2_stub.S) that EL3 jumps to. */
#ifndef EL2_STUB_H
#define EL2_STUB_H

#define EL2_STUB_ENTER_EL1	0x800	/* after the 2 KiB vector table */

#endif
