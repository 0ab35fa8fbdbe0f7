/// One test's outcome, kept compact: a million passing tests must fit in memory.
///
/// The id is stored as a shared group (prefix and suite: all tests of a class share one) and the
/// test's own name; everything a passing test does not need lives in `details`, which stays `nil`
/// for the common case. 40 bytes a test.
public struct TestResult: Sendable {
  /// The id prefix and suite, shared with the other tests of the class (see `GroupInterner`).
  private(set) var group: TestGroup
  /// The test's own name, the last part of its id (`test_get[case-1]`), stored as a range of a
  /// string that many names share (see `NameArena`): one allocation per chunk, not per name,
  /// held by one reference (8 bytes, not a String's 16: a million tests take 8 MB less).
  private var names: NameStorage
  private var nameOffset: UInt32 = 0
  private var nameLength: UInt32
  public var status: TestStatus
  public var phase: Phase?
  /// A placeholder for a test a log counted but did not name (pytest's `..F.` progress).
  public var anonymous = false
  private var durationStorage: Float = .nan
  public var details: TestDetails?

  public init(
    idPrefix: String, name: String, suite: String, status: TestStatus, phase: Phase? = nil,
    durationSeconds: Double? = nil, details: TestDetails? = nil
  ) {
    self.init(
      group: TestGroup(idPrefix: idPrefix, suite: suite), name: name, status: status, phase: phase,
      durationSeconds: durationSeconds, details: details)
  }

  /// A test of a group that others share (readers intern groups: one per class, not per test).
  init(
    group: TestGroup, name: String, status: TestStatus, phase: Phase? = nil, durationSeconds: Double? = nil,
    details: TestDetails? = nil
  ) {
    self.group = group
    self.names = NameStorage(name)
    self.nameLength = UInt32(clamping: name.utf8.count)
    self.status = status
    self.phase = phase
    self.details = details
    self.durationSeconds = durationSeconds
  }

  /// A test whose name `arena` keeps (readers: one chunk for a few thousand names).
  init(
    group: TestGroup, name: Substring, in arena: inout NameArena, status: TestStatus, phase: Phase? = nil,
    durationSeconds: Double? = nil
  ) {
    let (storage, offset) = arena.place(name)
    self.group = group
    self.names = storage
    self.nameOffset = UInt32(clamping: offset)
    self.nameLength = UInt32(clamping: name.utf8.count)
    self.status = status
    self.phase = phase
    self.durationSeconds = durationSeconds
  }

  /// The id up to and including the last `::` (`tests/test_api.py::TestUsers::`), shared.
  public var idPrefix: String {
    get { group.idPrefix }
    set { group = TestGroup(idPrefix: newValue, suite: group.suite) }
  }

  /// The suite or class the tool reported (`classname` in JUnit, the node id's prefix in pytest).
  public var suite: String {
    get { group.suite }
    set { group = TestGroup(idPrefix: group.idPrefix, suite: newValue) }
  }

  public var name: String {
    get { nameOffset == 0 && Int(nameLength) == nameBase.utf8.count ? nameBase : String(nameSlice) }
    set { setName(newValue, offset: 0, length: newValue.utf8.count) }
  }

  /// The name as a slice of its (possibly shared) storage.
  var nameSlice: Substring {
    let u = nameBase.utf8
    let start = u.index(u.startIndex, offsetBy: Int(nameOffset))
    return nameBase[start..<u.index(start, offsetBy: Int(nameLength))]
  }

