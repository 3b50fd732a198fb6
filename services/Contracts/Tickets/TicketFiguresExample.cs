namespace BrandPlatform.Contracts.Tickets;

/// <summary>
/// One quarter's <see cref="TicketFigures"/> as JSON, for the API document of reporting's ticket figures (in total and
/// in each group).
/// </summary>
public static class TicketFiguresExample
{
    public const string Json = """
        {
          "from": "2026-01-01", "to": "2026-03-31", "volume": 42,
          "accepted": 40, "acceptedOnTimeRate": 0.975,
          "firstContacted": 38, "firstContactOnTimeRate": 0.9474,
          "stageReplied": 30, "stageReplyOnTimeRate": 0.9,
          "resolved": 33, "resolvedOnTimeRate": 0.8788, "solvedRate": 0.8485,
          "confirmed": 29, "satisfactionRate": 0.9655,
          "reopenRate": 0.0606,
          "averageHandlingWorkingHours": 21.75,
          "escalations": { "reminders": 11, "urges": 4, "supervisions": 1, "publicNotices": 0 }
        }
        """;
}
