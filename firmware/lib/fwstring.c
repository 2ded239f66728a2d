// SPDX-License-Identifier: BSD-3-Clause
/*
 * Freestanding memory and string helpers (see fwstring.h).
 *
 * GCC recognises a byte loop as memcpy/memset and may emit a call to the libc function even
 * with -ffreestanding; the firmware has no libc, so these loops are compiled without that
 * transformation.
 */
#include "fwstring.h"

#if defined(__GNUC__) && !defined(__clang__)
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBCALLS
#endif

NO_LIBCALLS void *fw_memcpy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

NO_LIBCALLS void fw_name_field(uint8_t *dst, size_t field, const char *src)
{
	size_t i = 0;

	if (!field)
		return;
	for (; i + 1 < field && src[i]; i++)
		dst[i] = (uint8_t)src[i];
	for (; i < field; i++)
		dst[i] = 0;
}

void fw_shmem_read(void *dst, const volatile uint8_t *src, size_t n)
{
	uint8_t *d = dst;
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = src[i];
}

void fw_shmem_write(volatile uint8_t *dst, const void *src, size_t n)
{
	const uint8_t *s = src;
	size_t i;

	for (i = 0; i < n; i++)
		dst[i] = s[i];
}
