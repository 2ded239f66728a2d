/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Freestanding memory helpers, plus the byte accessors the protocol servers use.
 *
 * The shared-memory window is Device memory (plat/qemu-virt/mmap.c), where an unaligned wide
 * access faults. It is therefore only ever touched one byte at a time (fw_shmem_read /
 * fw_shmem_write), and multi-byte fields are assembled little-endian from bytes
 * (fw_get_le32 ...) in private buffers. Nothing here needs libc.
 */
#ifndef FWSTRING_H
#define FWSTRING_H

#include <stddef.h>
#include <stdint.h>

void *fw_memcpy(void *dst, const void *src, size_t n);
/* Copies a name into a fixed-size wire field: NUL-terminated, the rest of the field zeroed. */
void fw_name_field(uint8_t *dst, size_t field, const char *src);

/* Shared memory: byte by byte, each byte read or written exactly once per call. */
void fw_shmem_read(void *dst, const volatile uint8_t *src, size_t n);
void fw_shmem_write(volatile uint8_t *dst, const void *src, size_t n);

static inline uint16_t fw_get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (uint16_t)p[1] << 8);
}

static inline uint32_t fw_get_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t fw_get_le64(const uint8_t *p)
{
	return (uint64_t)fw_get_le32(p) | (uint64_t)fw_get_le32(p + 4) << 32;
}

static inline void fw_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void fw_put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static inline void fw_put_le64(uint8_t *p, uint64_t v)
{
	fw_put_le32(p, (uint32_t)v);
	fw_put_le32(p + 4, (uint32_t)(v >> 32));
}

#endif
