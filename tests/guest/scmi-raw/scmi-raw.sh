# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest (6.12-debug only: CONFIG_ARM_SCMI_RAW_MODE_SUPPORT_COEX): a second SCMI
# agent beside Linux's own drivers. Through /sys/kernel/debug/scmi/<n>/raw/message it sends
# every command of every protocol the firmware's SCMI server implements, checks each reply
# against the platform model (/qemu-run/model.env), then malformed messages (short and long
# payloads, unknown protocols and message IDs, a token used twice in a row) and checks the
# status the SCMI specification (DEN0056) requires. Linux's SCMI drivers must still work
# afterwards, and the raw stack must have queued no error or timeout.
#
# Statuses (SCMI 2.0, DEN0056B: §4.1.4 "Status codes" and each command's description; the
# row IDs below are those of issue 13's table, docs/scmi-conformance.md, which gives every
# reference): SUCCESS 0, NOT_SUPPORTED -1, INVALID_PARAMETERS -2, NOT_FOUND -4,
# OUT_OF_RANGE -5, PROTOCOL_ERROR -10. A protocol the platform does not implement is
# NOT_SUPPORTED; a message ID a protocol does not implement is NOT_FOUND (the answer
# PROTOCOL_MESSAGE_ATTRIBUTES gives for it; Arm's SCP-firmware, module/scmi/src/mod_scmi.c,
# does the same for a message ID past its handler table); a payload of the wrong length is
# PROTOCOL_ERROR (SCP-firmware: the same function, against each message's payload size); an
# index past the end of a list, or a clock rate outside the clock's range, is
# INVALID_PARAMETERS.
# Rows marked XFAIL=1 are where the server on main, at the time of writing, answers otherwise
# (NOT_SUPPORTED for an unknown message ID; SUCCESS with an empty list past the end;
# OUT_OF_RANGE for a rate): they assert the specification and print XFAIL, not FAIL, until
# issue 13's server is merged, then XPASS.
#
# tests/guest/scmi-raw/host-check runs this same script on the host against the server's code
# (replay.c): HOST_REPLAY=1, requests on fd 3 and replies on fd 4, no Linux around it.
if [ -z "${HOST_REPLAY:-}" ]; then
	. /qemu-run/lib.sh
	. /qemu-run/model.env
fi

# "*" in an expected payload is a wildcard word, never a file name.
set -f
SUCCESS=0 NOT_SUPPORTED=-1 INVALID_PARAMETERS=-2 NOT_FOUND=-4 OUT_OF_RANGE=-5
PROTOCOL_ERROR=-10
BASE=16 POWER=17 SYSTEM=18 PERF=19 CLOCK=20 SENSOR=21 RESET=22
TMP=/tmp/scmi-raw
mkdir -p $TMP

# ---- message plumbing ----
# le32 VALUE...: the values as little-endian bytes, as printf octal escapes.
le32() {
	for v; do
		v=$((v & 0xffffffff))
		printf '\\%03o\\%03o\\%03o\\%03o' $((v & 255)) $((v >> 8 & 255)) \
			$((v >> 16 & 255)) $((v >> 24 & 255))
	done
}

# hex32 VALUE...: the hex words od prints for those values ("%08x" each).
hex32() { for v; do printf '%08x ' $((v & 0xffffffff)); done; }

