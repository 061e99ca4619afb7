/// The fixed vocabularies the generator draws from: channels, platforms, referrers, user agents and survey answers.
enum Channel: String, CaseIterable {
    case paidSearch = "Paid Search"
    case paidSocial = "Paid Social"
    case organicSearch = "Organic Search"
    case organicSocial = "Organic Social"
    case referral = "Referral"
    case email = "Email"
    case direct = "Direct"

    /// How often each channel brings a user in the first place.
    static let acquisitionMix: [(Channel, Double)] = [
        (.paidSearch, 0.20), (.paidSocial, 0.18), (.organicSearch, 0.20), (.organicSocial, 0.08),
        (.referral, 0.10), (.email, 0.04), (.direct, 0.20),
    ]
}

/// The click-ID query parameters, in the order the channel macro checks them.
enum ClickKind: String, CaseIterable {
    case gclid, fbclid, msclkid, rdt_cid, li_fat_id
}

/// An ad platform: its UTM source, medium and click ID (none for X, whose click ID is not captured).
struct Platform {
    let name: String
    let channel: Channel
    let utmSources: [String]
    let click: ClickKind?
    let dailySpend: Double
    let campaigns: [String]

    static let all: [Platform] = [
        Platform(name: "google", channel: .paidSearch, utmSources: ["google"], click: .gclid, dailySpend: 420,
                 campaigns: ["google_search_brand_pro", "google_search_generic_pro", "google_search_generic_teams"]),
        Platform(name: "microsoft", channel: .paidSearch, utmSources: ["bing"], click: .msclkid, dailySpend: 90,
                 campaigns: ["microsoft_search_generic_pro", "microsoft_search_brand_teams"]),
        Platform(name: "meta", channel: .paidSocial, utmSources: ["facebook", "instagram"], click: .fbclid, dailySpend: 310,
                 campaigns: ["meta_prospecting_pro", "meta_retargeting_pro", "meta_prospecting_teams"]),
        Platform(name: "reddit", channel: .paidSocial, utmSources: ["reddit"], click: .rdt_cid, dailySpend: 80,
                 campaigns: ["reddit_prospecting_pro", "reddit_retargeting_pro"]),
        Platform(name: "linkedin", channel: .paidSocial, utmSources: ["linkedin"], click: .li_fat_id, dailySpend: 150,
                 campaigns: ["linkedin_prospecting_teams", "linkedin_retargeting_teams"]),
        Platform(name: "x", channel: .paidSocial, utmSources: ["twitter"], click: nil, dailySpend: 60,
                 campaigns: ["x_prospecting_pro"]),
    ]

    static let paidSearchMix: [(Platform, Double)] = [(all[0], 0.8), (all[1], 0.2)]
    static let paidSocialMix: [(Platform, Double)] = [(all[2], 0.55), (all[3], 0.15), (all[4], 0.15), (all[5], 0.15)]
}

enum Catalog {
    static let ownDomain = "kilocode.ai"

    static let searchReferrers = ["www.google.com", "google.com", "www.google.de", "www.bing.com", "duckduckgo.com",
                                  "search.yahoo.com", "www.ecosia.org", "search.brave.com"]
    static let socialReferrers = ["t.co", "l.facebook.com", "m.facebook.com", "www.linkedin.com", "lnkd.in",
                                  "www.reddit.com", "out.reddit.com", "www.youtube.com", "l.instagram.com", "x.com"]
    static let referralReferrers = ["news.ycombinator.com", "github.com", "dev.to", "stackoverflow.com", "medium.com",
                                    "www.producthunt.com"]

    static let paths = ["/", "/pricing", "/docs", "/docs/getting-started", "/blog", "/blog/agents", "/features",
                        "/changelog", "/teams", "/download"]

    static let desktopAgents = [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    ]
    static let mobileAgents = [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
    ]
    static let tabletAgent =
        "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
    static let facebookInApp =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/458.0.0;FBBV/590000]"
    static let instagramInApp =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 327.0.0.0"
    static let linkedInInApp =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29"
    static let botAgents = [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0 Safari/537.36",
        "python-requests/2.31.0",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Screaming Frog SEO Spider/19.0",
    ]

    /// Free-text answers to "how did you hear about us?", by the channel the answer means.
    static let surveyAnswers: [Channel: [String]] = [
        .paidSearch: ["Google ad", "saw an ad on google", "Bing ads", "sponsored search result"],
        .paidSocial: ["Facebook ad", "instagram ad", "LinkedIn ad", "ad on reddit", "sponsored post on linkedin"],
        .organicSearch: ["google", "Google search", "searched online", "duckduckgo", "search engine"],
        .organicSocial: ["twitter", "X (twitter)", "YouTube video", "reddit thread", "saw it on linkedin"],
        .referral: ["a friend told me", "colleague", "Hacker News", "blog post", "word of mouth", "github"],
        .email: ["newsletter", "your email", "an email you sent"],
        .direct: ["already knew about it", "I've used it before"],
    ]
    static let unknownSurveyAnswers = ["don't remember", "n/a", "other", "?"]

    static let organizations = (1...400).map { "Org \($0)" }
}
