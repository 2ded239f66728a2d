#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest (board + tests/guest/stress.dtsi): every CPU sends through every mailbox
# channel at once, then the firmware's per-channel counters and the senders' own counts must
# agree exactly: nothing lost, nothing duplicated, no error anywhere.
#
#   tools/qemu-run --dt tests/guest/stress.dtsi [--smp N] --script tests/guest/stress.sh
#       about 10000 messages (make check)
#   tests/guest/stress.sh [MESSAGES] [QEMU-RUN-ARGS...]          (on the host; adds the --dt)
#       the same with another size, e.g. tests/guest/stress.sh 100000 --kernel 6.12 --smp 4
#
# Three rounds, each a mix that every CPU sends at once (one shell loop per CPU and kind,
# pinned with taskset):
#   register-client      the test client (tests/guest/modules/mboxclient) in register mode,
#                        tx-done by the client (knows_txdone, mbox_client_txdone)
#   register-controller  the same client re-probed with tx-done by the controller (tx_block)
#   doorbell             the doorbell-mode client on the second controller
# and, in every round:
#   SCPI  reads of the scpi_sensors hwmon files (one message each) from every CPU, and one
#         loop per cpufreq policy (governor userspace, so nothing else talks to SCPI) that
#         alternates between two frequencies (two messages each: set, then the clock
#         framework's read-back), all at once. arm_scpi waits 20 ms for the controller's
#         tx-done; the controller reports it from an irq_work as soon as the SMC has returned
#         (no timer), so not one arm_scpi tx timeout is allowed. STRESS_SCPI_SERIAL=1 makes
#         the SCPI loops take turns (a one-byte token in a FIFO), one message in flight at a
#         time, as this test did while tx-done came from the framework's poll timer: a late
#         timer interrupt then expired the 20 ms, and arm_scpi, which recycles a message the
#         framework may still hold, oopsed in scpi_send_message (4 CPUs, 6.12). With more
#         vCPUs than host cores the emulator alone stalls the guest that long (README, "Known
#         issues"): run such guests with --icount, as tools/stress does.
#   SCMI  reads of the SCMI clocks' debugfs clk_rate (clk-scmi has CLK_GET_RATE_NOCACHE:
#         one CLOCK_RATE_GET each); the only SCMI traffic a stock Debian guest can be made
#         to generate on demand (no scmi-hwmon, scmi-cpufreq or SCMI raw mode)
# Every loop runs until all loops of the round have sent at least their share (the SCPI
# loops, taking turns, stop at theirs), so the whole round is concurrent. A round passes when
# the firmware served exactly what the loops and the client counted, on every channel, with
# zero errors, malformed requests, echo mismatches, sequence gaps or duplicates, and the
# kernel logged nothing about the mailbox, SCPI or SCMI, and arm_scpi never gave up on a
# message (-ETIME, counted by a kprobe on scpi_send_message); the mailbox's own SCPI count
# (messages handed to it, counted by a kprobe on scpi_tx_prepare) must equal what the
# firmware served.
# (The firmware cannot count busy rejections for us; a refused doorbell would show as a
# driver error line, a client error and a missing firmware count.)
#
# STRESS_TRACE=1 (arm64): also trace the mailbox's path (kprobes on mbox_send_message and its
# return, the driver's send_data() and tx-done irq_work, tx_tick; context switches, wake-ups,
# IPIs, timer expiries) until the first send that fails, which stops the trace, and print its
# last 35 ms at the end, with each CPU's silences in them: what traced the arm_scpi
# timeouts of README's "Known issues". It slows every message; a diagnostic, not a test.

if [ ! -e /qemu-run/env ]; then
	# On the host: qemu-run passes no arguments to a script; --env passes them.
	top=$(cd "$(dirname "$0")/../.." && pwd)
	msgs=10000
	case ${1:-} in [0-9]*) msgs=$1; shift ;; esac
	# A few hundred messages/s at worst (4 vCPUs on a busy 2-core host), plus the boot.
	exec "$top/tools/qemu-run" --timeout $((180 + msgs / 100)) \
		--dt "$top/tests/guest/stress.dtsi" --env STRESS_MESSAGES="$msgs" \
		--env STRESS_SCPI_SERIAL="${STRESS_SCPI_SERIAL:-0}" \
		--env STRESS_TRACE="${STRESS_TRACE:-0}" "$@" --script "$0"
fi

. /qemu-run/lib.sh
. /qemu-run/model.env

