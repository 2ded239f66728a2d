# SPDX-License-Identifier: BSD-3-Clause
# Inside the guest, booted with bad-dt/controllers.dtsi appended to the board: every
# malformed controller fails its probe with its own readable line, and the good controllers
# in the same tree keep working.
. /qemu-run/lib.sh

while IFS='	' read -r node msg arch; do
	case $node in '#'* | '') continue ;; esac
	# A case for one architecture (smc64-on-32bit.dtsi: arm only) is checked there only.
	[ -n "$arch" ] && [ "$arch" != "${ARCH:-arm64}" ] && continue
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
# The good ones: the board's two, and those of any other fragment booted with this one.
good=$(ls -d /proc/device-tree/firmware/mailbox-* | grep -vc /mailbox-bad-)
expect_eq only_the_good_controllers_are_bound "$bound" "$good"
# Debian's armhf kernels have neither SCPI nor SCMI: there the good controllers' probe is all.
if [ "${ARCH:-arm64}" = arm64 ]; then
	dmesg | grep -q "SCMI Protocol v" && pass good_scmi_still_works || fail good_scmi_still_works "no SCMI discovery"
	dmesg | grep -q "SCP Protocol" && pass good_scpi_still_works || fail good_scpi_still_works "no SCPI"
fi
expect_eq firmware_still_answers "$(fwcall_x0 0x80000000)" "$(boot_smccc_version)"
exit $FAILED
