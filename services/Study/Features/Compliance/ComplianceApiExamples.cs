using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Features.Compliance.ComplianceEndpoints;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Features.Compliance;

/// <summary>The examples of the compliance operations (plans, rectifications, compliance, coverage, talks).</summary>
internal sealed class ComplianceApiExamples : IApiExamples
{
    private static readonly Guid Branch = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748501");
    private static readonly Guid Group = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748511");
    private static readonly Guid Team = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748521");
    private static readonly Guid Meeting = Guid.Parse("0196f2c0-1a2b-7c3d-8e4f-5a6b7c8d9e01");
    private static readonly Guid Item = Guid.Parse("0196f2c0-1a2b-7c3d-8e4f-5a6b7c8d9e11");
    private static readonly Guid Person = Guid.Parse("0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01");
    private static readonly DateTimeOffset FiledAt = new(2026, 10, 6, 1, 30, 0, TimeSpan.Zero);

    public void Describe(ApiExamples examples)
    {
        var branchName = "第一党支部";
        var items = new[]
        {
            new QuarterPlans.PlanItemRequest(ActivityKind.BranchCommittee, 10, "研究部署第四季度党建工作"),
            new QuarterPlans.PlanItemRequest(ActivityKind.PartyLesson, 11, "书记讲党课：学习贯彻党的二十届四中全会精神"),
        };
        var plan = new QuarterPlans.PlanResponse(Guid.Parse("0196f2b0-1a2b-7c3d-8e4f-5a6b7c8d9e01"), Branch, 2026, 4,
            [.. items.Select(i => new PlanItem(i.Kind!.Value, i.Month!.Value, i.Topic!))], FiledAt, "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a09 王书记",
            new DateOnly(2026, 10, 5), PlanStatus.Late, 1);
        var ownBranchOnly = ApiExamples.Problem(StatusCodes.Status403Forbidden, StudyTexts.OwnBranchOnly_Title,
            string.Format(CultureInfo.CurrentCulture, StudyTexts.OwnBranchOnly_Detail, "第二党支部"));
        var branchNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, StudyTexts.BranchNotFound_Title, StudyTexts.BranchNotFound_Detail);
        var badYear = ApiExamples.Invalid("year", YearQuery.RangeMessage);

