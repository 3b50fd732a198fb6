using BrandPlatform.Platform.Http;

namespace BrandPlatform.Reporting.Features;

/// <summary>The examples of the reporting API's OpenAPI document, keyed by operation name (WithName).</summary>
internal sealed class ReportingApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples)
    {
        examples.Add("GetTicketSummary", response: """
            { "total": 42, "byCategory": { "financing": 18, "land": 7, "approvals": 9, "labour": 5, "other": 3 } }
            """);
        examples.Add("GetTicketFigures", response: """
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
            """, problems: [ApiExamples.Invalid("to", "结束日期不能早于开始日期")]);
    }
}
