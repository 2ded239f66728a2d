# The firmware's one freestanding flag set: firmware/Makefile builds the images with it and
# tests/Makefile's firmware-objs-check compiles the protocol code with it. -mno-outline-atomics:
# the spinlocks must be LDAXR/STXR inline, not calls into libgcc's atomic helpers.
FW_FREESTANDING_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-builtin \
	-nostdlib -mgeneral-regs-only -mstrict-align -mno-outline-atomics -march=armv8-a \
	-fno-stack-protector -fno-pic -fno-common -ffunction-sections -fdata-sections

# Include paths per layer, after TF-A's layering: a layer sees lib/, the common interfaces
# in include/ (plat.h: the platform hooks, as TF-A's include/plat/common/platform.h; smccc.h;
# doorbell.h: the dispatcher-server contract) and its own folder, and only what is listed:
#   lib        itself only
#   protocols  nothing more: no board, no services, no architecture, no platform
#   services   board.h (the channel table, function IDs)
#   arch       platform_def.h (stacks, CPU count) and the board.h it includes
#   plat       arch/ and services/ as well: it builds the EL3 state and starts the services
# The includer sets FW_DIR (the firmware folder) and BOARD_DIR (board/).
FW_INC_lib       = -I$(FW_DIR)/lib
FW_INC_protocols = -I$(FW_DIR)/include $(FW_INC_lib) -I$(FW_DIR)/protocols
FW_INC_services  = -I$(FW_DIR)/include $(FW_INC_lib) -I$(FW_DIR)/services -I$(BOARD_DIR)
FW_INC_arch      = -I$(FW_DIR)/include $(FW_INC_lib) -I$(FW_DIR)/arch/aarch64 \
		   -I$(FW_DIR)/plat/qemu-virt -I$(BOARD_DIR)
FW_INC_plat      = $(FW_INC_arch) -I$(FW_DIR)/services
# The flags of a source file, by its path below FW_DIR: $(call fw_inc,protocols/scpi/scpi.c)
fw_inc = $(FW_INC_$(firstword $(subst /, ,$(1))))
