# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# Sourced by tools that download from Debian's archive (tools/fetch-kernels, tools/dkms-check):
# the archive's URIs come from this machine's apt configuration, never from a host name
# written here.
#
#   apt_entries          print "suite URI SIGNED-BY" for every enabled deb entry carrying main
#   apt_mirror SUITE...  print "URI SIGNED-BY" of the first entry for the first SUITE that has
#                        one (http, https, ftp or file URIs only); fails when none has
#
# One-line .list files and deb822 .sources files are both read.

apt_entries() {	# print "suite URI SIGNED-BY" for every enabled deb entry carrying main
	local f
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# deb [opt=val ...] URI SUITE COMPONENT...: options may contain spaces inside [].
		awk '{ sub(/#.*/, "") } $1 == "deb" {
			line = $0; sub(/^[ \t]*deb[ \t]+/, "", line); opts = ""
			if (substr(line, 1, 1) == "[") {
				end = index(line, "]"); opts = substr(line, 2, end - 2)
				line = substr(line, end + 1)
			}
			n = split(line, w, /[ \t]+/); i = (w[1] == "") ? 2 : 1
			uri = w[i]; suite = w[i + 1]; main = 0
			for (j = i + 2; j <= n; j++) if (w[j] == "main") main = 1
			sb = ""
			if (match(opts, /signed-by=[^ \t]+/)) sb = substr(opts, RSTART + 10, RLENGTH - 10)
			if (main) print suite, uri, sb
		}' "$f"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822: stanzas separated by blank lines; "Field: value", continued on lines
		# that start with white space (more URIs or suites, or an inline Signed-By key,
		# which cannot be passed on: only a key file path is kept).
		awk 'function flush(   n, m, u, s, i, j, sb) {
			if (tolower(F["enabled"]) != "no" && F["types"] ~ /(^| )deb( |$)/ &&
			    F["components"] ~ /(^| )main( |$)/) {
				n = split(F["uris"], u, " "); m = split(F["suites"], s, " ")
				sb = (F["signed-by"] ~ /^\/[^ ]*$/) ? F["signed-by"] : ""
				for (j = 1; j <= m; j++) for (i = 1; i <= n; i++) print s[j], u[i], sb
			}
			delete F; k = ""
		}
		/^#/ { next }
		/^[ \t]*$/ { flush(); next }
		/^[ \t]/ { if (k != "") { v = $0; gsub(/[ \t]+/, " ", v); F[k] = F[k] v } next }
		{ k = tolower($0); sub(/:.*/, "", k); v = $0; sub(/^[^:]*:[ \t]*/, "", v)
		  gsub(/[ \t]+/, " ", v); F[k] = v }
		END { flush() }' "$f"
	done
}
apt_mirror() {
	local entries suite
	entries=$(apt_entries | awk '$2 ~ /^(https?|ftp|file):/')
	for suite in "$@"; do
		[ -n "$suite" ] || continue
		awk -v r="$suite" '$1 == r { print $2, $3; exit }' <<< "$entries" | grep . && return 0
	done
	return 1
}
