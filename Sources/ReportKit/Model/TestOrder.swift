extension [TestResult] {
  /// Positions of the tests whose status matches, ordered by id: positions are sorted (not
  /// copies of tests) and ids compared as prefix then name, without building each id string.
  func indicesSortedByID(where keep: (TestStatus) -> Bool) -> [Int] {
    var picked = indices.filter { keep(self[$0].status) }
    picked.sort { a, b in
      // Byte order (no Unicode collation): stable, and cheap for ids sharing an interned prefix.
      let (pa, pb) = (self[a].idPrefix, self[b].idPrefix)
      if pa == pb { return self[a].nameSlice.utf8.lexicographicallyPrecedes(self[b].nameSlice.utf8) }
      return pa.utf8.lexicographicallyPrecedes(pb.utf8)
    }
    return picked
  }
}
