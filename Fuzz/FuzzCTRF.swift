// libFuzzer entry for the CTRF reader: every input goes through `CTRFParser`, the way a
// file found in a folder would. Built by scripts/fuzz.sh with -sanitize=fuzzer,address.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCTRF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzInput.withFile(data, size) { path in
    let artifact = CTRFParser(path: path, displayPath: "fuzz.json").parse()
    FuzzInput.check(artifact)
  }
  return 0
}
