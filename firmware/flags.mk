# The firmware's one freestanding flag set: firmware/Makefile builds the images with it and
# tests/Makefile's firmware-objs-check compiles the protocol code with it. -mno-outline-atomics:
# the spinlocks must be LDAXR/STXR inline, not calls into libgcc's atomic helpers.
FW_FREESTANDING_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-builtin \
	-nostdlib -mgeneral-regs-only -mstrict-align -mno-outline-atomics -march=armv8-a \
	-fno-stack-protector -fno-pic -fno-common -ffunction-sections -fdata-sections