# name16 STRING: a 16-byte NUL-padded name as od's 4 hex words.
name16() {
	printf '%s' "$1" > $TMP/name
	dd if=/dev/zero bs=1 count=$((16 - ${#1})) 2> /dev/null >> $TMP/name
	od -An -v -tx4 $TMP/name | tr -s ' \n' '  ' | sed 's/^ //'
}

TOKEN=0
# xfer RAWDIR HEADER [WORD...]: send one message (one write(), as the raw ABI wants), print
# the reply's words: header, status, payload (hex), or "error: ..." when the write fails.
xfer() {
	dir=$1 hdr=$2
	shift 2
	if [ -n "${HOST_REPLAY:-}" ]; then
		echo "$(hex32 "$hdr" "$@")" >&3
		read -r reply <&4
		echo "$reply"
		return
	fi
	printf "$(le32 "$hdr" "$@")" > $TMP/req
	if ! dd if=$TMP/req of="$dir/message" bs=4096 2> $TMP/err > /dev/null; then
		echo "error: $(tail -n 1 $TMP/err)"
		return
	fi
	dd if="$dir/message" bs=4096 count=1 2> /dev/null | od -An -v -tx4 | tr -s ' \n' '  ' |
		sed 's/^ //; s/ $//'
}

# cmd PROTO MSG [WORD...]: a well-formed command with the next token.
cmd() {
	p=$1 m=$2
	shift 2
	TOKEN=$(((TOKEN + 1) & 0x3ff))
	xfer "$RAW" $((m | p << 10 | TOKEN << 18)) "$@"
}

# expect NAME "REPLY" STATUS ["PAYLOAD WORDS"]: the reply's status and, when given, its
# payload words exactly ("*" in PAYLOAD: any word there). XFAIL=1: expected to change.
expect() {
	name=$1 reply=$2 st=$3 want=${4-}
	set -- $reply
	got_st=${2:-none}
	shift 2 2> /dev/null
	got_pl="$*"
	ok=1
	[ "$got_st" = "$(hex32 "$st" | tr -d ' ')" ] || ok=0
	if [ $ok = 1 ] && [ -n "$want" ]; then
		set -- $got_pl
		for w in $want; do
			[ "$w" = "*" ] || [ "$w" = "${1:-}" ] || ok=0
			shift 2> /dev/null || { ok=0; break; }
		done
		[ $# -eq 0 ] || ok=0
	fi
	if [ $ok = 1 ]; then
		if [ "${XFAIL:-0}" = 1 ]; then echo "XPASS: $name (the server now does what the spec requires)"; fi
		pass "$name"
	elif [ "${XFAIL:-0}" = 1 ]; then
		echo "XFAIL: $name: reply '$reply', the spec requires status $st (expected to change: issue 13)"
	else
		fail "$name" "reply '$reply', expected status $st${want:+ payload '$want'}"
	fi
}

# absent_ids PROTO NAME FIRST LAST: message IDs the protocol does not implement.
absent_ids() {
	for id in $(seq "$3" "$4"); do
		XFAIL=$XF expect "${PFX}_${2}_msg_attributes_$id" "$(cmd "$1" 2 "$id")" $NOT_FOUND
	done
}

# words_of HEXWORDS N: the Nth (0-based) payload word of a reply, as a number.
word() { set -- $1; shift $((2 + $2)); echo $((0x$1)); }

run_instance() {
RAW=$1 PFX=$2
XF=0

# ---- base (0x10) ----
expect "${PFX}_base_version" "$(cmd $BASE 0)" $SUCCESS "$(hex32 0x20000)"
# The protocol list first: the rest of the test follows it.
r=$(cmd $BASE 6 0)
set -- $r
protos=
if [ "${2:-}" = 00000000 ]; then
	nproto=$((0x$3))
	shift 3
	i=0
	while [ $i -lt $nproto ]; do
		w=$((0x$1))
		b=$(((w >> (8 * (i % 4))) & 255))
		protos="$protos $b"
		i=$((i + 1))
		[ $((i % 4)) = 0 ] && shift
	done
fi
known=" $POWER $PERF $CLOCK $SENSOR "
for p in $POWER $PERF $CLOCK $SENSOR; do
	case " $protos " in
	*" $p "*) pass "${PFX}_base_lists_protocol_$p" ;;
	*) fail "${PFX}_base_lists_protocol_$p" "DISCOVER_LIST_PROTOCOLS: '$r'" ;;
	esac
done
for p in $protos; do
	[ "$p" = $RESET ] && continue
	case $known in
	*" $p "*) ;;
	*) fail "${PFX}_protocol_${p}_covered" "the server implements protocol $p; scmi-raw.sh has no rows for it" ;;
	esac
done
# ids_words LIST: protocol IDs packed four to a word, zero-padded, as od's hex words.
ids_words() {
	w=0 i=0 out=
	for b; do
		w=$((w | b << (8 * i)))
		i=$((i + 1))
		[ $i = 4 ] && { out="$out $(hex32 $w)"; w=0 i=0; }
	done
	[ $i = 0 ] || out="$out $(hex32 $w)"
	echo "$out"
}
expect "${PFX}_base_attributes" "$(cmd $BASE 1)" $SUCCESS "$(hex32 $((nproto | 1 << 8)))"
for id in 0 1 2 3 4 5 6 7; do
	expect "${PFX}_base_msg_attributes_$id" "$(cmd $BASE 2 $id)" $SUCCESS "$(hex32 0)"
done
absent_ids $BASE base 8 8
expect "${PFX}_base_discover_vendor" "$(cmd $BASE 3)" $SUCCESS "$(name16 ArmSMCMbox)"
expect "${PFX}_base_discover_sub_vendor" "$(cmd $BASE 4)" $SUCCESS "$(name16 QEMU-virt)"
expect "${PFX}_base_discover_impl_version" "$(cmd $BASE 5)" $SUCCESS "$(hex32 0x10000)"
set -- $protos
shift 2
expect "${PFX}_base_list_protocols_skip_2" "$(cmd $BASE 6 2)" $SUCCESS "$(hex32 $((nproto - 2)))$(ids_words "$@")"
expect "${PFX}_base_list_protocols_skip_all" "$(cmd $BASE 6 $nproto)" $SUCCESS "$(hex32 0)"
expect "${PFX}_base_discover_agent_platform" "$(cmd $BASE 7 0)" $SUCCESS "$(hex32 0) $(name16 platform)"
expect "${PFX}_base_discover_agent_1" "$(cmd $BASE 7 1)" $SUCCESS "$(hex32 1) $(name16 OSPM)"
expect "${PFX}_base_discover_agent_self" "$(cmd $BASE 7 0xffffffff)" $SUCCESS "$(hex32 1) $(name16 OSPM)"
expect "${PFX}_base_discover_agent_unknown" "$(cmd $BASE 7 2)" $NOT_FOUND ""

# ---- power domains (0x11) ----
expect "${PFX}_power_version" "$(cmd $POWER 0)" $SUCCESS "$(hex32 0x20000)"
expect "${PFX}_power_attributes" "$(cmd $POWER 1)" $SUCCESS "$(hex32 2 0 0 0)"
for id in 0 1 2 3 4 5; do
	expect "${PFX}_power_msg_attributes_$id" "$(cmd $POWER 2 $id)" $SUCCESS "$(hex32 0)"
done
absent_ids $POWER power 6 6
for d in 0 1; do
	eval "n=\$PD_${d}_NAME on=\$PD_${d}_ON"
	state=0x40000000
	[ "$on" = 1 ] && state=0
	expect "${PFX}_power_domain_attributes_$n" "$(cmd $POWER 3 $d)" $SUCCESS "$(hex32 0x20000000) $(name16 "$n")"
	expect "${PFX}_power_state_get_$n" "$(cmd $POWER 5 $d)" $SUCCESS "$(hex32 $state)"
	# Set it to the state it has (Linux's genpd keeps its view), then the other way and back.
	expect "${PFX}_power_state_set_same_$n" "$(cmd $POWER 4 0 $d $state)" $SUCCESS ""
	expect "${PFX}_power_state_set_flip_$n" "$(cmd $POWER 4 0 $d $((state ^ 0x40000000)))" $SUCCESS ""
	expect "${PFX}_power_state_get_flipped_$n" "$(cmd $POWER 5 $d)" $SUCCESS "$(hex32 $((state ^ 0x40000000)))"
	expect "${PFX}_power_state_set_back_$n" "$(cmd $POWER 4 0 $d $state)" $SUCCESS ""
done
expect "${PFX}_power_domain_attributes_unknown" "$(cmd $POWER 3 2)" $NOT_FOUND ""
expect "${PFX}_power_state_get_unknown" "$(cmd $POWER 5 2)" $NOT_FOUND ""
expect "${PFX}_power_state_set_unknown_domain" "$(cmd $POWER 4 0 2 0)" $NOT_FOUND ""
expect "${PFX}_power_state_set_bad_state" "$(cmd $POWER 4 0 1 5)" $INVALID_PARAMETERS ""
expect "${PFX}_power_state_set_async" "$(cmd $POWER 4 1 1 0x40000000)" $NOT_SUPPORTED ""
expect "${PFX}_power_state_set_bad_flags" "$(cmd $POWER 4 2 1 0x40000000)" $INVALID_PARAMETERS ""

# ---- performance (0x13) ----
expect "${PFX}_perf_version" "$(cmd $PERF 0)" $SUCCESS "$(hex32 0x20000)"
expect "${PFX}_perf_attributes" "$(cmd $PERF 1)" $SUCCESS "$(hex32 0x10002 0 0 0)"
for id in 0 1 2 3 4 5 6 7 8; do
	expect "${PFX}_perf_msg_attributes_$id" "$(cmd $PERF 2 $id)" $SUCCESS "$(hex32 0)"
done
absent_ids $PERF perf 9 9
for d in 0 1; do
	eval "opps=\$DVFS_${d}_OPPS ceff=\$DVFS_${d}_CEFF_PF"
	levels= table= n=0
	for o in $opps; do
		hz=${o%%:*} mv=${o##*:}
		levels="$levels $((hz / 1000))"
		# Each level: kHz, dynamic power in mW (Ceff * V^2 * f), latency (any), reserved.
		table="$table $(hex32 $((hz / 1000)) $((ceff * mv * mv * hz / 1000000000000 / 1000))) *"
		n=$((n + 1))
	done
	set -- $levels
	bottom=$1
	eval "top=\${$n}"
	expect "${PFX}_perf_domain_attributes_$d" "$(cmd $PERF 3 $d)" $SUCCESS "$(hex32 0xc0000000 0 $top $top) * * * *"
	expect "${PFX}_perf_describe_levels_$d" "$(cmd $PERF 4 $d 0)" $SUCCESS "$(hex32 $n)$table"
	# An index past the last level: INVALID_PARAMETERS (docs/scmi-conformance.md D11).
	XFAIL=1 expect "${PFX}_perf_describe_levels_past_end_$d" "$(cmd $PERF 4 $d $n)" $INVALID_PARAMETERS ""
	expect "${PFX}_perf_limits_get_$d" "$(cmd $PERF 6 $d)" $SUCCESS "$(hex32 $top $bottom)"
	# Narrow the limits to one level and widen them back: both answered, both seen.
	set -- $levels
	mid=$3
	expect "${PFX}_perf_limits_set_narrow_$d" "$(cmd $PERF 5 $d $mid $mid)" $SUCCESS ""
	expect "${PFX}_perf_limits_get_narrow_$d" "$(cmd $PERF 6 $d)" $SUCCESS "$(hex32 $mid $mid)"
	expect "${PFX}_perf_limits_set_back_$d" "$(cmd $PERF 5 $d $top $bottom)" $SUCCESS ""
	expect "${PFX}_perf_limits_set_min_above_max_$d" "$(cmd $PERF 5 $d $bottom $top)" $INVALID_PARAMETERS ""
	expect "${PFX}_perf_limits_set_no_level_inside_$d" "$(cmd $PERF 5 $d 1 1)" $OUT_OF_RANGE ""
	# LEVEL_GET, then LEVEL_SET to that same level (Linux's cpufreq keeps its view).
	r=$(cmd $PERF 8 $d)
	cur=$(word "$r" 0)
	case " $levels " in
	*" $cur "*) expect "${PFX}_perf_level_get_is_a_level_$d" "$r" $SUCCESS "*" ;;
	*) fail "${PFX}_perf_level_get_is_a_level_$d" "reply '$r': $cur is none of$levels" ;;
	esac
	expect "${PFX}_perf_level_set_same_$d" "$(cmd $PERF 7 $d $cur)" $SUCCESS ""
	expect "${PFX}_perf_level_get_after_set_$d" "$(cmd $PERF 8 $d)" $SUCCESS "$(hex32 $cur)"
	expect "${PFX}_perf_level_set_not_a_level_$d" "$(cmd $PERF 7 $d $((cur + 1)))" $OUT_OF_RANGE ""
