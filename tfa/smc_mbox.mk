# SPDX-License-Identifier: BSD-3-Clause
# The SMC mailbox's doorbell services in TF-A's BL31, for a TF-A platform makefile that sets
# SMC_MBOX_DIR to this project's tree and includes this file (tfa/series/ does, for plat/qemu).
# It gives:
#   SMC_MBOX_SOURCES   BL31 sources: the glue onto TF-A, the SiP dispatcher, the protocol
#                      servers and the platform model, exactly the files the reference
#                      firmware builds (nothing is copied into TF-A)
#   SMC_MBOX_CPPFLAGS  for BL31_CPPFLAGS: the project's headers as -iquote directories, so its
#                      "name.h" includes find them (glue/include's spinlock.h, on TF-A's lock,
#                      before firmware/lib's) and TF-A's <name.h> includes never do
#   SMC_MBOX_CFLAGS    for BL31_CFLAGS: the dispatcher's atomics inline (LDAXR/STXR), not
#                      libgcc's out-of-line helpers, which TF-A does not link
# SMC_MBOX_DIAG (0 or 1) must be set before the include.

SMC_MBOX_FW		:=	${SMC_MBOX_DIR}/firmware

SMC_MBOX_SOURCES	:=	${SMC_MBOX_DIR}/tfa/glue/smc_mbox_tfa.c		\
				${SMC_MBOX_FW}/services/sip.c			\
				${SMC_MBOX_FW}/lib/fwstring.c			\
				$(sort $(filter-out %_diag.c,$(wildcard ${SMC_MBOX_FW}/protocols/*/*.c)))

SMC_MBOX_CPPFLAGS	:=	$(addprefix -iquote ,					\
				${SMC_MBOX_DIR}/tfa/glue/include			\
				${SMC_MBOX_FW}/include					\
				${SMC_MBOX_FW}/lib					\
				${SMC_MBOX_FW}/services					\
				${SMC_MBOX_FW}/protocols				\
				${SMC_MBOX_DIR}/board)

SMC_MBOX_CFLAGS		:=	-mno-outline-atomics

# A test build (SMC_MBOX_DIAG=1) is the reference firmware's test image: FW_TEST_IMAGE and
# the test-image sources (*_diag.c) of the layers TF-A takes; the glue has the platform's.
ifeq (${SMC_MBOX_DIAG},1)
SMC_MBOX_SOURCES	+=	$(sort $(wildcard ${SMC_MBOX_FW}/services/*_diag.c			\
					   ${SMC_MBOX_FW}/protocols/*/*_diag.c))
SMC_MBOX_CPPFLAGS	+=	-DFW_TEST_IMAGE
endif
