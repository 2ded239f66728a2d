# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest, booted with bad-dt/controllers.dtsi appended to the board: every
# malformed controller fails its probe with its own readable line, and the good controllers
# in the same tree keep working.
. /qemu-run/lib.sh

while IFS='	' read -r node msg; do
	case $node in '#'* | '') continue ;; esac
	# The driver's own lines; 6.12's driver core adds "probe with driver ... failed" itself.
	lines=$(dmesg | grep "arm-smc-mbox firmware:$node: " | grep -v "probe with driver")
	n=$(echo "$lines" | grep -c .)
	if echo "$lines" | grep -qF -- "$msg" && [ "$n" -eq 1 ]; then
		pass "bad_node_${node#mailbox-bad-}_refused_with_its_message"
	else
		fail "bad_node_${node#mailbox-bad-}_refused_with_its_message" "$n line(s): $lines"
	fi
	[ -e "/sys/bus/platform/drivers/arm-smc-mbox/firmware:$node" ] &&
		fail "bad_node_${node#mailbox-bad-}_not_bound" "it is bound"
done < /qemu-run/bad-dt-expect

bound=$(ls -d /sys/bus/platform/drivers/arm-smc-mbox/firmware:* | wc -l)
expect_eq only_the_good_controllers_are_bound "$bound" 2
dmesg | grep -q "SCMI Protocol v" && pass good_scmi_still_works || fail good_scmi_still_works "no SCMI discovery"
dmesg | grep -q "SCP Protocol" && pass good_scpi_still_works || fail good_scpi_still_works "no SCPI"
expect_eq firmware_still_answers "$(fwcall_x0 0x80000000)" "$(boot_smccc_version)"
exit $FAILED
