import Vapor
import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Leaf
import Yams
import Prometheus
public func placeholder() {}
