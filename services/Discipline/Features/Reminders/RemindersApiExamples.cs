using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Discipline.Features.Reminders;

/// <summary>The OpenAPI examples of the integrity reminders.</summary>
internal sealed class RemindersApiExamples : IApiExamples
{
    private const string Reminder = "019a3c10-7d2e-7f30-8a41-52637485960a";
    private const string Message = "中秋节（9月25日至9月27日）将至。请全体党员干部严格遵守中央八项规定及其实施细则精神，持续纠治“四风”……";

    private static readonly string Notice = $$"""
        { "reminderId": "{{Reminder}}", "holiday": "中秋节", "holidayFrom": "2026-09-25", "holidayTo": "2026-09-27", "message": "{{Message}}",
          "issuedAt": "2026-09-23T00:00:00+00:00", "read": false, "readAt": null }
        """;

    public void Describe(ApiExamples examples)
    {
        examples.Add("ListMyReminders", response: ApiExamples.Page([Notice]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("MarkReminderRead", response: ApiExamples.With(Notice, """{ "read": true, "readAt": "2026-09-23T01:30:00+00:00" }"""), problems:
            [ApiExamples.Problem(StatusCodes.Status404NotFound, RemindersTexts.ReminderNotFound_Title, RemindersTexts.ReminderNotFound_Detail)]);
        examples.Add("ListReminders", response: ApiExamples.Page([$$"""
            { "id": "{{Reminder}}", "holiday": "中秋节", "holidayFrom": "2026-09-25", "holidayTo": "2026-09-27", "message": "{{Message}}",
              "issuedAt": "2026-09-23T00:00:00+00:00", "recipientCount": 42, "readCount": 30 }
            """]), problems: [ApiExamples.InvalidCursor()]);
    }
}
