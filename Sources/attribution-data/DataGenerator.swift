import Foundation

/// Generates users and their journeys and writes every raw table.
struct DataGenerator {
    static let days = 84
    /// The week (0-based) in which most Google Ads clicks lose their gclid.
    static let captureDropWeek = 7
    static let start = Date(timeIntervalSince1970: 1_704_067_200) // 2024-01-01 00:00:00 UTC

    private var random: Random
    private let users: Int
    private let events, persons, backendUsers, fingerprints, subscriptions, spend, planted: CSVFile
    private var eventCounter = 0
    private let timestamps = DataGenerator.formatter("yyyy-MM-dd HH:mm:ss")
    private let dayFormatter = DataGenerator.formatter("yyyy-MM-dd")

    init(_ options: Options) throws {
        random = Random(seed: options.seed)
        users = options.users
        let out = options.out
        events = try CSVFile(out, "raw_posthog_events.csv", header: [
            "event_id", "distinct_id", "event", "event_timestamp", "current_url", "utm_source", "utm_medium", "utm_campaign",
            "gclid", "fbclid", "msclkid", "rdt_cid", "li_fat_id", "referring_domain", "user_agent", "user_id"])
        persons = try CSVFile(out, "raw_posthog_person_distinct_ids.csv", header: ["person_id", "distinct_id"])
        backendUsers = try CSVFile(out, "raw_backend_users.csv",
                                   header: ["user_id", "email", "created_at", "organization_id", "customer_source"])
        fingerprints = try CSVFile(out, "raw_stytch_fingerprints.csv", header: ["fingerprint_id", "user_id", "distinct_id", "device_type"])
        subscriptions = try CSVFile(out, "raw_subscriptions.csv", header: ["subscription_id", "user_id", "product", "started_at", "amount"])
        spend = try CSVFile(out, "raw_ad_spend.csv", header: ["spend_date", "platform", "campaign", "spend"])
        planted = try CSVFile(out, "planted_truths.csv",
                              header: ["user_id", "first_touch_channel", "last_touch_channel", "sessions", "referrer_channel"])
    }

    mutating func run() {
        for index in 1...users { user(index) }
        for index in 1...max(1, users / 40) { bot(index) }
        adSpend()
        for file in [events, persons, backendUsers, fingerprints, subscriptions, spend, planted] { file.close() }
    }

    /// Planted users have fixed journeys whose answers the data tests know.
    private static let plantedJourneys: [[String]] = [
        ["google_ads", "organic_social", "direct"],
        ["organic_search", "referral"],
        ["meta_ads"],
        ["email", "linkedin_ads", "organic_search_ddg"],
        ["referral_hn", "direct"],
    ]

    private mutating func user(_ index: Int) {
        let userID = "u\(index)"
        let distinct = "d\(index)"
        let personID = "p\(index)"
        let isPlanted = index <= DataGenerator.plantedJourneys.count
        let journey = isPlanted ? DataGenerator.plantedJourneys[index - 1].map(Touch.named)
            : (0..<(1 + random.below(4))).map { _ in Touch.random(&random) }
        let signupDay = isPlanted ? 3 + index : 3 + random.below(DataGenerator.days - 14)
        var clock = Double(signupDay) * 86_400 - Double(journey.count) * 86_400 * 1.5 + Double(random.below(36_000))
        persons.write([personID, distinct])
        for (number, touch) in journey.enumerated() {
            clock = max(clock, 0)
            let pages = isPlanted ? 3 : 1 + random.below(5)
            for page in 0..<pages {
                // Planted users: pages 29 minutes apart stay one session; the 31-minute gap in the
                // second session's pages would split it, so planted sessions use 29 only.
                let gap = page == 0 ? 0 : (isPlanted ? 29 * 60 : 60 * (1 + random.below(10)))
                clock += Double(gap)
                event(distinct, "$pageview", clock, entry: page == 0 ? touch : nil, url: "/docs/\(page)")
            }
            clock += Double(isPlanted ? 31 * 60 + number * 86_400 : 3_600 * (2 + random.below(60)))
        }
        let signup = clock + 600
        event(distinct, "$identify", signup, userID: userID)
        event(distinct, "signed_up", signup + 5, userID: userID)
        let answer = random.pick(Survey.answers).0
        backendUsers.write([userID, "user\(index)@example.com", timestamp(signup), "org\(1 + index % max(1, users / 8))", answer])
        if isPlanted || random.chance(0.4) {
            let started = signup + Double(3_600 * (1 + random.below(200)))
            let product = random.pick(["teams", "individual", "enterprise"])
            event(distinct, "subscription_started", started, userID: userID)
            subscriptions.write(["s\(index)", userID, product, timestamp(started), String(20 + random.below(180))])
        }
        if !isPlanted, random.chance(0.3) { mobileDevice(index, userID: userID, personID: personID, before: signup) }
        if isPlanted {
            let referrer = journey.first { !$0.referrer.isEmpty }?.channel ?? ""
            planted.write([userID, journey[0].channel, journey[journey.count - 1].channel, String(journey.count), referrer])
        }
    }