done
expect "${PFX}_perf_domain_attributes_unknown" "$(cmd $PERF 3 2)" $NOT_FOUND ""
expect "${PFX}_perf_describe_levels_unknown" "$(cmd $PERF 4 2 0)" $NOT_FOUND ""
expect "${PFX}_perf_limits_get_unknown" "$(cmd $PERF 6 2)" $NOT_FOUND ""
expect "${PFX}_perf_limits_set_unknown" "$(cmd $PERF 5 2 1 1)" $NOT_FOUND ""
expect "${PFX}_perf_level_get_unknown" "$(cmd $PERF 8 2)" $NOT_FOUND ""
expect "${PFX}_perf_level_set_unknown" "$(cmd $PERF 7 2 1)" $NOT_FOUND ""

# ---- clocks (0x14) ----
expect "${PFX}_clock_version" "$(cmd $CLOCK 0)" $SUCCESS "$(hex32 0x10000)"
expect "${PFX}_clock_attributes" "$(cmd $CLOCK 1)" $SUCCESS "$(hex32 4)"
for id in 0 1 2 3 4 5 6 7; do
	expect "${PFX}_clock_msg_attributes_$id" "$(cmd $CLOCK 2 $id)" $SUCCESS "$(hex32 0)"
done
absent_ids $CLOCK clock 8 8
for i in 0 1 2 3; do
	eval "n=\$CLK_${i}_NAME lo=\$CLK_${i}_MIN hi=\$CLK_${i}_MAX init=\$CLK_${i}_INIT"
	r=$(cmd $CLOCK 3 $i)
	en=$(word "$r" 0)
	expect "${PFX}_clock_attributes_$n" "$r" $SUCCESS "$(hex32 $((en & 1))) $(name16 "$n")"
	expect "${PFX}_clock_describe_rates_$n" "$(cmd $CLOCK 4 $i 0)" $SUCCESS "$(hex32 0x1003 $lo 0 $hi 0 1 0)"
	expect "${PFX}_clock_rate_get_$n" "$(cmd $CLOCK 6 $i)" $SUCCESS "$(hex32 $init 0)"
	expect "${PFX}_clock_rate_set_same_$n" "$(cmd $CLOCK 5 0 $i $init 0)" $SUCCESS ""
	# A rate the clock does not support: INVALID_PARAMETERS (docs/scmi-conformance.md C13).
	XFAIL=1 expect "${PFX}_clock_rate_set_above_max_$n" "$(cmd $CLOCK 5 0 $i $((hi + 1)) 0)" $INVALID_PARAMETERS ""
	expect "${PFX}_clock_rate_get_unchanged_$n" "$(cmd $CLOCK 6 $i)" $SUCCESS "$(hex32 $init 0)"
	expect "${PFX}_clock_config_set_same_$n" "$(cmd $CLOCK 7 $i $((en & 1)))" $SUCCESS ""
