using System.Globalization;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Community.Features;

/// <summary>
/// The OpenAPI examples of community work and publicity: 幸福里社区, the 第一党支部 paired with it, a member's
/// registration, the fourth quarter's theme and a service under it, a practical matter, and the news item written up
/// from the service.
/// </summary>
internal sealed class CommunityApiExamples : IApiExamples
{
    private const string Community = "019ae0a1-0c1d-7e2f-8a3b-4c5d6e7f8a9b";
    private const string Branch = "019ae0a1-1d2e-7f3a-9b4c-5d6e7f8a9b0c";
    private const string Member = "019ae0a1-2e3f-7a4b-8c5d-6e7f8a9b0c1d";
    private const string Pairing = "019ae0a1-3f4a-7b5c-9d6e-7f8a9b0c1d2e";
    private const string Registration = "019ae0a1-4a5b-7c6d-8e7f-8a9b0c1d2e3f";
    private const string Theme = "019ae0a1-5b6c-7d7e-9f8a-9b0c1d2e3f4a";
    private const string Service = "019ae0a1-6c7d-7e8f-8a9b-0c1d2e3f4a5b";
    private const string Problem = "019ae0a1-7d8e-7f9a-9b0c-1d2e3f4a5b6c";
    private const string Matter = "019ae0a1-8e9f-7a0b-8c1d-2e3f4a5b6c7d";
    private const string Unit = "019ae0a1-9f0a-7b1c-9d2e-3f4a5b6c7d8e";
    private const string Owner = "019ae0a1-0a1b-7c2d-8e3f-4a5b6c7d8e9f";
    private const string Item = "019ae0a1-1b2c-7d3e-9f4a-5b6c7d8e9f0a";

    private const string CommunityRequest = """{ "name": "幸福里社区", "street": "城关街道", "contactName": "王敏", "contactPhone": "0931-8812345" }""";

    private const string CommunityResponse = $$"""
        { "id": "{{Community}}", "name": "幸福里社区", "street": "城关街道", "contactName": "王敏", "contactPhone": "0931-8812345",
          "registeredAt": "2026-10-08T02:00:00+00:00", "version": 1 }
        """;

    private const string PairingResponse = $$"""
        { "id": "{{Pairing}}", "branchId": "{{Branch}}", "branchName": "第一党支部", "communityId": "{{Community}}", "communityName": "幸福里社区",
          "from": "2026-10-10", "to": null, "note": "近邻党建：共建老年食堂和四点半课堂", "version": 1 }
        """;

    private const string RegistrationResponse = $$"""
        { "id": "{{Registration}}", "personId": "{{Member}}", "personName": "张伟", "branchId": "{{Branch}}", "branchName": "第一党支部",
          "communityId": "{{Community}}", "communityName": "幸福里社区", "year": 2026, "registeredOn": "2026-10-12", "state": "confirmed",
          "confirmedBy": "communityContact", "confirmedOn": "2026-10-15", "version": 2 }
        """;

    private const string ThemeResponse = $$"""
        { "id": "{{Theme}}", "year": 2026, "quarter": 4, "title": "关爱一老一小", "description": "走进社区，为老人和孩子办实事。", "servicesPerBranch": 2, "version": 1 }
        """;

    private const string ServiceRequest = $$"""
        { "branchId": null, "communityId": "{{Community}}", "on": "2026-11-21", "themeId": "{{Theme}}", "participantIds": null, "peopleServed": 36,
          "hours": 3, "summary": "为社区老人测血压、讲解防诈骗知识，为四点半课堂辅导作业。",
          "photos": [{ "fileName": "IMG_2031.jpg", "caption": "为老人测血压", "takenOn": "2026-11-21", "sizeBytes": 2480312, "contentType": "image/jpeg" }],
          "residentProblems": [{ "residentName": "李桂兰", "residentPhone": "13800138000", "category": "elderlyCare", "title": "独居老人希望助餐上门",
            "description": "老人行动不便，希望社区老年食堂提供送餐上门。" }] }
        """;

    private const string ServiceResponse = $$"""
        { "id": "{{Service}}", "branchId": "{{Branch}}", "branchName": "第一党支部", "communityId": "{{Community}}", "communityName": "幸福里社区",
          "themeId": "{{Theme}}", "themeTitle": "关爱一老一小", "on": "2026-11-21", "participants": [{ "personId": "{{Member}}", "name": "张伟" }],
          "peopleServed": 36, "hours": 3, "summary": "为社区老人测血压、讲解防诈骗知识，为四点半课堂辅导作业。",
          "photos": [{ "fileName": "IMG_2031.jpg", "caption": "为老人测血压", "takenOn": "2026-11-21", "sizeBytes": 2480312, "contentType": "image/jpeg" }],
          "residentProblems": [{ "id": "{{Problem}}", "residentName": "李桂兰", "residentPhone": "138****8000", "category": "elderlyCare", "title": "独居老人希望助餐上门" }],
          "recordedByName": "张伟", "recordedAt": "2026-11-21T09:30:00+00:00" }
        """;