MESSAGES=${STRESS_MESSAGES:-10000}
R=/tmp/stress
CPUFREQ=/sys/devices/system/cpu/cpufreq
CLIENTS=/sys/kernel/debug/mboxclient
DRV=/sys/bus/platform/drivers/mboxclient
CHANNELS="scpi_low scpi_high scmi_a2p scmi_smc test"

hwmon_dir() {
	for h in /sys/class/hwmon/hwmon*; do
		[ "$(cat $h/name 2>/dev/null)" = scpi_sensors ] && echo $h && return
	done
}

# ---- one loop: sh stress.sh worker KIND ID MIN NWORKERS [ARGS] ----
# Sends until it has sent MIN, then says so in $R/done.*, and goes on until every one of the
# NWORKERS loops has (the SCPI loops, when they take turns, stop at MIN instead: the others
# then get the token). Leaves "count failures last" in $R/count.KIND.ID.
# The SCPI token is on file descriptor 3, inherited from the round.
worker() {
	kind=$1 id=$2 min=$3 nw=$4
	shift 4
	n=0 bad=0 done=0 last=
	case $kind in
	hwmon)
		hw=$(hwmon_dir)
		files="$hw/temp1_input $hw/temp2_input $hw/in0_input $hw/power1_input $hw/energy1_input"
		;;
	scmi)
		files=
		for i in 0 1 2 3; do
			eval "files=\"\$files /sys/kernel/debug/clk/\$CLK_${i}_NAME/clk_rate\""
		done
		;;
	dvfs)
		set_a=$1 set_b=$2
		;;
	client)
		chunk=$1 dev=$2
		;;
	esac
	# Taking turns: hold the token for 4 iterations (20 reads, or 8 frequency sets).
	serial=0 held=0
	case $kind in hwmon | dvfs) [ "${STRESS_SCPI_SERIAL:-0}" = 1 ] && serial=1 ;; esac
	while :; do
		[ $serial = 1 ] && [ $held = 0 ] && read -r -n 1 _ <&3
		case $kind in
		hwmon | scmi)
			for f in $files; do
				if read -r v < $f; then n=$((n + 1)); else bad=$((bad + 1)); fi
			done
			;;
		dvfs)
			for f in $set_a $set_b; do
				if echo $f > $CPUFREQ/policy$id/scaling_setspeed; then
					n=$((n + 1))
					last=$f
				else
					bad=$((bad + 1))
				fi
			done
			;;
		client)
			if echo $chunk > $CLIENTS/$dev/send; then n=$((n + chunk)); else bad=$((bad + 1)); fi
			;;
		esac
		held=$(((held + 1) % 4))
		if [ $done = 0 ] && [ $n -ge $min ]; then
			done=1
			: > $R/done.$kind.$id
			[ $serial = 1 ] && held=0
		fi
		[ $serial = 1 ] && [ $held = 0 ] && printf x >&3
		[ $serial = 1 ] && [ $done = 1 ] && break
		if [ $done = 1 ]; then
			set -- $R/done.*
			[ $# -ge $nw ] && break
		fi
		[ $bad -gt 100 ] && break
	done
	echo "$n $bad $last" > $R/count.$kind.$id
}

if [ "${1:-}" = worker ]; then
	shift
	worker "$@"
	exit 0
fi

