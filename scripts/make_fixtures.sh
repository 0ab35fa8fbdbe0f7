#!/usr/bin/env bash
# Regenerates Tests/Fixtures/ by running the real tools against the loopback staging stand-in
# (examples/staging_server.py, 127.0.0.1 only): pytest in each console mode, curl in each trace
# format, and `swift test --xunit-output` on a tiny package. Committed, so tests need none of them.
# The only derived file is pytest/cutoff-v.log: a real -v log cut at line 40, as a killed CI job
# leaves it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/Tests/Fixtures"
mkdir -p "$out/pytest" "$out/curl" "$out/swift"
python3 -c 'import xdist' 2>/dev/null || python3 -m pip install -q pytest-xdist

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$root/examples/staging_server.py" "$port" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -s -o /dev/null "$base/health" && break; sleep 0.1; done
export STAGING_URL="$base"

run_pytest() {  # run_pytest OUTFILE ARGS...
  local file=$1; shift
  (cd "$root/examples/suite" && python3 -m pytest -p no:cacheprovider "$@" . ) > "$file" 2>&1 || true
}
run_pytest "$out/pytest/plain.log"
run_pytest "$out/pytest/quiet.log" -q
run_pytest "$out/pytest/xdist-v.log" -n 2 -v
run_pytest "$out/pytest/xdist.log" -n 2
run_pytest "$out/pytest/verbose-junit.log" -v --junitxml="$out/pytest/xunit2.xml"
# Two sessions in one CI log: the suite, then only the user lookups.
run_pytest "$out/pytest/two-sessions.log" -v
(cd "$root/examples/suite" && python3 -m pytest -p no:cacheprovider -v -k user_lookup . ) >> "$out/pytest/two-sessions.log" 2>&1 || true
head -n 40 "$out/pytest/verbose-junit.log" > "$out/pytest/cutoff-v.log"
sed -i "s|$out|Tests/Fixtures|g" "$out"/pytest/*.log

closed=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
token="eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmaXh0dXJlLXVzZXIiLCJleHAiOjE3NTczNjU4Njd9.Zml4dHVyZS1zaWduYXR1cmUtbm90LXJlYWwtYnV0LWxvbmctZW5vdWdo"
curl -sS -o /dev/null --trace "$out/curl/trace-hex.txt" -H "Cookie: session=s3cr3t-cookie-value" "$base/api/orders" || true
curl -sS -o /dev/null --trace-ascii "$out/curl/trace-ascii-wrapped.txt" -H "Authorization: Bearer $token" "$base/api/profile" || true
curl -sS -v -u "deploy:hunter2-password" "$base/api/admin/stats" > "$out/curl/verbose-userpass.log" 2>&1 || true
curl -sS -v "http://127.0.0.1:$closed/" > "$out/curl/verbose-refused.log" 2>&1 || true
# Without -s the progress meter runs, and a -v note can follow it on the same line.
curl -v "http://127.0.0.1:$closed/x" > "$out/curl/verbose-meter-refused.log" 2>&1 || true
for path in /health /api/orders; do
  curl -s -o /dev/null -w 'url_effective: %{url_effective}\nhttp_code: %{http_code}\ntime_namelookup: %{time_namelookup}\ntime_connect: %{time_connect}\ntime_starttransfer: %{time_starttransfer}\ntime_total: %{time_total}\n' "$base$path" || true
done > "$out/curl/write-out-plain.txt"
# Undeployed routes (404) on several hosts, all resolved to the loopback server: three hosts of
# three routes each (one cluster for the answer), then one host of three routes beside one of one.
spread() {  # spread HOST:ROUTE... → curl -v of each, as one script's log
  for hr in "$@"; do
    h=${hr%%/*}; r=/${hr#*/}
    echo "+ curl -sS -v http://$h:$port$r"
    curl -sS -v --resolve "$h:$port:127.0.0.1" "http://$h:$port$r" 2>&1 || true
    echo
  done
}
spread {api,users,orders}.staging.test/v1/{carts,coupons,invoices} api.staging.test/api/orders > "$out/curl/spread-hosts.log"
spread billing.staging.test/v2/{plans,prices,refunds} search.staging.test/v2/index > "$out/curl/spread-routes.log"
sed -i "s/$port/8080/g; s/$closed/9/g" "$out"/curl/* "$out"/pytest/*

# swift test --xunit-output on a throwaway package: one pass, one failure, one skip.
pkg=$(mktemp -d)
mkdir -p "$pkg/Sources/Tiny" "$pkg/Tests/TinyTests"
cat > "$pkg/Package.swift" <<'SWIFT'
// swift-tools-version:5.9
import PackageDescription
let package = Package(name: "Tiny", targets: [.target(name: "Tiny"), .testTarget(name: "TinyTests", dependencies: ["Tiny"])])
SWIFT
echo 'public func add(_ a: Int, _ b: Int) -> Int { a + b }' > "$pkg/Sources/Tiny/Tiny.swift"
cat > "$pkg/Tests/TinyTests/TinyTests.swift" <<'SWIFT'
import XCTest
@testable import Tiny
final class TinyTests: XCTestCase {
  func testAddWorks() { XCTAssertEqual(add(2, 2), 4) }
  func testAddIsWrong() { XCTAssertEqual(add(2, 2), 5, "staging returned 503 Service Unavailable") }
  func testSkipped() throws { throw XCTSkip("service unavailable in this environment") }
}
SWIFT
cat > "$pkg/Tests/TinyTests/TinySwiftTesting.swift" <<'SWIFT'
import Testing
@testable import Tiny
@Test func addsWithSwiftTesting() { #expect(add(1, 1) == 2) }
@Test func failsWithSwiftTesting() { #expect(add(1, 1) == 3, "expected 3") }
SWIFT
# XCTest writes its xunit file only with --parallel; Swift Testing writes xunit-swift-testing.xml.
(cd "$pkg" && swift test --parallel --xunit-output "$out/swift/xunit.xml" >/dev/null 2>&1) || true
rm -rf "$pkg"
ls -R "$out"