    private const string MatterRequest = $$"""
        { "year": 2026, "title": "老旧小区加装电梯", "description": "协调推动辖区 3 个老旧小区加装电梯。", "ownerUnitId": "{{Unit}}", "ownerPersonId": "{{Owner}}",
          "deadline": "2026-12-25", "beneficiaries": "辖区老年居民", "feedbackCadence": "fortnightly", "milestoneDues": ["2026-12-10", "2026-12-24"] }
        """;

    private const string MatterResponse = $$"""
        { "id": "{{Matter}}", "year": 2026, "title": "老旧小区加装电梯", "description": "协调推动辖区 3 个老旧小区加装电梯。", "ownerUnitId": "{{Unit}}",
          "ownerUnitName": "机关事务科", "ownerPersonId": "{{Owner}}", "ownerPersonName": "刘洋", "deadline": "2026-12-25", "beneficiaries": "辖区老年居民",
          "feedbackCadence": "fortnightly", "milestoneDues": ["2026-12-10", "2026-12-24"], "state": "committed", "taskState": "inProgress", "completedOn": null,
          "committedAt": "2026-12-01T02:00:00+00:00", "version": 1 }
        """;

    private const string Body = "2026年11月21日，第一党支部1名党员走进幸福里社区，围绕“关爱一老一小”主题开展志愿服务，服务群众36人。\\n\\n为社区老人测血压、讲解防诈骗知识，为四点半课堂辅导作业。";

    private const string ItemResponse = $$"""
        { "id": "{{Item}}", "kind": "news", "branchId": "{{Branch}}", "branchName": "第一党支部", "title": "第一党支部党员走进幸福里社区开展志愿服务",
          "summary": "第一党支部党员走进幸福里社区，围绕“关爱一老一小”主题开展志愿服务。", "body": "{{Body}}",
          "sourceKind": "communityService", "sourceId": "{{Service}}", "sourceOccurredAt": "2026-11-20T16:00:00+00:00", "state": "published",
          "draftedByName": "陈静", "draftedAt": "2026-11-22T02:00:00+00:00", "submittedAt": "2026-11-22T02:10:00+00:00",
          "publishedAt": "2026-11-23T01:00:00+00:00", "highlightedYear": null,
          "comments": [{ "author": "office-1 机关党委办公室 周丽", "text": "标题可以更具体些。", "at": "2026-11-22T08:00:00+00:00" }], "version": 4 }
        """;

    private const string NewsResponse = $$"""
        { "id": "{{Item}}", "kind": "news", "branchName": "第一党支部", "title": "第一党支部党员走进幸福里社区开展志愿服务",
          "summary": "第一党支部党员走进幸福里社区，围绕“关爱一老一小”主题开展志愿服务。", "body": "{{Body}}", "publishedAt": "2026-11-23T01:00:00+00:00" }
        """;

