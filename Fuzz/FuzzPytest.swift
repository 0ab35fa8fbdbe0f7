// libFuzzer entry for the Pytest reader: every input goes through `PytestConsoleParser`, the way a
// file found in a folder would. Built by scripts/fuzz.sh with -sanitize=fuzzer,address.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPytest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzInput.withFile(data, size) { path in
    let artifact = PytestConsoleParser(path: path, displayPath: "fuzz.log").parse()
    FuzzInput.check(artifact)
  }
  return 0
}
