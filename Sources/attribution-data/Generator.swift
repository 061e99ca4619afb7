import DeterministicRandom

/// Generates the random population: signed-up users, anonymous visitors, bots and ad spend.
///
/// The window is 26 weeks from Monday 2025-01-06. In the week from Monday 2025-04-14 paid clicks keep their UTM
/// parameters but lose the click ID nine times in ten (the planted capture drop).
final class Generator {
    static let windowStart = Clock.epoch(2025, 1, 6)
    static let weeks = 26
    static let windowEnd = windowStart + weeks * 7 * Clock.day
    static let dropWeekStart = Clock.epoch(2025, 4, 14)
    static let normalCaptureRate = 0.93
    static let droppedCaptureRate = 0.10

    private let users: Int
    private let out: Output
    private var rng: SplitMix64

    init(users: Int, seed: UInt64, out: Output) {
        self.users = users
        self.out = out
        rng = SplitMix64(seed: seed)
    }

    func run() {
        for index in 1...max(1, users) { user(index) }
        for index in 1...max(1, users) { anonymousVisitor(index) }
        for index in 1...max(3, users * 3 / 100) { bot(index) }
        adSpend()
    }

    static func captureRate(at time: Int) -> Double {
        (dropWeekStart..<dropWeekStart + 7 * Clock.day).contains(time) ? droppedCaptureRate : normalCaptureRate
    }

    /// The entry of a visit through `channel`, and the user agent to use when it comes from an in-app browser.
    private func entry(_ channel: Channel, at time: Int, mobile: Bool) -> (Entry, String?) {
        switch channel {
        case .paidSearch:
            return (Entry.paid(rng.weighted(Platform.paidSearchMix), captureRate: Self.captureRate(at: time), rng: &rng), nil)
        case .paidSocial:
            let platform = rng.weighted(Platform.paidSocialMix)
            let entry = Entry.paid(platform, captureRate: Self.captureRate(at: time), rng: &rng)
            guard mobile else { return (entry, nil) }
            switch platform.name {
            case "meta": return (entry, entry.utmSource == "instagram" ? Catalog.instagramInApp : Catalog.facebookInApp)
            case "linkedin": return (entry, Catalog.linkedInInApp)
            default: return (entry, nil)
            }
        case .organicSearch:
            return (Entry(referrer: rng.pick(Catalog.searchReferrers)), nil)
        case .organicSocial:
            if rng.chance(0.15) { return (Entry(utmSource: "twitter", utmMedium: "social"), nil) }
            if mobile && rng.chance(0.4) {
                // In-app browsers often drop the referrer: only the user agent tells.
                return (Entry.direct, rng.pick([Catalog.facebookInApp, Catalog.instagramInApp, Catalog.linkedInInApp]))
            }
            return (Entry(referrer: rng.pick(Catalog.socialReferrers)), nil)
        case .referral:
            let referrer = rng.chance(0.25) ? "blog-\(rng.int(1...300)).dev" : rng.pick(Catalog.referralReferrers)
            return (Entry(referrer: referrer), nil)
        case .email:
            return (Entry(utmSource: "newsletter", utmMedium: "email", utmCampaign: "weekly_digest"), nil)
        case .direct:
            return (Entry.direct, nil)
        }
    }

    private func pad(_ index: Int) -> String {
        let text = String(index)
        return String(repeating: "0", count: max(0, 6 - text.count)) + text
    }

    private func surveyAnswer(_ channel: Channel) -> String? {
        guard rng.chance(0.6) else { return nil }
        let roll = Double.random(in: 0..<1, using: &rng)
        if roll < 0.75 { return rng.pick(Catalog.surveyAnswers[channel] ?? Catalog.unknownSurveyAnswers) }
        if roll < 0.9 { return rng.pick(Catalog.surveyAnswers[rng.weighted(Channel.acquisitionMix)] ?? Catalog.unknownSurveyAnswers) }
        return rng.pick(Catalog.unknownSurveyAnswers)
    }

