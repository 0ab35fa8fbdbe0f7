/// Where a reader puts the names of the tests it makes: appended to a chunk that a few thousand
/// names share. One allocation per chunk, where a name made alone costs a String and a
/// `NameStorage` (two allocations, two frees) and `NameCompactor` then copies it again.
///
/// Each reader has its own arena and only it appends, on the reader's thread, before any test
/// pointing into the chunk leaves the reader; from then on the chunk is only read.
struct NameArena {
  /// Bytes of names per chunk (a longer name gets a chunk of its own size).
  static let chunkBytes = 64 << 10

  private var chunk: NameStorage?
  private var used = 0

  /// The chunk `name` is now stored in, and its offset there.
  mutating func place(_ name: Substring) -> (storage: NameStorage, offset: Int) {
    let n = name.utf8.count
    let storage: NameStorage
    if let current = chunk, used + n <= Self.chunkBytes {
      storage = current
    } else {
      storage = NameStorage(capacity: max(Self.chunkBytes, n))
      chunk = storage
      used = 0
    }
    let offset = used
    storage.append(name)
    used += n
    return (storage, offset)
  }
}
