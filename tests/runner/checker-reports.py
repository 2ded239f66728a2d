#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The runner's problem detection against the checkers' report lines (tools/qemu-run,
KERNEL_TROUBLE and CHECKER_TROUBLE): each first line of a report that the debug kernels'
checkers print (as 6.1 and 6.12 word them) must be trouble, and the lines those kernels
print when all is well must not. Prints PASS/FAIL lines; exits 1 on a FAIL."""

import importlib.machinery
import importlib.util
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
loader = importlib.machinery.SourceFileLoader("qemu_run", os.path.join(TOP, "tools", "qemu-run"))
spec = importlib.util.spec_from_loader("qemu_run", loader)
qr = importlib.util.module_from_spec(spec)
loader.exec_module(qr)

REPORTS = {
    "kasan": "[   12.100000] BUG: KASAN: slab-use-after-free in arm_smc_mbox_send_data+0x1c/0x90",
    "ubsan": "[    1.000000] UBSAN: array-index-out-of-bounds in drivers/mailbox/x.c:12:3",
    "kmemleak_object": "unreferenced object 0xffff000012345678 (size 64):",
    "kmemleak_summary": "[    3.200000] kmemleak: 2 new suspected memory leaks (see /sys/kernel/debug/kmemleak)",
    "kmemleak_disabled": "[    2.000000] kmemleak: Kernel memory leak detector disabled",
    "lockdep_circular": "[    2.000000] WARNING: possible circular locking dependency detected",
    "lockdep_recursive": "[    2.000000] WARNING: possible recursive locking detected",
    "lockdep_irq_inversion": "[    2.000000] WARNING: possible irq lock inversion dependency detected",
    "lockdep_inconsistent": "[    2.000000] WARNING: inconsistent lock state",
    "lockdep_non_static_key": "[    2.000000] INFO: trying to register non-static key.",
    "list_add_corruption": "[    2.000000] list_add corruption. prev->next should be next (ffff00001), but was 0000000000000000. (prev=ffff00002).",
    "list_del_corruption": "[    2.000000] list_del corruption, ffff000012345678->next is LIST_POISON1 (dead000000000100)",
    "atomic_sleep": "[    2.000000] BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580",
    "hung_task": "[  122.000000] INFO: task kworker/0:1:12 blocked for more than 60 seconds.",
    "odebug": "[    2.000000] ODEBUG: free active (active state 0) object: 00000000 object type: timer_list hint: f+0x0/0x10",
    "soft_lockup": "[   30.000000] watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [sh:80]",
    "hard_lockup": "[   30.000000] Watchdog detected hard LOCKUP on cpu 1",
    "workqueue_lockup": "[   30.000000] BUG: workqueue lockup - pool cpus=0 node=0 flags=0x0 nice=0 stuck for 31s!",
}
QUIET = {
    "kmemleak_init": "[    0.000000] kmemleak: Kernel memory leak detector initialized (mem pool available: 15000)",
    "kasan_init": "[    0.000000] kasan: KernelAddressSanitizer initialized (generic)",
    "lockdep_banner": "[    0.000000] Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar",
    "lockdep_subclasses": "[    0.000000] ... MAX_LOCKDEP_SUBCLASSES:  8",
    "hung_task_knob": "[    0.000000] hung_task: 60 seconds",
    "scan_done": "qemu-run: kmemleak scanned",
}


def trouble(line):
    return bool(qr.KERNEL_TROUBLE.search(line) or qr.CHECKER_TROUBLE.search(line))


failed = False
for name, line in REPORTS.items():
    if trouble(line):
        print(f"PASS: runner_reports_{name}")
    else:
        print(f"FAIL: runner_reports_{name}: not trouble: {line}")
        failed = True
for name, line in QUIET.items():
    if not trouble(line):
        print(f"PASS: runner_quiet_on_{name}")
    else:
        print(f"FAIL: runner_quiet_on_{name}: counted as trouble: {line}")
        failed = True
sys.exit(1 if failed else 0)