    /// An anonymous mobile visit, linked to the user only through a Stytch device fingerprint.
    private mutating func mobileDevice(_ index: Int, userID: String, personID: String, before signup: Double) {
        let mobile = "m\(index)"
        let fingerprint = "fp\(index)"
        let visit = max(0, signup - Double(86_400 * (1 + random.below(5))))
        event(mobile, "$pageview", visit, entry: Touch.random(&random), url: "/", agent: DataGenerator.mobileAgent)
        persons.write([random.chance(0.1) ? personID : "pm\(index)", mobile])
        fingerprints.write([fingerprint, userID, "d\(index)", "desktop"])
        fingerprints.write([fingerprint, "", mobile, "mobile"])
    }

    /// A crawler: events with a bot user agent, never identified.
    private mutating func bot(_ index: Int) {
        let distinct = "bot\(index)"
        for page in 0..<5 {
            event(distinct, "$pageview", Double(random.below(DataGenerator.days * 86_400)), url: "/p\(page)",
                  agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
        }
    }

    private mutating func adSpend() {
        for day in 0..<DataGenerator.days {
            for (platform, base) in [("google", 400), ("microsoft", 90), ("meta", 250), ("reddit", 60), ("linkedin", 120), ("x", 30)] {
                let amount = Double(base) * Double(80 + random.below(41)) / 100 * Double(max(1, users)) / 2000
                spend.write([self.day(day), platform, "\(platform)_always_on", String(format: "%.2f", amount)])
            }
        }
    }

    static let desktopAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15"
    static let mobileAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]"

    private mutating func event(_ distinct: String, _ name: String, _ at: Double, entry: Touch? = nil, url: String = "/",
                                agent: String = DataGenerator.desktopAgent, userID: String = "") {
        eventCounter += 1
        var click = ["gclid": "", "fbclid": "", "msclkid": "", "rdt_cid": "", "li_fat_id": ""]
        if let entry, !entry.clickParameter.isEmpty {
            let dropped = entry.clickParameter == "gclid" && Int(at / 604_800) == DataGenerator.captureDropWeek && random.chance(0.85)
            if !dropped { click[entry.clickParameter] = "\(entry.clickParameter)_\(eventCounter)" }
        }
        let row = ["e\(eventCounter)", distinct, name, timestamp(at), "https://kilocode.example\(url)",
                   entry?.utmSource ?? "", entry?.utmMedium ?? "", entry.map { $0.utmSource.isEmpty ? "" : "\($0.name)_q1" } ?? "",
                   click["gclid"] ?? "", click["fbclid"] ?? "", click["msclkid"] ?? "", click["rdt_cid"] ?? "", click["li_fat_id"] ?? "",
                   entry?.referrer ?? "", agent, userID]
        events.write(row)
        if random.chance(0.02) { events.write(row) }
    }

    private func timestamp(_ offset: Double) -> String {
        timestamps.string(from: DataGenerator.start.addingTimeInterval(offset.rounded()))
    }

    private func day(_ offset: Int) -> String {
        dayFormatter.string(from: DataGenerator.start.addingTimeInterval(Double(offset) * 86_400))
    }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
