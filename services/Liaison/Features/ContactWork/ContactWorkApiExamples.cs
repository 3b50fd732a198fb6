using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Liaison.Features.ContactWork;

/// <summary>The OpenAPI examples of 联谊交友 pairs, the 五个一 duties and 思想动态 notes.</summary>
internal sealed class ContactWorkApiExamples : IApiExamples
{
    private const string Pair = "019a3c0d-e4a5-76b7-82c9-daebfc0d1e2f";
    private const string Cadre = "019a3c0d-6c2d-7e3f-8a41-5263748596a7";
    private const string Contact = "019a3c0d-5b1c-7d2e-9f30-415263748596";
    private const string Note = "019a3c0d-f5b6-77c8-93da-ebfc0d1e2f30";

    private const string PairResponse = $$"""
        { "id": "{{Pair}}", "cadreId": "{{Cadre}}", "cadreName": "王建国", "contactId": "{{Contact}}", "contactName": "陈志强",
          "contactCategory": "privateEntrepreneur", "formedOn": "2026-03-01", "endedOn": null, "year": 2026, "contactsLogged": 2, "visits": 1,
          "minimum": 4, "shortBy": 1 }
        """;

    private const string ContactLogged = """
        { "id": "019a3c0d-0617-78d9-a4eb-fc0d1e2f3041", "on": "2026-11-28", "way": "heartToHeartTalk", "note": "谈企业接班人培养和新一代企业家成长。",
          "loggedAt": "2026-11-28T10:00:00+00:00" }
        """;

    private const string NoteResponse = $$"""
        { "id": "{{Note}}", "observedOn": "2026-11-28", "contactId": "{{Contact}}", "contactName": "陈志强", "contactCategory": "privateEntrepreneur",
          "topic": "民营企业家对新一轮技改政策的看法", "content": "企业家普遍欢迎技改补贴，但反映申报材料繁琐、兑现周期长。", "authorId": "{{Cadre}}",
          "authorName": "王建国", "submittedAt": "2026-11-28T11:00:00+00:00" }
        """;

    public void Describe(ApiExamples examples)
    {
        var pairMissing = ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.FriendshipNotFound_Title, LiaisonTexts.FriendshipNotFound_Detail);
        var ended = ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.FriendshipEnded_Title, LiaisonTexts.FriendshipEnded_Detail);
        var outside = ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, LiaisonTexts.FriendshipDay_Title, LiaisonTexts.FriendshipDay_Detail);
        var detail = $$"""{ "pair": {{PairResponse}}, "contactsThisYear": [{{ContactLogged}}] }""";

        examples.Add("ListFriendships", response: ApiExamples.Page([PairResponse]), problems: [ApiExamples.InvalidCursor(), ApiExamples.Invalid("year", YearQuery.RangeMessage)]);
        examples.Add("GetFriendship", response: detail, problems: [pairMissing]);
        examples.Add("FormFriendship", request: $$"""{ "cadreId": "{{Cadre}}", "contactId": "{{Contact}}", "formedOn": "2026-03-01" }""", response: detail,
            problems: [ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.FriendshipExists_Title, LiaisonTexts.FriendshipExists_Detail),
                ApiExamples.Unprocessable("cadreId", LiaisonTexts.CadreNotFound_Title, LiaisonTexts.CadreNotFound_Detail)]);
        examples.Add("EndFriendship", request: """{ "endedOn": "2026-12-01" }""",
            response: $$"""{ "pair": {{ApiExamples.With(PairResponse, """{ "endedOn": "2026-12-01" }""")}}, "contactsThisYear": [] }""",
            problems: [pairMissing, ended, outside]);
        examples.Add("LogFriendshipContact", request: """{ "on": "2026-11-28", "way": "heartToHeartTalk", "note": "谈企业接班人培养和新一代企业家成长。" }""",
            response: ContactLogged, problems: [pairMissing, ended, outside]);

        examples.Add("ListFiveOnes", response: ApiExamples.Page([$$"""
            { "personId": "{{Cadre}}", "name": "王建国", "year": 2026,
              "duties": [ { "kind": "makeFriend", "done": true, "count": 1 }, { "kind": "heartToHeartTalk", "done": true, "count": 2 },
                          { "kind": "visit", "done": true, "count": 3 }, { "kind": "solveProblem", "done": false, "count": 0 },
                          { "kind": "thoughtReport", "done": false, "count": 0 } ],
              "missing": ["solveProblem", "thoughtReport"] }
            """]), problems: [ApiExamples.InvalidCursor(), ApiExamples.Invalid("year", YearQuery.RangeMessage)]);

        examples.Add("SubmitThoughtTrend", request: $$"""
            { "observedOn": "2026-11-28", "contactId": "{{Contact}}", "contactCategory": null, "topic": "民营企业家对新一轮技改政策的看法",
              "content": "企业家普遍欢迎技改补贴，但反映申报材料繁琐、兑现周期长。" }
            """, response: $$"""{ "id": "{{Note}}", "observedOn": "2026-11-28", "topic": "民营企业家对新一轮技改政策的看法", "submittedAt": "2026-11-28T11:00:00+00:00" }""",
            problems: [ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, LiaisonTexts.DayInFuture_Title, LiaisonTexts.DayInFuture_Detail),
                ApiExamples.Unprocessable("contactId", LiaisonTexts.ContactNotFound_Title, LiaisonTexts.ContactsUnknown_Detail)]);
        examples.Add("ListThoughtTrends", response: ApiExamples.Page([NoteResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetThoughtTrend", response: NoteResponse,
            problems: [ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.ThoughtTrendNotFound_Title, LiaisonTexts.ThoughtTrendNotFound_Detail)]);
    }
}
