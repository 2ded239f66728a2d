# SPDX-License-Identifier: BSD-3-Clause
# Shell helpers for tests that run inside the guest (busybox sh). Sourced by guest scripts:
# each check prints one "PASS: name" or "FAIL: name: why" line.

. /qemu-run/env		# KERNEL, CONDUIT, SMP, GIC: how the runner started this guest
. /qemu-run/board.env	# board.h's function IDs and addresses (board/gen-board-env)
FWCALL=/sys/kernel/debug/fwcall/call
FAILED=0

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; FAILED=1; }

# check NAME COMMAND...: pass when the command succeeds.
check() {
	name=$1
	shift
	if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$(echo "$out" | tail -n 3 | tr '\n' ' ')"; fi
}

# expect_eq NAME ACTUAL EXPECTED
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got '$2', expected '$3'"; fi
}

# fwcall FID [ARGS...] [smc|hvc]: make a firmware call, print "x0 x1 x2 x3" (hex).
fwcall() {
	echo "$*" > "$FWCALL" && cat "$FWCALL"
}

# bound DRIVER_DIR DEVICE SECONDS: wait up to SECONDS for the device to be bound to the driver.
bound() {
	w=0
	while [ ! -e "$1/$2" ]; do
		[ $w -ge $(($3 * 10)) ] && return 1
		sleep 0.1
		w=$((w + 1))
	done
}

# slab: the kernel's unreclaimable slab memory in kB (/proc/meminfo SUnreclaim), the
# life-cycle tests' leak measure: what a driver kmallocs and never frees stays there, while
# the reclaimable part (radix-tree nodes, mostly) is cache. Measured on 6.1 over three rounds
# of 200 unbind/bind cycles of the spare controller: total Slab grew by 100, 144 and 16 kB
# (one make check failed a 256 kB bound on it with 272 kB), SUnreclaim by 100, 72 and -16 kB,
# the first round most (kmalloc-128, filp and sighand_cache slabs filling up, not objects
# kept). A bound of a few hundred kB after a warm-up catches a leak of what every probe
# allocates (the controller and its channels); single small objects are kmemleak's to find
# (make check-debug).
slab() { awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo; }

# slab_growth_ok NAME BEFORE AFTER LIMIT_KB: pass NAME if the slab grew less than LIMIT_KB.
# On a kernel with kmemleak (make check-debug) the slab is no leak measure: KASAN's quarantine
# holds freed objects back and kmemleak and the object debugging keep their own records, so it
# grows by design (10-15 MB over 200 cycles on 6.1-debug). There the runner's kmemleak scan at
# the end of the run reports every unreferenced object instead, and NAME is not asserted here.
slab_growth_ok() {
	if [ -e /sys/kernel/debug/kmemleak ]; then
		echo "   ($1: SUnreclaim ${2} kB -> ${3} kB, not compared: the kmemleak scan checks leaks)"
	elif [ $(($3 - $2)) -lt "$4" ]; then
		pass "$1"
	else
		fail "$1" "SUnreclaim ${2} kB -> ${3} kB"
	fi
}

# x0 of a firmware call, as hex.
fwcall_x0() {
	fwcall "$@" | cut -d' ' -f1
}

# w0 HEX: an SMC32 call's status as a signed number. SMCCC (DEN0028) returns SMC32 results in
# W0-W3: the low 32 bits of x0, all of r0 on a 32-bit kernel. docs/abi.md gives the SiP calls'
# statuses as such numbers ("-2 for a bad index"). That the firmware also sign-extends x0 for a
# 64-bit caller is boot-rig.sh's to check (and the host tests').
w0() { echo $(((($1 & 0xffffffff) ^ 0x80000000) - 0x80000000)); }

# counters CHANNEL_INDEX: "served errors malformed" in decimal, from DIAG_COUNTERS.
counters() {
	set -- $(fwcall $BOARD_FID_DIAG_COUNTERS "$1")
	echo "$(($2)) $(($3)) $(($4))"
}

# The SMCCC and PSCI versions Linux found in the firmware at boot, as the firmware answers
# them (0x10001 is 1.1; the reference firmware says 1.1, TF-A 2.8 SMCCC 1.2): "the firmware
# still answers as before" compares with these, whichever firmware it is.
version_from_dmesg() {
	dmesg | sed -n "s/.*$1 *v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p" | head -n 1 |
		{ read -r major minor && printf '0x%x\n' $(((major << 16) | minor)); }
}
boot_smccc_version() { version_from_dmesg "SMC Calling Convention"; }
boot_psci_version() { version_from_dmesg "PSCI"; }

# now_ns: the kernel's monotonic clock in ns (it runs on the counter the firmware's model reads).
now_ns() { awk '/^now at/ { print $3; exit }' /proc/timer_list; }

# TRACE_FIELDS: an awk rule for ftrace's text output ("TASK-PID [CPU] FLAGS TIME: EVENT: ..."),
# to put first in a program: it sets cpu and t (seconds) on each event line and skips the rest.
TRACE_FIELDS='{
	t = -1
	for (i = 1; i <= NF; i++) {
		if ($i ~ /^\[[0-9]+\]$/) cpu = substr($i, 2, length($i) - 2) + 0
		if ($i ~ /^[0-9]+\.[0-9]+:$/) { t = substr($i, 1, length($i) - 1) + 0; break }
	}
	if (t < 0 || $0 ~ /^#/) next
}'

# trace_silences FILE HEAD TAIL: how long each CPU of the trace in FILE (sched_switch among its
# events) went without an event while busy (its last sched_switch not to the idle task). A busy
# CPU takes its scheduler tick every 4 ms (HZ=250), so a longer silence is time its vCPU was not
# run. Counts the silences that end after the trace's first HEAD seconds and, when TAIL is not
# 0, within its last TAIL seconds; the trace's last event ends each CPU's last silence. One line
# a CPU: "cpu N: busy S.S s, A silences over 10 ms, B over 20 ms, longest L.L ms".
trace_silences() {
	awk -v head="$2" -v tail="$3" "$TRACE_FIELDS"'
		function silence(c, g) {
			busy[c] += g
			if (g > 0.010) n10[c]++
			if (g > 0.020) n20[c]++
			if (g > mx[c]) mx[c] = g
		}
		FNR == NR { if (first == "") first = t; last = t; next }
		{
			from = tail > 0 ? last - tail : first + head
			if (t > from && (cpu in prev) && !idle[cpu]) silence(cpu, t - prev[cpu])
			prev[cpu] = t
			if ($0 ~ /sched_switch:/) idle[cpu] = ($0 ~ /next_pid=0 /)
		}
		END {
			for (c in prev) {
				if (!idle[c]) silence(c, last - prev[c])
				printf "cpu %d: busy %.1f s, %d silences over 10 ms, %d over 20 ms, longest %.1f ms\n",
					c, busy[c], n10[c], n20[c], mx[c] * 1000
			}
		}' "$1" "$1" | sort -n -k 2
}