        examples.Add("FileQuarterPlan", request: new QuarterPlans.FilePlanRequest(2026, 4, items), response: plan, problems:
        [
            ownBranchOnly, branchNotFound,
            ApiExamples.Problem(StatusCodes.Status409Conflict, StudyTexts.PlanAlreadyFiled_Title,
                string.Format(CultureInfo.CurrentCulture, StudyTexts.PlanAlreadyFiled_Detail, branchName, 2026, 4, "2026-10-06")),
            ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(StudyTexts.PlanMonthOutsideQuarter_Title)),
                Text(nameof(StudyTexts.PlanMonthOutsideQuarter_Detail), 9, 2026, 4))),
        ]);
        examples.Add("CorrectQuarterPlan", request: new QuarterPlans.CorrectPlanRequest(items), response: plan with { Version = 2 }, problems:
        [
            ownBranchOnly,
            ApiExamples.Problem(StatusCodes.Status404NotFound, StudyTexts.PlanNotFound_Title,
                string.Format(CultureInfo.CurrentCulture, StudyTexts.PlanNotFound_Detail, branchName, 2026, 4)),
            ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(StudyTexts.PlanKindNotBranch_Title)),
                Text(nameof(StudyTexts.PlanKindNotBranch_Detail), ActivityKind.FirstAgendaItem))),
        ]);
        examples.Add("ListQuarterPlans", response: new Page<QuarterPlans.PlanResponse>([plan], null),
            problems: [ownBranchOnly, branchNotFound, badYear]);

        var rectification = new Rectifications.RectificationResponse(Item, Meeting, ActivityKind.OrganisationalLifeMeeting, Branch,
            "理论学习结合业务不够紧密，制定季度学习与业务研讨计划", "张明", new DateOnly(2027, 3, 31), true, false, FiledAt, null, null);
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, StudyTexts.ActivityNotFound_Title, StudyTexts.ActivityNotFound_Detail);
        var notKeeper = ApiExamples.Problem(StatusCodes.Status403Forbidden, StudyTexts.NotKeeper_Title, StudyTexts.NotKeeper_Detail);
        examples.Add("RecordRectification",
            request: new Rectifications.RectificationRequest(rectification.Description, rectification.OwnerName, rectification.DueOn),
            response: rectification, problems:
            [
                notFound, notKeeper,
                ApiExamples.Refused(new RuleViolation(Text(nameof(StudyTexts.RectificationNotHeld_Title)),
                    Text(nameof(StudyTexts.RectificationNotHeld_Detail), ActivityState.Planned))),
                ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(StudyTexts.RectificationWrongKind_Title)),
                    Text(nameof(StudyTexts.RectificationWrongKind_Detail), ActivityKind.PartyLesson))),
            ]);
        examples.Add("CloseRectification", request: new Rectifications.CloseRequest("已制定并落实季度学习与业务研讨计划，10月已开展首次研讨"),
            response: rectification with { Open = false, ClosedAt = FiledAt.AddDays(30), CloseNote = "已制定并落实季度学习与业务研讨计划" }, problems:
            [
                notFound, notKeeper,
                ApiExamples.Problem(StatusCodes.Status404NotFound, StudyTexts.RectificationNotFound_Title, StudyTexts.RectificationNotFound_Detail),
                ApiExamples.Refused(new RuleViolation(Text(nameof(StudyTexts.RectificationClosed_Title)),
                    Text(nameof(StudyTexts.RectificationClosed_Detail), "2026-11-05"))),
            ]);
        examples.Add("ListRectifications", response: new Page<Rectifications.RectificationResponse>([rectification], null),
            problems: [ApiExamples.InvalidCursor()]);

        var names = new Dictionary<Guid, string> { [Branch] = branchName, [Group] = "第一党小组", [Team] = "部务会" };
        var missingCommittee = new FindingResponse(FindingKind.MissingMeeting,
            Text(nameof(StudyTexts.FindingMissingMonthly), 2026, 11, ActivityKind.BranchCommittee, new UnitReference(Branch)).Format(CultureInfo.CurrentCulture, names),
            null, null);
        var planLate = new FindingResponse(FindingKind.PlanLate,
            Text(nameof(StudyTexts.FindingPlanLate), 2026, 4, "2026-10-06", "2026-10-05").Format(CultureInfo.CurrentCulture), null, null);
        var lateRecord = new LateRecordResponse(Meeting, ActivityKind.BranchCommittee, "研究部署第四季度党建工作", new DateOnly(2026, 9, 30),
            new DateOnly(2026, 10, 10), new DateTimeOffset(2026, 10, 12, 2, 0, 0, TimeSpan.Zero));
        var recordLate = new FindingResponse(FindingKind.RecordLate, Text(nameof(StudyTexts.FindingRecordLate), "2026-09-30", ActivityKind.BranchCommittee,
            lateRecord.Topic, "2026-10-12", "2026-10-10").Format(CultureInfo.CurrentCulture), Meeting, null);
        var talks = new TalkCoverage(12, 9);
        examples.Add("GetBranchCompliance", response: new ComplianceResponse(Branch, branchName, 2026, 4, false,
            [
                new RequirementResponse(ActivityKind.BranchCommittee, Branch, branchName, "2026-10", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 1, 1, RequirementStatus.Met),
                new RequirementResponse(ActivityKind.BranchCommittee, Branch, branchName, "2026-11", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 1, 0, RequirementStatus.Missing),
                new RequirementResponse(ActivityKind.GroupMeeting, Group, "第一党小组", "2026-12", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), 1, 0, RequirementStatus.Pending),
                new RequirementResponse(ActivityKind.PartyLesson, Branch, branchName, "2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), 1, 1, RequirementStatus.Met),
            ],
            new PlanCheck(PlanStatus.Late, new DateOnly(2026, 10, 5), FiledAt), [lateRecord], [], talks, [missingCommittee, planLate, recordLate]),
            problems: [ownBranchOnly, branchNotFound, badYear]);
        examples.Add("GetComplianceOverview", response: new ComplianceOverview(2026, 4, 1,
            [
                new UnitSummary(Branch, branchName, "branch", false, talks, [missingCommittee, planLate, recordLate]),
                new UnitSummary(Team, "部务会", "leadershipTeam", true, null, []),
            ]), problems: [badYear]);
        var period = (From: new DateOnly(2026, 10, 1), To: new DateOnly(2026, 12, 31));
        examples.Add("GetBranchCoverage", response: new CoverageResponse(Branch, period.From, period.To, 12, 11, [new CoveredPerson(Person, "王芳")]),
            problems: [ownBranchOnly, branchNotFound, ApiExamples.Invalid("to", ChinaPeriod.BackwardsMessage)]);
        examples.Add("GetCoverageOverview", response: new CoverageOverview(period.From, period.To, 21, 19,
            [
                new BranchCoverageFigure(Branch, branchName, 12, 11),
                new BranchCoverageFigure(Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748502"), "第二党支部", 9, 8),
            ]), problems: [ApiExamples.Invalid("to", ChinaPeriod.BackwardsMessage)]);
        examples.Add("GetTalkCoverage", response: new TalkCoverageResponse(Branch, 2026, 12, 11, [new CoveredPerson(Person, "王芳")]),
            problems: [ownBranchOnly, branchNotFound, badYear]);
    }
}