done
expect "${PFX}_clock_attributes_unknown" "$(cmd $CLOCK 3 4)" $NOT_FOUND ""
expect "${PFX}_clock_describe_rates_unknown" "$(cmd $CLOCK 4 4 0)" $NOT_FOUND ""
expect "${PFX}_clock_rate_get_unknown" "$(cmd $CLOCK 6 4)" $NOT_FOUND ""
expect "${PFX}_clock_rate_set_unknown" "$(cmd $CLOCK 5 0 4 $CLK_0_INIT 0)" $NOT_FOUND ""
expect "${PFX}_clock_rate_set_async" "$(cmd $CLOCK 5 1 0 $CLK_0_INIT 0)" $NOT_SUPPORTED ""
expect "${PFX}_clock_rate_set_bad_flags" "$(cmd $CLOCK 5 0x10 0 $CLK_0_INIT 0)" $INVALID_PARAMETERS ""
expect "${PFX}_clock_config_set_unknown" "$(cmd $CLOCK 7 4 1)" $NOT_FOUND ""
expect "${PFX}_clock_config_set_reserved_bits" "$(cmd $CLOCK 7 0 2)" $INVALID_PARAMETERS ""

# ---- sensors (0x15) ----
nsens=5
expect "${PFX}_sensor_version" "$(cmd $SENSOR 0)" $SUCCESS "$(hex32 0x10000)"
expect "${PFX}_sensor_attributes" "$(cmd $SENSOR 1)" $SUCCESS "$(hex32 $nsens 0 0 0)"
for id in 0 1 2 3 6; do
	expect "${PFX}_sensor_msg_attributes_$id" "$(cmd $SENSOR 2 $id)" $SUCCESS "$(hex32 0)"
