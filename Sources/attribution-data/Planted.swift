import DeterministicRandom

/// Writes the planted users: fixed IDs and times, the same for every `--seed` and `--users`, whose expected
/// attribution the singular tests in data-tests/ check. Each case is described where it is written.
struct Planted {
    private let out: Output
    private var rng = SplitMix64(seed: 0x504C_414E_5445_44)

    init(out: Output) { self.out = out }

    private static func at(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int {
        Clock.epoch(2025, month, day, hour, minute)
    }

    private static let desktop = Catalog.desktopAgents[0]

    mutating func run() {
        // First touch is the Google Ads click, last touch the newsletter that brought the signup visit.
        user("u_plant_first_paid", identity: "strong_id", survey: "Google ad", visits: [
            (Self.at(2, 20, 10), Entry(utmSource: "google", utmMedium: "cpc", utmCampaign: "google_search_brand_pro",
                                       click: .gclid, clickId: "gcPLANTED0001")),
            (Self.at(3, 7, 9), Entry(referrer: "www.google.com")),
        ], signup: Self.at(3, 12, 15), signupEntry: Entry(utmSource: "newsletter", utmMedium: "email",
                                                           utmCampaign: "weekly_digest"))
        out.subscriptions.write(["sub_plant_first_paid", "u_plant_first_paid", "pro", Clock.timestamp(Self.at(3, 20, 9)),
                                 "20.00", "active"])

        // The Meta click is 133 days before signup, past the 90-day lookback: first touch is Hacker News.
        user("u_plant_stale", identity: "distinct_id", survey: "Hacker News", visits: [
            (Self.at(1, 20, 11), Entry(utmSource: "facebook", utmMedium: "paid_social", utmCampaign: "meta_prospecting_pro",
                                       click: .fbclid, clickId: "fbPLANTED0001")),
            (Self.at(5, 10, 16), Entry(referrer: "news.ycombinator.com")),
        ], signup: Self.at(6, 2, 12), signupEntry: .direct)

        sessionGaps()

        // One signup visit each, arriving from a planted referrer.
        let referrers: [(String, String, String?)] = [
            ("google", "www.google.com", "Google search"), ("ddg", "duckduckgo.com", nil),
            ("fb", "l.facebook.com", "Facebook ad"), ("tco", "t.co", "X (twitter)"),
            ("hn", "news.ycombinator.com", "A friend told me"), ("blog", "some-new-blog.dev", "NEWSLETTER"),
            ("own", "kilocode.ai", "don't remember"),
        ]
        for (number, (name, domain, survey)) in referrers.enumerated() {
            user("u_plant_ref_" + name, identity: "strong_id", survey: survey, visits: [],
                 signup: Self.at(2, 3 + number, 9), signupEntry: Entry(referrer: domain))
        }

        mobileFirst()

        // A LinkedIn in-app browser with no click ID, UTM or referrer: Organic Social by the user agent.
        user("u_plant_inapp", identity: "strong_id", survey: "saw it on linkedin", visits: [
            (Self.at(4, 22, 8), .direct),
        ], signup: Self.at(4, 23, 8), signupEntry: .direct, agent: Catalog.linkedInInApp)

        mergedPersons()
        ambiguousMatches()
    }

    /// A signed-up user with single-page visits at fixed times, then the signup visit.
    private mutating func user(_ id: String, identity: String, survey: String?, visits: [(Int, Entry)], signup: Int,
                               signupEntry: Entry, agent: String = desktop) {
        let email = id + "@plant.example"
        out.users.write([id, email, Clock.timestamp(signup), "Planted Org", survey])
        out.userAgents.write([id, agent, Clock.timestamp(signup), "10"])
        let suffix = id.dropFirst(2)
        let personId = "p_" + suffix
        let browser = Visitor(distinctId: "a_" + suffix, personId: personId, userAgent: agent, device: "desktop")
        let identified = identity == "email" ? email : id
        let signedIn = Visitor(distinctId: identified, personId: personId, userAgent: agent, device: "desktop")
        for (start, entry) in visits {
            out.session(browser, start: start, pages: 1, entry: entry, rng: &rng)
        }
        out.session(browser, start: signup - 5 * Clock.minute, pages: 1, entry: signupEntry, rng: &rng,
                    closing: ["user_signed_up"], closingVisitor: signedIn)
        let first = visits.first ?? (signup - 5 * Clock.minute, signupEntry)
        out.person(personId, createdAt: first.0, email: identity == "distinct_id" ? nil : email,
                   userId: identity == "strong_id" ? id : nil, initial: first.1, userAgent: agent)
        out.link(browser.distinctId, to: personId)
        out.link(identified, to: personId)
        out.fingerprints.write(["fp_" + suffix, "v_" + suffix, id, identified, "desktop", Clock.timestamp(signup)])
    }

    /// Pageviews on 2025-03-18 at 10:00, 10:10 (delivered twice), 10:39 | 11:10, 11:15, 11:45 (exactly 30 minutes:
    /// same session) | 12:16, then the signup at 12:20: three sessions of 3, 3 and 2 events.
    private mutating func sessionGaps() {
        let id = "u_plant_gap"
        let email = id + "@plant.example"
        out.users.write([id, email, Clock.timestamp(Self.at(3, 18, 12, 20)), "Planted Org", "google"])
        out.userAgents.write([id, Self.desktop, Clock.timestamp(Self.at(3, 18, 12, 20)), "10"])
        let times = [(10, 0), (10, 10), (10, 39), (11, 10), (11, 15), (11, 45), (12, 16)]
        for (number, (hour, minute)) in times.enumerated() {
            let landing = number == 0
            out.event(distinctId: "a_plant_gap", personId: "p_plant_gap", name: "$pageview",
                      at: Self.at(3, 18, hour, minute), url: "https://kilocode.ai/docs",
                      entry: landing ? Entry(referrer: "duckduckgo.com") : nil,
                      referrer: landing ? "duckduckgo.com" : Catalog.ownDomain, userAgent: Self.desktop,
                      duplicateRate: number == 1 ? 1 : 0)
        }
        out.event(distinctId: email, personId: "p_plant_gap", name: "user_signed_up", at: Self.at(3, 18, 12, 20),
                  url: "https://app.kilocode.ai/welcome", entry: nil, referrer: Catalog.ownDomain,
                  userAgent: Self.desktop, duplicateRate: 0)
        out.person("p_plant_gap", createdAt: Self.at(3, 18, 10), email: email.uppercased(), userId: nil,
                   initial: Entry(referrer: "duckduckgo.com"), userAgent: Self.desktop)
        out.link("a_plant_gap", to: "p_plant_gap")
        out.link(email, to: "p_plant_gap")
        out.fingerprints.write(["fp_plant_gap", "v_plant_gap", id, email, "desktop",
                                Clock.timestamp(Self.at(3, 18, 12, 20))])
    }

    /// An Instagram ad clicked on a phone (anonymous person), then a direct signup on the desktop two days later.
    /// Only the Stytch fingerprint both devices share links them: first touch is Paid Social on meta.
    private mutating func mobileFirst() {
        user("u_plant_mobile", identity: "strong_id", survey: "instagram ad", visits: [],
             signup: Self.at(4, 4, 10), signupEntry: .direct)
        let click = Entry(utmSource: "instagram", utmMedium: "paid_social", utmCampaign: "meta_prospecting_pro",
                          click: .fbclid, clickId: "fbPLANTED0002")
        anonymousPhone("m_plant_mobile", person: "p_plant_mobile_phone", agent: Catalog.instagramInApp, click: click,
                       at: Self.at(4, 2, 20), pages: 2, fingerprint: "fp_plant_mobile", visitor: "v_plant_mobile_phone")
        out.fingerprints.write(["fp_plant_mobile", "v_plant_mobile_desktop", "u_plant_mobile", "u_plant_mobile",
                                "desktop", Clock.timestamp(Self.at(4, 4, 10))])
    }

    /// An anonymous phone visit through `click` on its own person, seen by Stytch under `fingerprint`.
    private mutating func anonymousPhone(_ distinctId: String, person: String, agent: String, click: Entry, at start: Int,
                                         pages: Int, fingerprint: String, visitor: String) {
        let phone = Visitor(distinctId: distinctId, personId: person, userAgent: agent, device: "mobile")
        out.session(phone, start: start, pages: pages, entry: click, rng: &rng)
        out.person(person, createdAt: start, email: nil, userId: nil, initial: click, userAgent: agent)
        out.link(distinctId, to: person)
        out.fingerprints.write([fingerprint, visitor, nil, distinctId, "mobile", Clock.timestamp(start)])
    }

    /// A GitHub visit in a second browser (person p_plant_merged_old), merged into the signing-up person later:
    /// first touch is Referral, and the old person resolves through the merged_person tier.
    private mutating func mergedPersons() {
        user("u_plant_merged", identity: "strong_id", survey: "github", visits: [],
             signup: Self.at(5, 8, 10), signupEntry: .direct)
        let other = Visitor(distinctId: "b_plant_merged", personId: "p_plant_merged_old", userAgent: Self.desktop,
                            device: "desktop")
        let visit = Entry(referrer: "github.com")
        out.session(other, start: Self.at(5, 5, 10), pages: 2, entry: visit, rng: &rng)
        out.person(other.personId, createdAt: Self.at(5, 5, 10), email: nil, userId: nil, initial: visit,
                   userAgent: Self.desktop)
        out.link(other.distinctId, to: other.personId)
        out.link(other.distinctId, to: "p_plant_merged", version: 1)
    }

    /// Matches that are not unique and so must not resolve: a fingerprint shared by two users (the phone
    /// person p_plant_amb_phone stays unresolved) and one email held by two backend accounts (p_plant_dup).
    private mutating func ambiguousMatches() {
        for name in ["u_plant_amb_a", "u_plant_amb_b"] {
            user(name, identity: "strong_id", survey: nil, visits: [], signup: Self.at(3, 3, 15), signupEntry: .direct)
            out.fingerprints.write(["fp_plant_shared", "v_" + name.dropFirst(2), name, name, "desktop",
                                    Clock.timestamp(Self.at(3, 3, 15))])
        }
        let click = Entry(utmSource: "facebook", utmMedium: "paid_social", utmCampaign: "meta_prospecting_pro",
                          click: .fbclid, clickId: "fbPLANTED0003")
        anonymousPhone("m_plant_amb", person: "p_plant_amb_phone", agent: Catalog.facebookInApp, click: click,
                       at: Self.at(3, 1, 21), pages: 1, fingerprint: "fp_plant_shared", visitor: "v_plant_amb_phone")

        for (name, email) in [("u_plant_dup_a", "shared@plant.example"), ("u_plant_dup_b", "Shared@Plant.example")] {
            out.users.write([name, email, Clock.timestamp(Self.at(3, 10, 9)), nil, nil])
        }
        let visitor = Visitor(distinctId: "d_plant_dup", personId: "p_plant_dup", userAgent: Self.desktop, device: "desktop")
        out.session(visitor, start: Self.at(3, 10, 8), pages: 1, entry: .direct, rng: &rng)
        out.person(visitor.personId, createdAt: Self.at(3, 10, 8), email: "shared@plant.example", userId: nil,
                   initial: .direct, userAgent: Self.desktop)
        out.link(visitor.distinctId, to: visitor.personId)
    }
}