    /// One signed-up user: the visits before signup (first through their acquisition channel), the signup,
    /// later visits, maybe a subscription, and the backend rows.
    private func user(_ index: Int) {
        let userId = "u_" + pad(index)
        let signupAt = Self.windowStart + 7 * Clock.day + rng.int(0...(Self.weeks * 7 - 9) * Clock.day)
        let acquisition = rng.weighted(Channel.acquisitionMix)
        let identity = rng.weighted([("strong_id", 0.80), ("distinct_id", 0.10), ("email", 0.06), ("none", 0.04)])
        let hasOrganization = rng.chance(0.7)
        let organization = hasOrganization ? rng.pick(Catalog.organizations) : nil
        let domain = organization.map { "org-" + $0.split(separator: " ")[1] + ".example" } ?? "gmail.example"
        let email = userId + "@" + domain
        out.users.write([userId, email, Clock.timestamp(signupAt), organization, surveyAnswer(acquisition)])

        var subscribedAt: Int?
        if rng.chance(0.3) {
            let at = signupAt + rng.int(1...30 * Clock.day)
            if at < Self.windowEnd {
                subscribedAt = at
                let teams = rng.chance(0.3)
                let amount = teams ? 40 * rng.int(2...10) : 20
                out.subscriptions.write(["sub_" + pad(index), userId, teams ? "teams" : "pro", Clock.timestamp(at),
                                         String(amount) + ".00", rng.chance(0.85) ? "active" : "canceled"])
            }
        }
        let desktopAgent = rng.chance(0.92) ? rng.pick(Catalog.desktopAgents) : Catalog.tabletAgent
        out.userAgents.write([userId, desktopAgent, Clock.timestamp(signupAt), String(rng.int(5...900))])
        guard identity != "none" else { return }

        // Visits before signup, oldest first: offsets in seconds before the signup.
        var offsets: [Int] = []
        var extra = 0
        while extra < 5 && rng.chance(0.5) { extra += 1 }
        for _ in 0..<extra { offsets.append(rng.int(2 * Clock.hour...45 * Clock.day)) }
        if rng.chance(0.05) { offsets.append(rng.int(95 * Clock.day...130 * Clock.day)) }
        offsets.sort(by: >)
        offsets = offsets.filter { signupAt - $0 - Clock.hour > Self.windowStart }
        let mobileFirst = !offsets.isEmpty && rng.chance(0.10)
        let merged = offsets.count >= (mobileFirst ? 2 : 1) && rng.chance(0.05)

        let personId = "p_" + rng.hex(12)
        let browser = Visitor(distinctId: "a_" + rng.hex(12), personId: personId, userAgent: desktopAgent,
                              device: desktopAgent == Catalog.tabletAgent ? "tablet" : "desktop")
        let identifiedId = identity == "email" ? email : userId
        let signedIn = Visitor(distinctId: identifiedId, personId: personId, userAgent: desktopAgent, device: browser.device)
        let fingerprint = "fp_" + rng.hex(12)
        var mainFirst: (Int, Entry)?

        for (position, offset) in offsets.enumerated() {
            let start = signupAt - offset
            let channel = position == 0 ? acquisition
                : (rng.chance(0.45) ? .direct : rng.weighted(Channel.acquisitionMix))
            if position == 0 && mobileFirst {
                let (visit, inApp) = entry(channel, at: start, mobile: true)
                let agent = inApp ?? rng.pick(Catalog.mobileAgents)
                let phone = Visitor(distinctId: "m_" + rng.hex(12), personId: "p_" + rng.hex(12), userAgent: agent,
                                    device: "mobile")
                out.session(phone, start: start, pages: rng.int(1...4), entry: visit, rng: &rng)
                out.person(phone.personId, createdAt: start, email: nil, userId: nil, initial: visit, userAgent: agent)
                out.link(phone.distinctId, to: phone.personId)
                out.fingerprints.write([fingerprint, "v_" + rng.hex(10), nil, phone.distinctId, "mobile",
                                        Clock.timestamp(start)])
                out.userAgents.write([userId, agent, Clock.timestamp(start), String(rng.int(1...20))])
            } else if position == (mobileFirst ? 1 : 0) && merged {
                let (visit, _) = entry(channel, at: start, mobile: false)
                let other = Visitor(distinctId: "b_" + rng.hex(12), personId: "p_" + rng.hex(12),
                                    userAgent: rng.pick(Catalog.desktopAgents), device: "desktop")
                out.session(other, start: start, pages: rng.int(1...4), entry: visit, rng: &rng)
                out.person(other.personId, createdAt: start, email: nil, userId: nil, initial: visit,
                           userAgent: other.userAgent)
                out.link(other.distinctId, to: other.personId)
                out.link(other.distinctId, to: personId, version: 1)
            } else {
                let (visit, _) = entry(channel, at: start, mobile: false)
                out.session(browser, start: start, pages: rng.int(1...5), entry: visit, rng: &rng)
                if mainFirst == nil { mainFirst = (start, visit) }
            }
        }

        // The signup visit ends with the signup, sent under the identified distinct ID.
        let signupChannel: Channel = rng.chance(0.5) ? .direct : rng.weighted(Channel.acquisitionMix)
        let (signupEntry, _) = offsets.isEmpty ? entry(acquisition, at: signupAt, mobile: false)
            : entry(signupChannel, at: signupAt, mobile: false)
        let pages = rng.int(1...4)
        let signupStart = signupAt - pages * 200 - 120
        out.session(browser, start: signupStart, pages: pages, entry: signupEntry, rng: &rng,
                    closing: ["user_signed_up"], closingVisitor: signedIn)
        if mainFirst == nil { mainFirst = (signupStart, signupEntry) }

        var later = signupAt + rng.int(2 * Clock.hour...3 * Clock.day)
        for _ in 0..<rng.int(0...3) where later < Self.windowEnd - Clock.hour {
            out.session(signedIn, start: later, pages: rng.int(1...6), entry: .direct, rng: &rng)
            later += rng.int(Clock.day...10 * Clock.day)
        }
        if let subscribedAt {
            out.event(distinctId: signedIn.distinctId, personId: personId, name: "subscription_started",
                      at: subscribedAt, url: "https://app." + Catalog.ownDomain + "/billing", entry: nil,
                      referrer: Catalog.ownDomain, userAgent: desktopAgent)
        }

        let personEmail: String? = switch identity {
        case "strong_id": email
        case "email": rng.chance(0.5) ? email.uppercased() : email
        default: nil
        }
        out.person(personId, createdAt: mainFirst!.0, email: personEmail,
                   userId: identity == "strong_id" ? userId : nil, initial: mainFirst!.1, userAgent: desktopAgent)
        out.link(browser.distinctId, to: personId)
        out.link(identifiedId, to: personId)
        out.fingerprints.write([fingerprint, "v_" + rng.hex(10), userId, identifiedId, browser.device,
                                Clock.timestamp(signupAt)])
    }

