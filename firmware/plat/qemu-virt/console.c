// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware log on the secure PL011 (QEMU's second serial port), and a printf small
 * enough to read: %s %c %d %u %x %lx %lu %ld %p and %%, nothing else.
 */
#include <stdarg.h>
#include <stdint.h>

#include "platform_def.h"
#include "spinlock.h"

#define UARTDR		0x00
#define UARTFR		0x18
#define UARTFR_TXFF	(1U << 5)

static spinlock_t log_lock;

static void uart_putc(char c)
{
	volatile uint32_t *base = (volatile uint32_t *)PLAT_SEC_UART_BASE;

	while (base[UARTFR / 4] & UARTFR_TXFF)
		;
	base[UARTDR / 4] = (uint32_t)c;
}

static void put_str(const char *s)
{
	while (*s) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s++);
	}
}

static void put_num(uint64_t v, unsigned int base, int is_signed)
{
	char buf[24];
	int i = 0;

	if (is_signed && (int64_t)v < 0) {
		uart_putc('-');
		v = (uint64_t)(-(int64_t)v);
	}
	do {
		buf[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (i)
		uart_putc(buf[--i]);
}

void plat_log(const char *fmt, ...)
{
	va_list ap;
	int lng;

	spin_lock(&log_lock);
	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			if (*fmt == '\n')
				uart_putc('\r');
			uart_putc(*fmt);
			continue;
		}
		lng = 0;
		if (*++fmt == 'l') {
			lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 's':
			put_str(va_arg(ap, const char *));
			break;
		case 'c':
			uart_putc((char)va_arg(ap, int));
			break;
		case 'd':
			put_num(lng ? (uint64_t)va_arg(ap, long) : (uint64_t)(int64_t)va_arg(ap, int),
				10, 1);
			break;
		case 'u':
			put_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int), 10, 0);
			break;
		case 'x':
			put_num(lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int), 16, 0);
			break;
		case 'p':
			put_str("0x");
			put_num((uintptr_t)va_arg(ap, void *), 16, 0);
			break;
		case '%':
			uart_putc('%');
			break;
		default:
			uart_putc('?');
			break;
		}
	}
	va_end(ap);
	spin_unlock(&log_lock);
}
