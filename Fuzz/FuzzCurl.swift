// libFuzzer entry for the Curl reader: every input goes through `CurlTraceParser`, the way a
// file found in a folder would. Built by scripts/fuzz.sh with -sanitize=fuzzer,address.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurl(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzInput.withFile(data, size) { path in
    let artifact = CurlTraceParser(path: path, displayPath: "fuzz.log").parse()
    FuzzInput.check(artifact)
  }
  return 0
}
