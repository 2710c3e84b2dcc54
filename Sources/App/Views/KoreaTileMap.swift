/// Korea's 17 regions as a tile map drawn on the server: one square per region, placed roughly
/// where it lies, so that small regions (Sejong, the metropolitan cities) are as easy to see and
/// to click as large provinces. Regions with districts are filled and link to them; the map's
/// title and each tile's title say the same in words, and the page puts a table beside it.
enum KoreaTileMap {
    /// Column and row of each region's tile, north at the top.
    static let tiles: [String: (column: Int, row: Int)] = [
        "seoul": (1, 0), "gyeonggi": (2, 0), "gangwon": (3, 0),
        "incheon": (0, 1), "sejong": (1, 1), "chungbuk": (2, 1), "gyeongbuk": (3, 1),
        "chungnam": (0, 2), "daejeon": (1, 2), "daegu": (2, 2), "ulsan": (3, 2),
        "jeonbuk": (1, 3), "gyeongnam": (2, 3), "busan": (3, 3),
        "gwangju": (0, 4), "jeonnam": (1, 4),
        "jeju": (1, 5),
    ]

    /// Short names that fit a tile.
    static let shortNames: [String: (String, String)] = [
        "seoul": ("서울", "Seoul"), "busan": ("부산", "Busan"), "daegu": ("대구", "Daegu"),
        "incheon": ("인천", "Incheon"), "gwangju": ("광주", "Gwangju"), "daejeon": ("대전", "Daejeon"),
        "ulsan": ("울산", "Ulsan"), "sejong": ("세종", "Sejong"), "gyeonggi": ("경기", "Gyeonggi"),
        "gangwon": ("강원", "Gangwon"), "chungbuk": ("충북", "Chungbuk"), "chungnam": ("충남", "Chungnam"),
        "jeonbuk": ("전북", "Jeonbuk"), "jeonnam": ("전남", "Jeonnam"), "gyeongbuk": ("경북", "Gyeongbuk"),
        "gyeongnam": ("경남", "Gyeongnam"), "jeju": ("제주", "Jeju"),
    ]

    struct Region {
        let id: String
        /// The full name, for the tile's title.
        let name: String
        /// How many districts the region has, and where a click goes.
        let districts: Int
        let href: String?
    }

    static func svg(_ regions: [Region], title: String, language: String, districtsWord: String) -> String {
        let size = 84
        let gap = 6
        let columns = 4
        let rows = 6
        let width = columns * (size + gap) + gap
        let height = rows * (size + gap) + gap
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" viewBox=\"0 0 \(width) \(height)\" class=\"tile-map\" aria-labelledby=\"tile-map-title\"><title id=\"tile-map-title\">\(SVGChart.escape(title))</title>"
        for region in regions {
            guard let tile = tiles[region.id] else { continue }
            let x = gap + tile.column * (size + gap)
            let y = gap + tile.row * (size + gap)
            let short = shortNames[region.id].map { Strings.pick($0.0, $0.1, language) } ?? region.id
            let marked = region.districts > 0
            let label = marked ? "\(region.name): \(region.districts) \(districtsWord)" : region.name
            var tileSVG =
                "<g><title>\(SVGChart.escape(label))</title><rect x=\"\(x)\" y=\"\(y)\" width=\"\(size)\" height=\"\(size)\" rx=\"8\" fill=\"\(marked ? "#0b4f9c" : "#e3e8ef")\" stroke=\"#5a6772\" stroke-width=\"1\"/>"
            tileSVG +=
                "<text x=\"\(x + size / 2)\" y=\"\(y + 36)\" text-anchor=\"middle\" font-size=\"\(short.count > 7 ? 12 : 15)\" font-weight=\"600\" fill=\"\(marked ? "#ffffff" : "#1b1f24")\">\(SVGChart.escape(short))</text>"
            if marked {
                tileSVG +=
                    "<text x=\"\(x + size / 2)\" y=\"\(y + 60)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#ffffff\">● \(region.districts)</text>"
            }
            tileSVG += "</g>"
            if let href = region.href, marked {
                svg += "<a href=\"\(SVGChart.escape(href))\" aria-label=\"\(SVGChart.escape(label))\">\(tileSVG)</a>"
            } else {
                svg += tileSVG
            }
        }
        return svg + "</svg>"
    }
}