# ---- helpers of the main script ----
# snapshot: "served errors malformed" of every channel, in $CHANNELS order, on one line.
snapshot() {
	for c in $CHANNELS; do
		eval "counters \$CHANNEL_$c"
	done | tr '\n' ' '
}
# nth N WORDS...: the Nth word.
nth() {
	shift $1
	echo $1
}
# cstat DEV KEY: one value of a client's stats.
cstat() { sed -n "s/^$2: //p" $CLIENTS/$1/stats; }
# centiseconds since boot (/proc/uptime has two decimals)
now_cs() {
	read -r up _ < /proc/uptime
	echo $((${up%.*} * 100 + 1${up#*.} - 100))
}
# sum KIND FIELD: the sum of one field (1: sent, 2: failures) of a kind of loop's counts.
sum() {
	s=0
	for f in $R/count.$1.*; do
		[ -e "$f" ] && s=$((s + $(cut -d' ' -f$2 $f)))
	done
	echo $s
}

# SCPI as Linux sees it, from two kprobes with histogram triggers (no trace buffer):
# scpi_tx_prepare runs once per SCPI message handed to the mailbox (just before send_data),
# scpi_send_message's return value is what arm_scpi made of it. Both rates are low.
T=/sys/kernel/debug/tracing
probes_on() {
	echo 0 > $T/tracing_on &&
	echo 'p:scpi_tx scpi_tx_prepare' >> $T/kprobe_events &&
	echo 'r32:scpi_ret scpi_send_message ret=$retval:s32' >> $T/kprobe_events &&
	echo 'hist:keys=common_cpu' > $T/events/kprobes/scpi_tx/trigger &&
	echo 'hist:keys=ret' > $T/events/kprobes/scpi_ret/trigger &&
	echo 1 > $T/events/kprobes/scpi_tx/enable &&
	echo 1 > $T/events/kprobes/scpi_ret/enable
}
# STRESS_TRACE=1: see the top. tx_tick is static and may be inlined: then it is left out.
trace_on() {
	echo 4096 > $T/buffer_size_kb &&
	echo 'p:mbx_send mbox_send_message chan=%x0 msg=%x1' >> $T/kprobe_events &&
	echo 'r:mbx_sent mbox_send_message ret=$retval:s32' >> $T/kprobe_events &&
	echo 'p:mbx_send_data arm_smc_mbox_send_data chan=%x0 msg=%x1' >> $T/kprobe_events &&
	echo 'p:mbx_txdone_work arm_smc_mbox_txdone_work' >> $T/kprobe_events || return 1
	echo 'p:mbx_tx_tick tx_tick chan=%x0 r=%x1:s32' >> $T/kprobe_events 2> /dev/null
	for e in kprobes/mbx_send kprobes/mbx_sent kprobes/mbx_send_data kprobes/mbx_txdone_work \
		kprobes/mbx_tx_tick sched/sched_switch sched/sched_wakeup ipi/ipi_raise \
		ipi/ipi_entry timer/hrtimer_expire_entry; do
		[ -e $T/events/$e ] && echo 1 > $T/events/$e/enable
	done
	echo 'traceoff if ret < 0' > $T/events/kprobes/mbx_sent/trigger &&
	echo 1 > $T/tracing_on
}
# trace_dump: the trace's last 35 ms, and each CPU's silences in them (lib.sh's
# trace_silences: a busy CPU that logs nothing, not even its tick, was not run).
trace_dump() {
	if [ "$(cat $T/tracing_on)" = 1 ]; then
		echo "   (stress trace: no send failed)"
		return
	fi
	cat $T/trace > /tmp/stress.trace
	end=$(awk "$TRACE_FIELDS"'{ e = t } END { printf "%.6f", e }' /tmp/stress.trace)
	echo "   (stress trace: the last 35 ms up to the first failed send, at $end s)"
	awk -v end="$end" "$TRACE_FIELDS"'t >= end - 0.035 { print "trace: " $0 }' /tmp/stress.trace
	trace_silences /tmp/stress.trace 0 0.035 | sed 's/^/   (stress trace: /; s/$/)/'
}
# hist EVENT: "key count" lines of a histogram. Keys print unsigned: -62 shows as
# 18446744073709551554 (or 4294967234), so small negative ones are turned back.
hist() {
	sed -n 's/^{ *[a-z_]*: *\([0-9]*\) *} *hitcount: *\([0-9]*\)$/\1 \2/p' \
		$T/events/kprobes/$1/hist |
	while read -r k n; do
		case $k in
		1844674407370955????) k=$((${k#1844674407370955} - 1616)) ;;
		42949?????) k=$((${k#42949} - 67296)) ;;
		esac
		echo "$k $n"
	done
}
# hist_get SNAPSHOT KEY: a key's count in a hist snapshot (0 if absent).
hist_get() { echo "$1" | awk -v k="$2" '$1 == k { n = $2 } END { print n + 0 }'; }
# hist_total SNAPSHOT [EXCEPT_KEY]
hist_total() { echo "$1" | awk -v k="${2:-none}" '$1 != k { n += $2 } END { print n + 0 }'; }
# probe_misses: kretprobe instances missed (must stay 0 for the counts to be whole).
probe_misses() { awk '{ n += $3 } END { print n + 0 }' $T/kprobe_profile; }

# round NAME CLIENT_DEVICE BUDGET: one round of about BUDGET messages, checked.
round() {
	name=$1 dev=$2 budget=$3
	rm -rf $R
	mkdir -p $R
	policies=$(cd $CPUFREQ && ls -d policy* | sed 's/policy//')
	npol=$(echo $policies | wc -w)
	nw=$((3 * SMP + npol))
	# Shares of the budget: echo 84%, SCMI 10%, SCPI 6% (hwmon 4%, frequency sets 1%, two
	# messages each). SCPI is the slow one: its loops take turns.
	cmin=$((budget * 84 / 100 / SMP))
	chunk=$((cmin < 100 ? cmin : 100))
	hmin=$((budget * 4 / 100 / SMP))
	smin=$((budget * 10 / 100 / SMP))
	dmin=$((budget / 100 / npol))

	fw0=$(snapshot)
	for k in sent completed errors echo-mismatches seq-gaps seq-dups; do
		eval "c0_$(echo $k | tr - _)=\$(cstat $dev $k)"
	done
	oncpu0=$(sed -n 's/^on-cpu: //p' $CLIENTS/$dev/stats)
	tx0=$(hist scpi_tx)
	ret0=$(hist scpi_ret)
	dmesg -c > /dev/null
	mkfifo $R/scpi.token
	exec 3<> $R/scpi.token
	printf x >&3
	t0=$(now_cs)

	c=0
	while [ $c -lt $SMP ]; do
		taskset -c $c sh "$0" worker client $c $cmin $nw $chunk $dev &
		taskset -c $c sh "$0" worker hwmon $c $hmin $nw &
		taskset -c $c sh "$0" worker scmi $c $smin $nw &
		c=$((c + 1))
	done
	for p in $policies; do
		set -- $(cat $CPUFREQ/policy$p/scaling_available_frequencies)
		cur=$(cat $CPUFREQ/policy$p/scaling_cur_freq)
		# Two frequencies, the first not the current one: every write is a change.
		if [ "$1" = "$cur" ]; then a=$2 b=$1; else a=$1 b=$2; fi
		taskset -c $(cut -d' ' -f1 $CPUFREQ/policy$p/related_cpus) \
			sh "$0" worker dvfs $p $dmin $nw $a $b &
	done
	wait
	t1=$(now_cs)
	exec 3>&-
	fw1=$(snapshot)
	tx1=$(hist scpi_tx)
	ret1=$(hist scpi_ret)

	# What the loops and the client counted.
	hw_n=$(sum hwmon 1)
	scmi_n=$(sum scmi 1)
	dvfs_n=$(sum dvfs 1)
	scpi_bad=$(($(sum hwmon 2) + $(sum dvfs 2)))
	bad=$(($(sum scmi 2) + $(sum client 2)))
	for k in sent completed errors echo-mismatches seq-gaps seq-dups; do
		kk=$(echo $k | tr - _)
		eval "d_$kk=\$((\$(cstat $dev $k) - c0_$kk))"
	done

	# What the firmware served: channels in $CHANNELS order, 3 numbers each.
	d() { echo $(($(nth $1 $fw1) - $(nth $1 $fw0))); }
	scpi=$(($(d 1) + $(d 4)))
	scmi=$(d 7)
	scmi_smc=$(d 10)
	echo_fw=$(d 13)
	fw_err=0
	for i in 2 3 5 6 8 9 11 12 14 15; do fw_err=$((fw_err + $(d $i))); done

	# What Linux handed to the mailbox for SCPI, and what arm_scpi made of it.
	scpi_rung=$(($(hist_total "$tx1") - $(hist_total "$tx0")))
	scpi_ok=$(($(hist_get "$ret1" 0) - $(hist_get "$ret0" 0)))
	scpi_etime=$(($(hist_get "$ret1" -62) - $(hist_get "$ret0" -62)))
	scpi_other=$(($(hist_total "$ret1" 0) - $(hist_total "$ret0" 0) - scpi_etime))

	expect_eq "${name}_scmi_and_client_loops_without_failures" $bad 0
	expect_eq "${name}_client_sent_all_completed" "$d_sent" "$d_completed"
	expect_eq "${name}_client_no_errors_mismatches_gaps_dups" \
		"$d_errors $d_echo_mismatches $d_seq_gaps $d_seq_dups" "0 0 0 0"
	expect_eq "${name}_firmware_served_every_echo_once" "$echo_fw" "$d_completed"
	expect_eq "${name}_firmware_served_every_scmi_message_once" "$scmi" "$scmi_n"
	expect_eq "${name}_firmware_served_every_scpi_doorbell_once" "$scpi" "$scpi_rung"
	expect_eq "${name}_nothing_on_the_unused_channel" "$scmi_smc" 0
	expect_eq "${name}_firmware_errors_and_malformed" "$fw_err" 0

	# SCPI as arm_scpi's users see it: every operation served, none given up on.
	expect_eq "${name}_scpi_operations_without_errors_or_tx_timeouts" \
		"$scpi_bad $scpi_etime $scpi_other" "0 0 0"
	expect_eq "${name}_firmware_served_every_scpi_message_once" "$scpi" \
		$((hw_n + 2 * dvfs_n))
	expect_eq "${name}_probes_missed_nothing" "$(probe_misses)" 0

	# Every CPU handed echo messages, and SCPI messages, to the controller.
	set -- $oncpu0
	idle=
	cpu=0
	for v in $(sed -n 's/^on-cpu: //p' $CLIENTS/$dev/stats); do
		[ $cpu -lt $SMP ] && [ "$v" -le "${1:-0}" ] && idle="$idle $cpu"
		[ $cpu -lt $SMP ] && [ "$(hist_get "$tx1" $cpu)" -le "$(hist_get "$tx0" $cpu)" ] &&
			idle="$idle scpi:$cpu"
		shift
		cpu=$((cpu + 1))
	done
	expect_eq "${name}_every_cpu_rang_the_echo_and_scpi_channels" "${idle:-none}" none

	# The last frequency each loop set is the one the policy runs at.
	for p in $policies; do
		set -- $(cat $R/count.dvfs.$p)
		expect_eq "${name}_policy${p}_at_the_last_frequency_set" \
			"$(cat $CPUFREQ/policy$p/scaling_cur_freq)" "$3"
	done

	log=$(dmesg | grep -iE 'mbox|mailbox|scpi|scmi|timed out|timeout|busy' | head -5)
	expect_eq "${name}_kernel_log_quiet" "${log:-none}" none

	total=$((scpi + scmi + echo_fw))
	cs=$((t1 - t0))
	[ $cs -gt 0 ] || cs=1
	ROUND_MSGS=$total
	ROUND_CS=$cs
	echo "   (stress $name: $total messages from $SMP CPUs in $((cs / 100)).$(printf %02d $((cs % 100))) s, $((total * 100 / cs)) msgs/s: echo $echo_fw, scpi $scpi ($hw_n hwmon reads, $dvfs_n frequency sets, $scpi_etime arm_scpi tx timeouts), scmi $scmi; client max round trip $(cstat $dev max-latency-us) us)"
}

# ---- set-up ----
for d in mboxclient-stress mboxclient-doorbell; do
	if [ ! -d $CLIENTS/firmware:$d ]; then
		fail stress_clients_probed "no $CLIENTS/firmware:$d"
		exit 1
	fi
done
if [ -z "$(hwmon_dir)" ]; then
	fail stress_scpi_hwmon_present "no hwmon device named scpi_sensors"
	exit 1
fi
if ! probes_on 2> /tmp/probes.err; then
	fail stress_scpi_probes "$(cat /tmp/probes.err)"
	exit 1
fi
if [ "${STRESS_TRACE:-0}" = 1 ] && ! trace_on 2> /tmp/trace.err; then
	fail stress_trace "$(cat /tmp/trace.err)"
	exit 1
fi
for p in $CPUFREQ/policy*; do
	echo userspace > $p/scaling_governor || fail stress_cpufreq_userspace "$p"
done

# Nothing may talk to SCPI or SCMI but the loops: the counts would not add up.
a=$(snapshot)
sleep 1
b=$(snapshot)
expect_eq stress_no_background_traffic "$b" "$a"

all=0 tcs=0
round register-client firmware:mboxclient-stress $((MESSAGES * 2 / 5))
all=$((all + ROUND_MSGS)) tcs=$((tcs + ROUND_CS))

echo controller > /sys/module/mboxclient/parameters/txdone
echo firmware:mboxclient-stress > $DRV/unbind
echo firmware:mboxclient-stress > $DRV/bind
echo > /sys/module/mboxclient/parameters/txdone
expect_eq stress_client_reprobed_with_controller_txdone \
	"$(cstat firmware:mboxclient-stress txdone)" controller
round register-controller firmware:mboxclient-stress $((MESSAGES * 2 / 5))
all=$((all + ROUND_MSGS)) tcs=$((tcs + ROUND_CS))

round doorbell firmware:mboxclient-doorbell $((MESSAGES / 5))
all=$((all + ROUND_MSGS)) tcs=$((tcs + ROUND_CS))

# The rounds' own time, without the checks between them.
echo "   (stress total: $all messages from $SMP CPUs in $((tcs / 100)).$(printf %02d $((tcs % 100))) s, $((all * 100 / tcs)) msgs/s)"
[ $all -ge "$MESSAGES" ] && pass "stress_at_least_${MESSAGES}_messages" ||
	fail "stress_at_least_${MESSAGES}_messages" "only $all"
[ "${STRESS_TRACE:-0}" = 1 ] && trace_dump
exit $FAILED
