/// A buffer concurrent workers write to at disjoint indices (each index by one worker only).
struct UncheckedBuffer<T>: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<T>
  init(_ base: UnsafeMutableBufferPointer<T>) { self.base = base }
}
