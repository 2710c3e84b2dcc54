import Vapor

/// Page numbers for long tables, read from `?page=` and rendered by `components/pagination`.
struct Pagination: Encodable {
    let page: Int
    let perPage: Int
    let total: Int
    let previousHref: String?
    let nextHref: String?

    var offset: Int { (page - 1) * perPage }
    var pageCount: Int { max(1, (total + perPage - 1) / perPage) }

    init(request: Request, total: Int, perPage: Int = 50, keeping query: [String: String] = [:]) {
        let asked = (try? request.query.get(Int.self, at: "page")) ?? 1
        let pages = max(1, (total + perPage - 1) / perPage)
        page = min(max(1, asked), pages)
        self.perPage = perPage
        self.total = total
        let path = request.url.path
        func href(_ number: Int) -> String {
            var items = query
            items["page"] = String(number)
            return path + "?"
                + items.sorted { $0.key < $1.key }.map {
                    "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? $0.value)"
                }.joined(separator: "&")
        }
        previousHref = page > 1 ? href(page - 1) : nil
        nextHref = page < pages ? href(page + 1) : nil
    }
}
