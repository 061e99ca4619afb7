/// How a visit arrived: the URL parameters and referrer a session's first event carries.
struct Touch {
    var name: String
    var channel: String
    var utmSource = ""
    var utmMedium = ""
    var clickParameter = ""
    var referrer = ""

    /// Every way in, with how often it happens.
    static let all: [(Touch, Int)] = [
        (Touch(name: "google_ads", channel: "Paid Search", utmSource: "google", utmMedium: "cpc", clickParameter: "gclid"), 18),
        (Touch(name: "microsoft_ads", channel: "Paid Search", utmSource: "bing", utmMedium: "cpc", clickParameter: "msclkid"), 5),
        (Touch(name: "meta_ads", channel: "Paid Social", utmSource: "facebook", utmMedium: "paid_social", clickParameter: "fbclid"), 8),
        (Touch(name: "reddit_ads", channel: "Paid Social", utmSource: "reddit", utmMedium: "paid_social", clickParameter: "rdt_cid"), 4),
        (Touch(name: "linkedin_ads", channel: "Paid Social", utmSource: "linkedin", utmMedium: "paid_social", clickParameter: "li_fat_id"), 4),
        (Touch(name: "x_ads", channel: "Paid Social", utmSource: "x", utmMedium: "paid_social"), 2),
        (Touch(name: "organic_search", channel: "Organic Search", referrer: "www.google.com"), 16),
        (Touch(name: "organic_search_ddg", channel: "Organic Search", referrer: "duckduckgo.com"), 3),
        (Touch(name: "organic_social", channel: "Organic Social", referrer: "t.co"), 7),
        (Touch(name: "organic_social_reddit", channel: "Organic Social", referrer: "www.reddit.com"), 5),
        (Touch(name: "referral", channel: "Referral", referrer: "github.com"), 6),
        (Touch(name: "referral_hn", channel: "Referral", referrer: "news.ycombinator.com"), 4),
        (Touch(name: "email", channel: "Email", utmSource: "newsletter", utmMedium: "email"), 5),
        (Touch(name: "direct", channel: "Direct"), 13),
    ]

    static func named(_ name: String) -> Touch {
        all.first { $0.0.name == name }?.0 ?? all[all.count - 1].0
    }

    static func random(_ random: inout Random) -> Touch {
        let total = all.reduce(0) { $0 + $1.1 }
        var roll = random.below(total)
        for (touch, weight) in all {
            if roll < weight { return touch }
            roll -= weight
        }
        return all[all.count - 1].0
    }
}

/// What a user tells the signup survey, and the channel it should map to.
enum Survey {
    static let answers: [(String, String)] = [
        ("Google search", "Organic Search"), ("searched online", "Organic Search"), ("Saw an ad on Google", "Paid Search"),
        ("twitter", "Organic Social"), ("Reddit thread", "Organic Social"), ("a Facebook ad", "Paid Social"),
        ("LinkedIn ad", "Paid Social"), ("friend told me", "Referral"), ("GitHub", "Referral"),
        ("your newsletter", "Email"), ("", "Unknown"), ("don't remember", "Unknown"),
    ]
}