done
absent_ids $SENSOR sensor 4 5
absent_ids $SENSOR sensor 7 7
# Four descriptors fit in a reply: 4 returned and 1 remaining, then the fifth.
r=$(cmd $SENSOR 3 0)
expect "${PFX}_sensor_description_get_first" "$r" $SUCCESS "$(hex32 0x10004) $(for s in 0 1 2 3; do echo "$(hex32 $s 0) * * * * *"; done)"
expect "${PFX}_sensor_description_get_last" "$(cmd $SENSOR 3 4)" $SUCCESS "$(hex32 1 4 0) * * * * *"
# An index past the last sensor: INVALID_PARAMETERS (docs/scmi-conformance.md M09).
XFAIL=1 expect "${PFX}_sensor_description_get_past_end" "$(cmd $SENSOR 3 $nsens)" $INVALID_PARAMETERS ""
for s in 0 1 2 3 4; do
	expect "${PFX}_sensor_reading_get_$s" "$(cmd $SENSOR 6 $s 0)" $SUCCESS "* *"
done
# Temperature 0 is a triangle wave between its bounds (millidegrees).
t=$(word "$(cmd $SENSOR 6 0 0)" 0)
if [ "$t" -ge "$TEMP_0_MIN" ] && [ "$t" -le "$TEMP_0_MAX" ]; then pass "${PFX}_sensor_reading_temp0_in_model_range"
else fail "${PFX}_sensor_reading_temp0_in_model_range" "$t not in [$TEMP_0_MIN, $TEMP_0_MAX]"; fi
expect "${PFX}_sensor_reading_get_unknown" "$(cmd $SENSOR 6 $nsens 0)" $NOT_FOUND ""
expect "${PFX}_sensor_reading_get_async" "$(cmd $SENSOR 6 0 1)" $NOT_SUPPORTED ""
expect "${PFX}_sensor_reading_get_bad_flags" "$(cmd $SENSOR 6 0 2)" $INVALID_PARAMETERS ""

