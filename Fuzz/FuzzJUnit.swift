// libFuzzer entry for the JUnit XML reader: every input goes through `JUnitXMLParser`, the way a
// file found in a folder would. Built by scripts/fuzz.sh with -sanitize=fuzzer,address.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJUnit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzInput.withFile(data, size) { path in
    let artifact = JUnitXMLParser(path: path, displayPath: "fuzz.xml").parse()
    FuzzInput.check(artifact)
  }
  return 0
}
