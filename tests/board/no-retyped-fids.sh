#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# board/board.h is the one source of the board's function IDs: fail when any of them is
# typed as a number anywhere else in the tree. Shell tests and the runner take them from
# board.env, device-tree fragments from board-consts.h (both from board/gen-board-env), C
# includes board.h. One PASS or FAIL line (tools/run-checks board-consts).
#
# Not searched: board.h itself; documentation (*.md), which explains each value; the
# driver's dt-schema binding, whose examples must stand alone when it goes upstream.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
name=board_function_ids_typed_only_in_board_h

make -s --no-print-directory board
# The IDs themselves come from the generator, so this script retypes none of them.
ids=$(sed -n 's/^BOARD_FID_[A-Z0-9_]*=0x//p' build/board/board.env | paste -sd'|')
[ -n "$ids" ] || { echo "FAIL: $name: no BOARD_FID_* in build/board/board.env"; exit 1; }

# Every function ID board.h names must be in board.env, or a new one would escape this check.
missing=$(sed -n 's/^#define[[:space:]]\{1,\}\(BOARD_FID_[A-Z0-9_]*\)[[:space:]].*/\1/p' board/board.h |
	while read -r n; do grep -q "^$n=" build/board/board.env || echo "$n"; done)
[ -z "$missing" ] || { echo "FAIL: $name: board/gen-board-env does not print" $missing; exit 1; }

# Tracked files and new ones not yet added; build/ and cache/ are ignored.
hits=$(git ls-files -z --cached --others --exclude-standard |
	grep -zv -e '^board/board\.h$' -e '\.md$' -e '^driver/Documentation/devicetree/bindings/' |
	xargs -0 -r grep -HnIiE "\b0x0*($ids)(u|ul|ull)?\b" -- 2>/dev/null || true)
if [ -z "$hits" ]; then
	echo "PASS: $name"
else
	echo "FAIL: $name: use the generated names (board/gen-board-env): $(echo "$hits" | head -n 5 | tr '\n' '|')"
	exit 1
fi