# ---- reset domains (0x16), when the server has them ----
case " $protos " in
*" $RESET "*)
	nres=0
	while eval "[ -n \"\${RESET_${nres}_NAME:-}\" ]"; do nres=$((nres + 1)); done
	expect "${PFX}_reset_version" "$(cmd $RESET 0)" $SUCCESS "$(hex32 0x10000)"
	expect "${PFX}_reset_attributes" "$(cmd $RESET 1)" $SUCCESS "$(hex32 $nres)"
	for id in 0 1 2 3 4; do
		expect "${PFX}_reset_msg_attributes_$id" "$(cmd $RESET 2 $id)" $SUCCESS "$(hex32 0)"
	done
	absent_ids $RESET reset 5 5
	i=0
	while [ $i -lt $nres ]; do
		eval "n=\$RESET_${i}_NAME a=\$RESET_${i}_ASSERTED"
		expect "${PFX}_reset_domain_attributes_$n" "$(cmd $RESET 3 $i)" $SUCCESS "$(hex32 0) * $(name16 "$n")"
		# An explicit reset to the state the line is in (Linux's reset client keeps its view).
		expect "${PFX}_reset_explicit_same_state_$n" "$(cmd $RESET 4 $i $((a << 1)) 0)" $SUCCESS ""
		i=$((i + 1))
	done
	expect "${PFX}_reset_domain_attributes_unknown" "$(cmd $RESET 3 $nres)" $NOT_FOUND ""
	expect "${PFX}_reset_unknown_domain" "$(cmd $RESET 4 $nres 0 0)" $NOT_FOUND ""
	expect "${PFX}_reset_reserved_flags" "$(cmd $RESET 4 0 8 0)" $INVALID_PARAMETERS ""
	expect "${PFX}_reset_unknown_state" "$(cmd $RESET 4 0 1 1)" $INVALID_PARAMETERS ""
	expect "${PFX}_reset_async_autonomous" "$(cmd $RESET 4 0 5 0)" $NOT_SUPPORTED ""
	expect "${PFX}_reset_async_explicit" "$(cmd $RESET 4 0 4 0)" $INVALID_PARAMETERS ""
	;;
esac

# ---- malformed messages ----
# Unknown protocols: the system power protocol (not implemented here), a vendor one, the
# top of the range. Linux's raw mode sends them on the base channel.
for p in $SYSTEM 0x80 0xff; do
	expect "${PFX}_unknown_protocol_$((p))" "$(cmd $p 0)" $NOT_SUPPORTED ""
done
# Unknown message IDs in each implemented protocol: NOT_FOUND (expected to change).
for p in $BASE $protos; do
	for id in 0x20 0xff; do
		XFAIL=1 expect "${PFX}_unknown_message_$((p))_$((id))" "$(cmd $p $id)" $NOT_FOUND ""
	done
