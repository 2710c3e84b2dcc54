import Metrics
import Prometheus

/// Prometheus as the swift-metrics backend, set up once per process (swift-metrics allows one
/// bootstrap; tests start many applications in one process). Vapor reports request counts and
/// latencies by route through swift-metrics, so `/metrics` needs nothing more.
enum MetricsSetup {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func bootstrap() { _ = registry }
}
