using System.Globalization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Liaison;

// The task forces' work and the 五比五晒 board as the portal reads them (liaison's TaskForceWorks and TaskForceBoards).

public sealed record WorkStepView(string? FromStage, string Stage, DateOnly On, int? AgreementsSigned, string? Note, string RecordedByName, DateTimeOffset RecordedAt);

public sealed record BlockerView(
    Guid Id, string Title, string Category, string Description, string RaisedByName, DateTimeOffset RaisedAt, Guid? TicketId, string? TicketNumber,
    string? TicketState, DateTimeOffset? SolvedAt);

public sealed record TaskForceWorkView(
    Guid Id, string Kind, Guid TaskForceId, string TaskForceName, string Name, string? EnterpriseName, string? EnterpriseCreditCode, string? Sector,
    decimal? AmountInTenThousandYuan, int? Households, int? AgreementsSigned, string Stage, DateOnly StageReachedOn, IReadOnlyList<string> Stages,
    IReadOnlyList<WorkStepView> Steps, IReadOnlyList<BlockerView> Blockers, DateTimeOffset RegisteredAt)
{
    /// <summary>The stages still ahead (a lead may also be dropped before it lands).</summary>
    public IEnumerable<string> Ahead => Stages.SkipWhile(s => s != Stage).Skip(1);

    public bool IsFinished => Stage == TaskForceText.Dropped || Stage == Stages.Where(s => s != TaskForceText.Dropped).Last();
}

public sealed record BoardStepView(
    Guid WorkId, string Kind, string Name, string? FromStage, string Stage, DateOnly On, int? AgreementsSigned, int? Households, decimal? AmountInTenThousandYuan);

public sealed record BoardBlockerView(Guid ProblemId, Guid ProjectId, string ProjectName, string Title, string? TicketNumber, DateOnly SolvedOn);

public sealed record TaskForceColumnView(
    Guid TaskForceId, string TaskForceName, IReadOnlyList<BoardStepView> TakenOn, IReadOnlyList<BoardStepView> ProjectsAdvanced,
    IReadOnlyList<BoardStepView> InvestmentSigned, IReadOnlyList<BoardStepView> RelocationProgress, IReadOnlyList<BoardBlockerView> BlockersSolved);

public sealed record TaskForceBoardView(string Month, DateTimeOffset? FrozenAt, IReadOnlyList<TaskForceColumnView> TaskForces);

/// <summary>Who reads the task forces' work and board: the cadres and the task forces' handlers (the API says who may record what).</summary>
public static class TaskForceRoles
{
    public const string Workers = $"{LiaisonRoles.Cadres},{PlatformRoles.TaskForceHandler}";

    public static readonly string[] WorkerList = Workers.Split(',');
}

/// <summary>The task-force API's codes as the person reads them.</summary>
public static class TaskForceText
{
    public const string Dropped = "dropped";
    public const string RelocationCase = "relocationCase";
    public const string KeyProject = "keyProject";
    public const string InvestmentLead = "investmentLead";

    public static readonly string[] Kinds = [KeyProject, InvestmentLead, RelocationCase];

    /// <summary>The first stages of each kind, in order, as the register form offers them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> StagesOfKind = new Dictionary<string, string[]>
    {
        [KeyProject] = ["planning", "approval", "construction", "completed", "inOperation"],
        [InvestmentLead] = ["contacted", "negotiating", "signed", "landed"],
        [RelocationCase] = ["surveying", "negotiating", "agreed", "cleared"],
    };

    public static string Kind(string code) => Of("Kind", code);
    public static string Stage(string code) => Of("Stage", code);

    /// <summary>A step as one line: "审批 → 在建", or the stage it was taken on at.</summary>
    public static string Step(string? from, string to) => from is null ? Stage(to) : $"{Stage(from)} → {Stage(to)}";

    /// <summary>Agreements signed of the households, for a relocation case.</summary>
    public static string Agreements(int? signed, int? households) => signed is { } s && households is { } h
        ? string.Format(CultureInfo.CurrentCulture, TaskForceScreenTexts.Agreements, s, h)
        : "";

    private static string Of(string kind, string code) =>
        TaskForceScreenTexts.ResourceManager.GetString($"{kind}_{code}", CultureInfo.CurrentUICulture) ?? code;
}
