import Leaf
import LeafKit
import Vapor

/// Leaf turns its template cache off in the development environment, the one `teukgu serve` runs
/// in unless told otherwise, and then lexes and parses every template on every page. A release
/// build keeps parsed templates (edits need a restart); a debug build still re-reads each edit.
enum TemplateCache {
    static func keepParsedTemplates(_ app: Application) {
        guard app.environment.isRelease else { return }
        app.views.use { app in
            var userInfo = app.leaf.userInfo
            userInfo["application"] = app
            return LeafRenderer(
                configuration: app.leaf.configuration, tags: app.leaf.tags, cache: app.leaf.cache,
                sources: app.leaf.sources, eventLoop: app.eventLoopGroup.next(), userInfo: userInfo)
        }
    }
}
