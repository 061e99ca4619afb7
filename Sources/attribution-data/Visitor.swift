import DeterministicRandom

/// One browser or device as PostHog sees it: a distinct ID on a person, with a user agent.
struct Visitor {
    var distinctId: String
    var personId: String
    var userAgent: String
    var device: String
}

extension Output {
    /// Writes one visit: a landing pageview carrying the entry, `pages - 1` further pageviews a few minutes apart
    /// with the site itself as referrer, then `closing` events (signed in as `closingVisitor` when given).
    /// Returns the time of the last event.
    @discardableResult
    func session(_ visitor: Visitor, start: Int, pages: Int, entry: Entry, rng: inout SplitMix64,
                 closing: [String] = [], closingVisitor: Visitor? = nil) -> Int {
        var time = start
        var path = rng.pick(Catalog.paths)
        event(distinctId: visitor.distinctId, personId: visitor.personId, name: "$pageview", at: time,
              url: entry.url(path: path), entry: entry, referrer: entry.referrer, userAgent: visitor.userAgent)
        for _ in 1..<max(1, pages) {
            time += rng.int(20...600)
            path = rng.pick(Catalog.paths)
            event(distinctId: visitor.distinctId, personId: visitor.personId, name: "$pageview", at: time,
                  url: "https://" + Catalog.ownDomain + path, entry: nil, referrer: Catalog.ownDomain,
                  userAgent: visitor.userAgent)
        }
        let signedIn = closingVisitor ?? visitor
        for name in closing {
            time += rng.int(30...240)
            event(distinctId: signedIn.distinctId, personId: signedIn.personId, name: name, at: time,
                  url: "https://app." + Catalog.ownDomain + "/welcome", entry: nil, referrer: Catalog.ownDomain,
                  userAgent: signedIn.userAgent)
        }
        return time
    }

    /// Writes a PostHog person with its initial properties taken from its first visit.
    func person(_ id: String, createdAt: Int, email: String?, userId: String?, initial: Entry, userAgent: String) {
        persons.write([
            id, Clock.timestamp(createdAt), email, userId, initial.referrer, initial.utmSource, initial.utmMedium,
            initial.utmCampaign, initial.clickValue(.gclid), initial.clickValue(.fbclid), initial.clickValue(.msclkid),
            initial.clickValue(.rdt_cid), initial.clickValue(.li_fat_id), userAgent,
        ])
    }

    func link(_ distinctId: String, to personId: String, version: Int = 0) {
        distinctIds.write([distinctId, personId, String(version), "false"])
    }
}
