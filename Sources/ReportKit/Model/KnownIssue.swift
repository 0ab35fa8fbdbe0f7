/// A failure the team already tracks: where it is tracked, shown next to the clusters it matches.
public struct KnownIssue: Sendable, Equatable {
  public var url: String
  public var title: String?

  public init(url: String, title: String? = nil) {
    self.url = url
    self.title = title
  }
}