done
# Sensor messages 4 and 5 (trip points) exist in the protocol but not in this server.
XFAIL=1 expect "${PFX}_sensor_trip_point_notify_absent" "$(cmd $SENSOR 4 0 0)" $NOT_FOUND ""
# Payloads one word short and one word long, and a maximal (128-byte) one.
expect "${PFX}_short_payload_clock_rate_get" "$(cmd $CLOCK 6)" $PROTOCOL_ERROR ""
expect "${PFX}_short_payload_clock_rate_set" "$(cmd $CLOCK 5 0 0 $CLK_0_INIT)" $PROTOCOL_ERROR ""
expect "${PFX}_long_payload_base_version" "$(cmd $BASE 0 0)" $PROTOCOL_ERROR ""
expect "${PFX}_long_payload_perf_level_get" "$(cmd $PERF 8 0 0)" $PROTOCOL_ERROR ""
expect "${PFX}_max_payload_sensor_reading_get" "$(cmd $SENSOR 6 $(seq 1 32))" $PROTOCOL_ERROR ""
# Bad token reuse: two commands with the same token, back to back; both answered, each
# reply carrying that token and its own command's answer.
h=$((6 | CLOCK << 10 | 0x3ff << 18))
r1=$(xfer "$RAW" $h 0)
r2=$(xfer "$RAW" $h 1)
expect "${PFX}_token_reused_first" "$r1" $SUCCESS "$(hex32 $CLK_0_INIT 0)"
expect "${PFX}_token_reused_second" "$r2" $SUCCESS "$(hex32 $CLK_1_INIT 0)"
expect_eq "${PFX}_token_reused_header_echoed" "${r1%% *} ${r2%% *}" "$(hex32 $h $h | sed 's/ $//')"
[ -n "${HOST_REPLAY:-}" ] && return
# Linux refuses to send what is not a message at all (no header): nothing reaches the server.
printf '\001\002' > $TMP/req
if dd if=$TMP/req of="$RAW/message" bs=4096 2> /dev/null; then
	fail "${PFX}_no_header_refused_by_linux" "a 2-byte message was accepted"
else
	pass "${PFX}_no_header_refused_by_linux"
fi

# ---- nothing lost ----
# (A read of an empty queue waits for a message: two seconds of silence mean none.)
e=$(timeout 2 dd if="$RAW/errors" bs=4096 count=1 2> /dev/null | od -An -tx4 | head -n 2)
expect_eq "${PFX}_raw_error_queue_empty" "$e" ""
}

if [ -n "${HOST_REPLAY:-}" ]; then
	run_instance host replay
	exit $FAILED
fi

# Every SCMI instance with raw mode: the mailbox one (our controller) and Linux's own
# arm,scmi-smc one when the board has it.
# (The instances are globbed with globbing on for that one line: the rows' "*" wildcards
# need it off, or they expand to the guest's file names.)
n=0
set +f
instances=$(echo /sys/kernel/debug/scmi/*)
set -f
for d in $instances; do
	[ -d "$d/raw" ] || continue
	t=$(cat "$d/transport/type" 2> /dev/null || echo "?")
	run_instance "$d/raw" "raw$(basename "$d")_$t"
	n=$((n + 1))
done
[ $n -gt 0 ] && pass raw_mode_instances_found || fail raw_mode_instances_found "no /sys/kernel/debug/scmi/*/raw"

# ---- Linux's own SCMI drivers still work, and see what they saw before ----
CLK=/sys/kernel/debug/clk/clk_summary
for i in 0 1 2 3; do
	eval "name=\$CLK_${i}_NAME init=\$CLK_${i}_INIT"
	expect_eq "linux_scmi_clock_${name}_rate_after_raw" \
		"$(awk -v n="$name" '$1 == n { print $5 }' $CLK)" "$init"
done
gpd=/sys/kernel/debug/pm_genpd/pm_genpd_summary
expect_eq linux_scmi_power_domain_gpu_after_raw "$(awk -v n="$PD_0_NAME" '$1 == n { print $2 }' $gpd)" on
expect_eq linux_scmi_clock_read_after_raw "$(cat /sys/kernel/debug/clk/$CLK_1_NAME/clk_rate)" "$CLK_1_INIT"
exit $FAILED
