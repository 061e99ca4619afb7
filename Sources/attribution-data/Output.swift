import DeterministicRandom

/// The raw CSV files, one writer each; the column names are the seeds' column names.
final class Output {
    let events: CSVWriter
    let persons: CSVWriter
    let distinctIds: CSVWriter
    let users: CSVWriter
    let fingerprints: CSVWriter
    let userAgents: CSVWriter
    let subscriptions: CSVWriter
    let adSpend: CSVWriter
    /// Decides which events are written twice (PostHog's at-least-once delivery), apart from the traffic's generator.
    private var duplicates: SplitMix64
    private var eventCounter = 0

    init(directory: String, seed: UInt64) throws {
        func file(_ name: String, _ columns: [String]) throws -> CSVWriter {
            try CSVWriter(path: directory + "/" + name + ".csv", columns: columns)
        }
        events = try file("raw_posthog_events", [
            "event_uuid", "distinct_id", "person_id", "event", "timestamp", "current_url", "utm_source", "utm_medium",
            "utm_campaign", "gclid", "fbclid", "msclkid", "rdt_cid", "li_fat_id", "referring_domain", "user_agent",
        ])
        persons = try file("raw_posthog_persons", [
            "person_id", "created_at", "email", "user_id", "initial_referring_domain", "initial_utm_source",
            "initial_utm_medium", "initial_utm_campaign", "initial_gclid", "initial_fbclid", "initial_msclkid",
            "initial_rdt_cid", "initial_li_fat_id", "initial_user_agent",
        ])
        distinctIds = try file("raw_posthog_person_distinct_ids", ["distinct_id", "person_id", "version", "is_deleted"])
        users = try file("raw_backend_users", ["user_id", "email", "created_at", "organization_name", "customer_source"])
        fingerprints = try file("raw_stytch_fingerprints", [
            "fingerprint_id", "visitor_id", "user_id", "distinct_id", "device_type", "observed_at",
        ])
        userAgents = try file("raw_http_user_agents", ["user_id", "user_agent", "first_seen_at", "request_count"])
        subscriptions = try file("raw_subscriptions", [
            "subscription_id", "user_id", "product", "started_at", "amount_usd", "status",
        ])
        adSpend = try file("raw_ad_spend", [
            "spend_date", "platform", "campaign_id", "campaign_name", "spend", "impressions", "clicks",
        ])
        duplicates = SplitMix64(seed: seed ^ 0xD0_0B1E)
    }

    /// Writes one event, with a fresh id; about 2% are delivered twice with the same id.
    func event(distinctId: String, personId: String, name: String, at time: Int, url: String?, entry: Entry?,
               referrer: String?, userAgent: String, duplicateRate: Double = 0.02) {
        eventCounter += 1
        let uuid = "evt_" + String(eventCounter, radix: 16) + duplicates.hex(6)
        let row: [String?] = [
            uuid, distinctId, personId, name, Clock.timestamp(time), url, entry?.utmSource, entry?.utmMedium,
            entry?.utmCampaign, entry?.clickValue(.gclid), entry?.clickValue(.fbclid), entry?.clickValue(.msclkid),
            entry?.clickValue(.rdt_cid), entry?.clickValue(.li_fat_id), referrer, userAgent,
        ]
        events.write(row)
        if duplicates.chance(duplicateRate) { events.write(row) }
    }

    func close() throws {
        for writer in [events, persons, distinctIds, users, fingerprints, userAgents, subscriptions, adSpend] {
            try writer.close()
        }
    }

    var summary: String {
        [("raw_posthog_events", events), ("raw_posthog_persons", persons),
         ("raw_posthog_person_distinct_ids", distinctIds), ("raw_backend_users", users),
         ("raw_stytch_fingerprints", fingerprints), ("raw_http_user_agents", userAgents),
         ("raw_subscriptions", subscriptions), ("raw_ad_spend", adSpend)]
            .map { "\($0.0).csv: \($0.1.rowCount) rows" }.joined(separator: "\n")
    }
}