  /// Calls `body` with the name's UTF-8 bytes where they are stored (no copy, no Substring).
  @inline(__always)
  func withNameBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    Self.withBytes(of: nameBase, Int(nameOffset), Int(nameLength), body)
  }

  /// `withNameBytes` of the test at `p`, its fields read where they are: a test read out of a
  /// buffer to call a method on is copied first (its three references retained and released).
  @inline(__always)
  static func withNameBytes<R>(at p: UnsafePointer<TestResult>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    withBytes(of: p.pointee.names.text, Int(p.pointee.nameOffset), Int(p.pointee.nameLength), body)
  }

  /// `body` with `length` bytes of `base` from `offset`, where they are stored.
  @inline(__always)
  private static func withBytes<R>(of base: String, _ offset: Int, _ length: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    base.withUTF8Bytes { body(UnsafeBufferPointer(rebasing: $0[offset..<(offset + length)])) }
  }

  /// Whether the test at `p` is of `group` (the same object; never of no group), read in place.
  @inline(__always)
  static func isOf(_ group: TestGroup?, at p: UnsafePointer<TestResult>) -> Bool { group.map { p.pointee.group === $0 } ?? false }

  /// The hash of this test's `TestKey`, computed from the stored fields without building one.
  var keyHash: Int { TestKey.hash(prefix: idPrefix[...], name: nameSlice) }

  /// Whether this test's id is `prefix` + `name`, compared as bytes (no key is built), through
  /// the buffers: a generic `elementsEqual` of two UTF-8 views walked them index by index (every
  /// line of pytest's short summary names a known test).
  func hasID(prefix: Substring, name: Substring) -> Bool {
    guard idPrefix.utf8Equals(prefix) else { return false }
    var name = name
    return name.withUTF8 { n in withNameBytes { $0.elementsEqual(n) } }
  }

  /// The file part of the id (`tests/a.py` of `tests/a.py::T::t`).
  var idFile: String { TestID.file(ofPrefix: idPrefix) }

  /// The string the name is a range of.
  private var nameBase: String { names.text }

  /// Points the name at `length` bytes of `base` from `offset`.
  mutating func setName(_ base: String, offset: Int, length: Int) {
    names = NameStorage(base)
    nameOffset = UInt32(clamping: offset)
    nameLength = UInt32(clamping: length)
  }

  /// The identity used to merge artifacts: a pytest node id where one can be derived.
  public var id: String { idPrefix + nameSlice }

  public var durationSeconds: Double? {
    get { durationStorage.isNaN ? nil : Double(durationStorage) }
    set { durationStorage = newValue.map { Float($0) } ?? .nan }
  }

  /// The details, created on first write.
  mutating func detailsForWriting() -> TestDetails {
    if let details { return details }
    let fresh = TestDetails()
    details = fresh
    return fresh
  }
}

/// A test's key for merging. Ids are always split the same way (`TestID.split`), so equal ids
/// have equal prefixes and names.
struct TestKey: Hashable {
  let prefix: String
  let name: Substring

  init(_ test: TestResult) {
    prefix = test.idPrefix
    name = test.nameSlice
  }

  // Ids are compared as bytes (no Unicode normalization: two spellings are two tests), which
  // also keeps hashing a million keys cheap.
  static func == (a: TestKey, b: TestKey) -> Bool {
    a.prefix.utf8.elementsEqual(b.prefix.utf8) && a.name.utf8.elementsEqual(b.name.utf8)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(keyHash)
  }

  /// The hash the test indexes file this key under (`KeyHash`).
  var keyHash: Int { Self.hash(prefix: prefix[...], name: name) }

  /// The hash of the key `prefix` + `name`, equal to `TestKey(...).keyHash`, from substrings.
  static func hash(prefix: Substring, name: Substring) -> Int {
    prefix.withUTF8Bytes { p in name.withUTF8Bytes { n in KeyHash.of(p, n) } }
  }
}

/// A string that test names are ranges of: a chunk a reader's `NameArena` fills, or a test's
/// own name.
final class NameStorage: @unchecked Sendable {
  // Appended to only by the arena that made it, before any test pointing into it leaves its
  // reader (see `NameArena`); only read after that.
  private(set) var text: String
  init(_ text: String) { self.text = text }

  /// An empty chunk with room for `capacity` bytes: appending up to that never moves it.
  init(capacity: Int) {
    text = ""
    text.reserveCapacity(capacity)
  }

  func append(_ name: Substring) { text.append(contentsOf: name) }
}

/// What a report needs beyond the outcome: message, traceback, location, output, evidence.
public final class TestDetails: @unchecked Sendable {
  // Filled while the owning artifact is parsed and merged, then only read.
  // Setting a text a failure's facts read drops the judgement made from it.
  public var message: String? { didSet { prejudged = nil } }
  public var exceptionType: String? { didSet { prejudged = nil } }
  public var detail: String? { didSet { prejudged = nil } }
  public var file: String?
  public var line: Int?
  /// `line` is where the test is defined (a JUnit attribute), not where it failed (a traceback).
  public var lineIsDefinition = false
  public var skipReason: String? { didSet { prejudged = nil } }
  /// Captured stdout, stderr or log of the test, capped (later stages look for mock fallbacks).
  public var output: String?
  /// The line of the first artifact where `output` begins: its lines follow from there.
  public var outputLine: Int?
  public var evidence: [Evidence] = []
  /// The artifacts this test was seen in.
  public var sources: [String] = []
  /// The failure as judged while the log was read (see `PrejudgedFailure`); the pipeline lets it
  /// go once triage has read it (`Run.releasePrejudgements`).
  var prejudged: PrejudgedFailure?

  public init() {}
}

extension UnsafeBufferPointer<TestResult> {
  /// Where test `i` is (in bounds), for `TestResult`'s readers in place.
  @inline(__always)
  func address(_ i: Int) -> UnsafePointer<TestResult> {
    guard let base = baseAddress, i >= 0, i < count else { preconditionFailure("test \(i) out of \(count)") }
    return base + i
  }
}
