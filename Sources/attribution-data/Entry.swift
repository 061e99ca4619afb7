import DeterministicRandom

/// How a session arrived: the landing page's UTM parameters, click ID and referring domain.
struct Entry {
    var utmSource: String?
    var utmMedium: String?
    var utmCampaign: String?
    var click: ClickKind?
    var clickId: String?
    var referrer: String?

    static let direct = Entry()

    func clickValue(_ kind: ClickKind) -> String? { click == kind ? clickId : nil }

    /// The landing URL with its query string.
    func url(path: String) -> String {
        var query: [String] = []
        if let utmSource { query.append("utm_source=" + utmSource) }
        if let utmMedium { query.append("utm_medium=" + utmMedium) }
        if let utmCampaign { query.append("utm_campaign=" + utmCampaign) }
        if let click, let clickId { query.append(click.rawValue + "=" + clickId) }
        let base = "https://" + Catalog.ownDomain + path
        return query.isEmpty ? base : base + "?" + query.joined(separator: "&")
    }

    /// A paid click on `platform`; the click ID is lost with probability `1 - captureRate`.
    static func paid(_ platform: Platform, captureRate: Double, rng: inout SplitMix64) -> Entry {
        let medium = platform.channel == .paidSearch ? "cpc" : "paid_social"
        var entry = Entry(utmSource: rng.pick(platform.utmSources), utmMedium: medium,
                          utmCampaign: rng.pick(platform.campaigns))
        if let click = platform.click, rng.chance(captureRate) {
            entry.click = click
            entry.clickId = click.rawValue.prefix(2) + rng.hex(14)
        }
        return entry
    }
}
