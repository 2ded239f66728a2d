// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware log on the secure PL011 (QEMU's second serial port), and a printf small
 * enough to read: %s, %u, %x, %lu, %lx and %%, nothing else (all the messages use).
 */
#include <stdarg.h>
#include <stdint.h>

#include "platform_def.h"
#include "spinlock.h"

#define UARTDR		0x00
#define UARTFR		0x18
#define UARTFR_TXFF	(1U << 5)

static spinlock_t log_lock;

/* One character, with the CR a terminal wants before each LF. */
static void uart_putc(char c)
{
	volatile uint32_t *base = (volatile uint32_t *)PLAT_SEC_UART_BASE;

	if (c == '\n')
		uart_putc('\r');
	while (base[UARTFR / 4] & UARTFR_TXFF)
		;
	base[UARTDR / 4] = (uint32_t)c;
}

static void put_str(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

static void put_num(uint64_t v, unsigned int base)
{
	char buf[24];
	int i = 0;

	do {
		buf[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (i)
		uart_putc(buf[--i]);
}

/* The conversions the firmware's messages use; the format attribute checks every call. */
void plat_log(const char *fmt, ...)
{
	va_list ap;
	int lng;

	spin_lock(&log_lock);
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			uart_putc(*fmt);
			continue;
		}
		lng = *++fmt == 'l';
		fmt += lng;
		switch (*fmt) {
		case 's':
			put_str(va_arg(ap, const char *));
			break;
		case 'u':
			put_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int), 10);
			break;
		case 'x':
			put_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int), 16);
			break;
		default:	/* %%, and '?' for anything unsupported */
			uart_putc(*fmt == '%' ? '%' : '?');
			if (!*fmt)
				fmt--;	/* a '%' that ends the format */
			break;
		}
	}
	va_end(ap);
	spin_unlock(&log_lock);
}