    /// A visitor who never signs up: one or two visits.
    private func anonymousVisitor(_ index: Int) {
        let mobile = rng.chance(0.3)
        var start = Self.windowStart + rng.int(0...(Self.weeks * 7 * Clock.day - Clock.day))
        let channel = rng.weighted(Channel.acquisitionMix)
        let (first, inApp) = entry(channel, at: start, mobile: mobile)
        let agent = inApp ?? (mobile ? rng.pick(Catalog.mobileAgents) : rng.pick(Catalog.desktopAgents))
        let visitor = Visitor(distinctId: (mobile ? "m_" : "a_") + rng.hex(12), personId: "p_" + rng.hex(12),
                              userAgent: agent, device: mobile ? "mobile" : "desktop")
        out.session(visitor, start: start, pages: rng.int(1...4), entry: first, rng: &rng)
        out.person(visitor.personId, createdAt: start, email: nil, userId: nil, initial: first, userAgent: agent)
        out.link(visitor.distinctId, to: visitor.personId)
        if rng.chance(0.3) {
            out.fingerprints.write(["fp_" + rng.hex(12), "v_" + rng.hex(10), nil, visitor.distinctId, visitor.device,
                                    Clock.timestamp(start)])
        }
        if rng.chance(0.4) {
            start += rng.int(Clock.hour...20 * Clock.day)
            if start < Self.windowEnd - Clock.hour {
                let (again, _) = entry(rng.chance(0.5) ? .direct : rng.weighted(Channel.acquisitionMix), at: start,
                                       mobile: mobile)
                out.session(visitor, start: start, pages: rng.int(1...3), entry: again, rng: &rng)
            }
        }
    }

    /// A crawler: bursts of pageviews seconds apart, sometimes with a search referrer.
    private func bot(_ index: Int) {
        let agent = rng.pick(Catalog.botAgents)
        let visitor = Visitor(distinctId: "a_" + rng.hex(12), personId: "p_" + rng.hex(12), userAgent: agent, device: "bot")
        var time = Self.windowStart + rng.int(0...(Self.weeks * 7 * Clock.day - Clock.day))
        let referrer = rng.chance(0.3) ? Entry(referrer: rng.pick(Catalog.searchReferrers)) : Entry.direct
        out.person(visitor.personId, createdAt: time, email: nil, userId: nil, initial: referrer, userAgent: agent)
        out.link(visitor.distinctId, to: visitor.personId)
        for _ in 0..<rng.int(1...3) where time < Self.windowEnd - Clock.day {
            for page in 0..<rng.int(10...40) {
                out.event(distinctId: visitor.distinctId, personId: visitor.personId, name: "$pageview", at: time,
                          url: "https://" + Catalog.ownDomain + rng.pick(Catalog.paths),
                          entry: page == 0 ? referrer : nil, referrer: page == 0 ? referrer.referrer : nil,
                          userAgent: agent, duplicateRate: 0.05)
                time += rng.int(1...20)
            }
            time += rng.int(Clock.hour...5 * Clock.day)
        }
    }

    /// Daily spend per campaign on the six platforms, scaled with the number of users.
    private func adSpend() {
        let scale = Double(max(1, users)) / 2000
        var day = Self.windowStart
        while day < Self.windowEnd {
            for platform in Platform.all {
                for (number, campaign) in platform.campaigns.enumerated() {
                    let spend = platform.dailySpend / Double(platform.campaigns.count) * scale
                        * Double.random(in: 0.7...1.3, using: &rng)
                    let impressions = Int(spend * Double(rng.int(80...150)))
                    let clicks = Int(Double(impressions) * Double.random(in: 0.01...0.03, using: &rng))
                    out.adSpend.write([Clock.date(day), platform.name, platform.name + "-" + String(number + 1), campaign,
                                       String(Double(Int(spend * 100)) / 100), String(impressions), String(clicks)])
                }
            }
            day += Clock.day
        }
    }
}