    public void Describe(ApiExamples examples)
    {
        var community404 = ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.CommunityNotFound_Title, CommunityTexts.CommunityNotFound_Detail);
        var notYourBranch = ApiExamples.Problem(StatusCodes.Status403Forbidden, CommunityTexts.NotYourBranch_Title, CommunityTexts.NotYourBranch_Detail);
        var registration404 = ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.RegistrationNotFound_Title, CommunityTexts.RegistrationNotFound_Detail);
        var item404 = ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.ItemNotFound_Title, CommunityTexts.ItemNotFound_Detail);
        var itemState = ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.ItemState_Title,
            string.Format(CultureInfo.CurrentCulture, CommunityTexts.ItemState_Detail, CommunityTexts.StepApprove, "published"));
        var notPublished = ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.NotPublished_Title,
            string.Format(CultureInfo.CurrentCulture, CommunityTexts.NotPublished_Detail, "inReview"));
        var future = (string field) => ApiExamples.Unprocessable(field, CommunityTexts.InFuture_Title, CommunityTexts.InFuture_Detail);

        examples.Add("ListCommunities", response: ApiExamples.Page([CommunityResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetCommunity", response: CommunityResponse, problems: [community404]);
        examples.Add("RegisterCommunity", request: CommunityRequest, response: CommunityResponse,
            problems: [ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.CommunityNameTaken_Title,
                string.Format(CultureInfo.CurrentCulture, CommunityTexts.CommunityNameTaken_Detail, "幸福里社区"))]);
        examples.Add("ReviseCommunity", request: CommunityRequest, response: ApiExamples.With(CommunityResponse, """{ "version": 2 }"""), problems: [community404]);
        examples.Add("ListPairings", response: ApiExamples.Page([PairingResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("PairBranchWithCommunity",
            request: $$"""{ "branchId": "{{Branch}}", "communityId": "{{Community}}", "from": "2026-10-10", "to": null, "note": "近邻党建：共建老年食堂和四点半课堂" }""",
            response: PairingResponse,
            problems: [notYourBranch, ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.PairingOverlaps_Title, CommunityTexts.PairingOverlaps_Detail)]);
        examples.Add("EndPairing", request: """{ "on": "2026-12-31" }""", response: ApiExamples.With(PairingResponse, """{ "to": "2026-12-31", "version": 2 }"""),
            problems: [ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.PairingNotFound_Title, CommunityTexts.PairingNotFound_Detail)]);

        var pending = ApiExamples.With(RegistrationResponse, """{ "state": "pending", "confirmedBy": null, "confirmedOn": null, "version": 1 }""");
        examples.Add("RegisterWithCommunity", request: $$"""{ "communityId": "{{Community}}", "registeredOn": "2026-10-12" }""", response: pending,
            problems: [future("registeredOn"), ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.AlreadyRegistered_Title,
                string.Format(CultureInfo.CurrentCulture, CommunityTexts.AlreadyRegistered_Detail, 2026))]);
        examples.Add("ListRegistrations", response: ApiExamples.Page([RegistrationResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetMyRegistration", response: RegistrationResponse, problems: [registration404]);
        examples.Add("GetRegistration", response: RegistrationResponse, problems: [registration404]);
        examples.Add("ConfirmRegistration", request: """{ "confirmedBy": "communityContact", "confirmedOn": "2026-10-15", "note": "社区王敏电话确认" }""",
            response: RegistrationResponse,
            problems: [registration404, ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.RegistrationNotPending_Title,
                string.Format(CultureInfo.CurrentCulture, CommunityTexts.RegistrationNotPending_Detail, "confirmed"))]);
        examples.Add("EndRegistration", response: ApiExamples.With(RegistrationResponse, """{ "state": "ended", "version": 3 }"""),
            problems: [registration404, ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.RegistrationEnded_Title, CommunityTexts.RegistrationEnded_Detail)]);

        var theme404 = ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.ThemeNotFound_Title, CommunityTexts.ThemeNotFound_Detail);
        examples.Add("ListServiceThemes", response: $"[{ThemeResponse}]", problems: [ApiExamples.Invalid("year", YearQuery.RangeMessage)]);
        examples.Add("GetCurrentServiceTheme", response: ThemeResponse, problems: [theme404]);
        examples.Add("SetServiceTheme", request: """{ "year": 2026, "quarter": 4, "title": "关爱一老一小", "description": "走进社区，为老人和孩子办实事。", "servicesPerBranch": 2 }""",
            response: ThemeResponse, problems: [ApiExamples.Problem(StatusCodes.Status409Conflict, CommunityTexts.ThemeTaken_Title,
                string.Format(CultureInfo.CurrentCulture, CommunityTexts.ThemeTaken_Detail, 2026, 4))]);
        examples.Add("ReviseServiceTheme", request: """{ "title": "关爱一老一小", "description": "走进社区，为老人和孩子办实事。", "servicesPerBranch": 3 }""",
            response: ApiExamples.With(ThemeResponse, """{ "servicesPerBranch": 3, "version": 2 }"""), problems: [theme404]);

        examples.Add("RecordCommunityService", request: ServiceRequest, response: ServiceResponse,
            problems: [future("on"), notYourBranch,
                ApiExamples.Unprocessable("communityId", CommunityTexts.CommunityNotOfBranch_Title, CommunityTexts.CommunityNotOfBranch_Detail),
                ApiExamples.Unprocessable("themeId", CommunityTexts.ThemeOfOtherQuarter_Title, CommunityTexts.ThemeOfOtherQuarter_Detail)]);
        examples.Add("ListCommunityServices", response: ApiExamples.Page([ServiceResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetCommunityService", response: ServiceResponse,
            problems: [ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.ServiceNotFound_Title, CommunityTexts.ServiceNotFound_Detail)]);

        examples.Add("CommitPracticalMatter", request: MatterRequest, response: ApiExamples.With(MatterResponse, """{ "taskState": null }"""),
            problems: [ApiExamples.Unprocessable("ownerPersonId", CommunityTexts.OwnerNotOfUnit_Title, CommunityTexts.OwnerNotOfUnit_Detail),
                ApiExamples.Unprocessable("deadline", CommunityTexts.DeadlinePast_Title, CommunityTexts.DeadlinePast_Detail)]);
        examples.Add("ListPracticalMatters", response: ApiExamples.Page([MatterResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetPracticalMatter", response: MatterResponse,
            problems: [ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.MatterNotFound_Title, CommunityTexts.MatterNotFound_Detail)]);

        examples.Add("PrefillPublicityItem", response: $$"""
            { "kind": "news", "branchId": "{{Branch}}", "title": "第一党支部党员走进幸福里社区开展志愿服务", "summary": "第一党支部党员走进幸福里社区，围绕“关爱一老一小”主题开展志愿服务。",
              "body": "{{Body}}", "sourceKind": "communityService", "sourceId": "{{Service}}", "sourceOccurredAt": "2026-11-20T16:00:00+00:00" }
            """,
            problems: [ApiExamples.Problem(StatusCodes.Status404NotFound, CommunityTexts.SourceNotFound_Title, CommunityTexts.SourceNotFound_Detail),
                ApiExamples.Unprocessable("sourceId", CommunityTexts.SourceNotReady_Title, CommunityTexts.MatterNotCompleted_Detail)]);
        var draft = ApiExamples.With(ItemResponse, """{ "state": "draft", "submittedAt": null, "publishedAt": null, "comments": [], "version": 1 }""");
        examples.Add("DraftPublicityItem", request: $$"""
            { "kind": "news", "branchId": "{{Branch}}", "title": "第一党支部党员走进幸福里社区开展志愿服务", "summary": "第一党支部党员走进幸福里社区，围绕“关爱一老一小”主题开展志愿服务。",
              "body": "{{Body}}", "sourceKind": "communityService", "sourceId": "{{Service}}" }
            """, response: draft, problems: [notYourBranch]);
        examples.Add("ListPublicityItems", response: ApiExamples.Page([ItemResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetPublicityItem", response: ItemResponse, problems: [item404]);
        examples.Add("RevisePublicityItem", request: """{ "title": "第一党支部党员走进幸福里社区关爱一老一小", "summary": "第一党支部党员走进幸福里社区开展志愿服务。", "body": "……" }""",
            response: ApiExamples.With(draft, """{ "title": "第一党支部党员走进幸福里社区关爱一老一小", "version": 2 }"""), problems: [item404, itemState]);
        var inReview = ApiExamples.With(ItemResponse, """{ "state": "inReview", "publishedAt": null, "comments": [] }""");
        examples.Add("SubmitPublicityItem", response: inReview, problems: [item404, itemState]);
        examples.Add("CommentOnPublicityItem", request: """{ "text": "标题可以更具体些。" }""", response: ApiExamples.With(ItemResponse, """{ "state": "inReview", "publishedAt": null }"""),
            problems: [item404, itemState]);
        examples.Add("ReturnPublicityItem", request: """{ "reason": "请补充服务成效。" }""", response: ApiExamples.With(ItemResponse, """{ "state": "returned", "publishedAt": null }"""),
            problems: [item404, itemState]);
        examples.Add("ApprovePublicityItem", response: ItemResponse, problems: [item404, itemState]);
        examples.Add("WithdrawPublicityItem", request: """{ "reason": "活动信息有误，更正后重发。" }""", response: ApiExamples.With(ItemResponse, """{ "state": "withdrawn" }"""),
            problems: [item404, itemState]);
        examples.Add("HighlightGoodPractice", response: ApiExamples.With(ItemResponse, """{ "kind": "goodPractice", "highlightedYear": 2026 }"""),
            problems: [item404, ApiExamples.Unprocessable("kind", CommunityTexts.NotGoodPractice_Title, CommunityTexts.NotGoodPractice_Detail)]);

        examples.Add("ListNews", response: ApiExamples.Page([NewsResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetNews", response: NewsResponse, problems: [item404]);
        examples.Add("GetNewsRss", response: $$"""
            <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>同心网 · 机关党建品牌</title><item><title>第一党支部党员走进幸福里社区开展志愿服务</title>
            <guid isPermaLink="false">{{Item}}</guid><pubDate>Mon, 23 Nov 2026 01:00:00 GMT</pubDate></item></channel></rss>
            """);
        examples.Add("GetNewsJsonFeed", response: $$"""
            { "version": "https://jsonfeed.org/version/1.1", "title": "同心网 · 机关党建品牌", "items": [{ "id": "{{Item}}", "title": "第一党支部党员走进幸福里社区开展志愿服务",
              "date_published": "2026-11-23T09:00:00+08:00" }] }
            """);
        examples.Add("GetWeChatArticle", response: """<section style="font-size:16px;line-height:1.75;"><h1 style="text-align:center;">第一党支部党员走进幸福里社区开展志愿服务</h1>…</section>""",
            problems: [item404, notPublished]);
        examples.Add("GetBulletinSheet", problems: [item404, notPublished,
            ApiExamples.Problem(StatusCodes.Status503ServiceUnavailable, CommunityTexts.FontMissing_Title, CommunityTexts.FontMissing_Detail)]);
    }
}
