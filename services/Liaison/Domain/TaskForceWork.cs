using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Liaison.Resources.Texts;

namespace BrandPlatform.Liaison.Domain;

/// <summary>What a task force works on: 项目服务 key projects, 招商服务 investment leads, 征迁服务 relocation cases.</summary>
public enum TaskForceWorkKind
{
    /// <summary>重点项目: a project the city follows from planning to operation; its blockers become tickets.</summary>
    KeyProject,
    /// <summary>招商线索: an investor the task force courts, until it signs and lands or the lead is dropped.</summary>
    InvestmentLead,
    /// <summary>征迁项目: a site whose households and enterprises are relocated, agreement by agreement.</summary>
    RelocationCase,
}

/// <summary>The stages of every kind of work; <see cref="TaskForceWork.StagesOf"/> says which belong to which kind and in what order.</summary>
public enum WorkStage
{
    /// <summary>谋划: a key project being prepared.</summary>
    Planning,
    /// <summary>审批: its approvals under way.</summary>
    Approval,
    /// <summary>在建: under construction.</summary>
    Construction,
    /// <summary>竣工: built.</summary>
    Completed,
    /// <summary>投产: in operation.</summary>
    InOperation,
    /// <summary>接洽: an investor contacted.</summary>
    Contacted,
    /// <summary>洽谈: in negotiation (an investor, or a relocation's households).</summary>
    Negotiating,
    /// <summary>签约: the investment contract signed.</summary>
    Signed,
    /// <summary>落地: the investment landed (registered, started).</summary>
    Landed,
    /// <summary>终止: the lead came to nothing.</summary>
    Dropped,
    /// <summary>摸底: households and enterprises on the site surveyed.</summary>
    Surveying,
    /// <summary>签约完成: every agreement signed.</summary>
    Agreed,
    /// <summary>腾空交地: the site cleared and handed over.</summary>
    Cleared,
}

/// <summary>
/// One step of a piece of work: the stage it reached on a day (from the stage before; none for the step that took it
/// on), recorded by whom, with a note. The 五比五晒 board of a month is the steps taken in it.
/// </summary>
public sealed class WorkStep
{
    private WorkStep() { }

    internal WorkStep(Guid workId, WorkStage? fromStage, WorkStage stage, DateOnly on, int? agreementsSigned, string? note, Visitor recordedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        WorkId = workId;
        FromStage = fromStage;
        Stage = stage;
        On = on;
        AgreementsSigned = agreementsSigned;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedById = recordedBy.PersonId;
        RecordedByName = recordedBy.Name;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid WorkId { get; private set; }
    public WorkStage? FromStage { get; private set; }
    public WorkStage Stage { get; private set; }
    public DateOnly On { get; private set; }
    public int? AgreementsSigned { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>
/// A piece of a task force's work: a key project, an investment lead or a relocation case, owned by one task force (a
/// unit of the directory). Its stages only move forward and each step is dated, never in the future and never in a
/// month whose 五比五晒 board is frozen: the board of a month shows the steps taken in it, so a step written into a
/// closed month would be lost to every board. A relocation case also moves by agreements signed within its stage.
/// </summary>
public sealed class TaskForceWork : Aggregate
{
    public const int NameMaxLength = 100;
    public const int SectorMaxLength = 50;
    public const int NoteMaxLength = 1000;
    public const int MaxHouseholds = 100_000;

    private static readonly IReadOnlyDictionary<TaskForceWorkKind, WorkStage[]> Stages = new Dictionary<TaskForceWorkKind, WorkStage[]>
    {
        [TaskForceWorkKind.KeyProject] = [WorkStage.Planning, WorkStage.Approval, WorkStage.Construction, WorkStage.Completed, WorkStage.InOperation],
        [TaskForceWorkKind.InvestmentLead] = [WorkStage.Contacted, WorkStage.Negotiating, WorkStage.Signed, WorkStage.Landed],
        [TaskForceWorkKind.RelocationCase] = [WorkStage.Surveying, WorkStage.Negotiating, WorkStage.Agreed, WorkStage.Cleared],
    };

    private readonly List<WorkStep> steps = [];

    private TaskForceWork() { }

    public Guid Id { get; private set; }
    public TaskForceWorkKind Kind { get; private set; }
    public Guid TaskForceId { get; private set; }
    /// <summary>The project's, the investor's or the site's name.</summary>
    public string Name { get; private set; } = "";
    /// <summary>The enterprise behind a key project (its blockers are filed on its behalf) or the investor's, when it has one.</summary>
    public string? EnterpriseName { get; private set; }
    public string? EnterpriseCreditCode { get; private set; }
    /// <summary>An investment lead's industry.</summary>
    public string? Sector { get; private set; }
    /// <summary>A key project's investment, an investment lead's intended investment, in 万元.</summary>
    public decimal? AmountInTenThousandYuan { get; private set; }
    /// <summary>A relocation case: households and enterprises to relocate.</summary>
    public int? Households { get; private set; }
    public int? AgreementsSigned { get; private set; }
    public WorkStage Stage { get; private set; }
    public DateOnly StageReachedOn { get; private set; }
    public IReadOnlyList<WorkStep> Steps => steps;
    public DateTimeOffset RegisteredAt { get; private set; }

    public sealed record Details(
        TaskForceWorkKind Kind, Guid TaskForceId, string Name, string? EnterpriseName, string? EnterpriseCreditCode, string? Sector,
        decimal? AmountInTenThousandYuan, int? Households);

    /// <summary>The stages of <paramref name="kind"/> in order; an investment lead may also be dropped.</summary>
    public static IReadOnlyList<WorkStage> StagesOf(TaskForceWorkKind kind) =>
        kind == TaskForceWorkKind.InvestmentLead ? [.. Stages[kind], WorkStage.Dropped] : Stages[kind];

    public bool IsFinished => Stage == WorkStage.Dropped || Stage == Stages[Kind][^1];

    /// <param name="openFrom">The first day of the first month whose board is not frozen.</param>
    public static TaskForceWork Register(
        Details details, WorkStage stage, DateOnly on, string? note, Visitor recordedBy, DateOnly openFrom, DateTimeOffset now)
    {
        GuardStageOf(details.Kind, stage);
        GuardDay(on, openFrom, now);
        var work = new TaskForceWork
        {
            Id = Guid.CreateVersion7(now), Kind = details.Kind, TaskForceId = details.TaskForceId, Name = details.Name.Trim(),
            EnterpriseName = details.EnterpriseName?.Trim(), EnterpriseCreditCode = details.EnterpriseCreditCode, Sector = details.Sector?.Trim(),
            AmountInTenThousandYuan = details.AmountInTenThousandYuan, Households = details.Households,
            AgreementsSigned = details.Kind == TaskForceWorkKind.RelocationCase ? 0 : null, RegisteredAt = now,
        };
        work.Step(null, stage, on, work.AgreementsSigned, note, recordedBy, now);
        work.Raise(work.Stated(new TaskForceWorkRegistered { OccurredAt = now }));
        return work;
    }

    /// <summary>
    /// The work reached <paramref name="stage"/> on <paramref name="on"/>: a later stage of its kind (a lead may be
    /// dropped from any stage before it lands), or, for a relocation case, its stage again with more agreements signed.
    /// </summary>
    public void Progress(WorkStage stage, DateOnly on, int? agreementsSigned, string? note, Visitor recordedBy, DateOnly openFrom, DateTimeOffset now)
    {
        GuardStageOf(Kind, stage);
        if (IsFinished)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.WorkFinished_Title)), Text(nameof(LiaisonTexts.WorkFinished_Detail)));
        }
        var signed = Kind == TaskForceWorkKind.RelocationCase ? agreementsSigned ?? AgreementsSigned : null;
        var forward = stage == WorkStage.Dropped || Array.IndexOf(Stages[Kind], stage) > Array.IndexOf(Stages[Kind], Stage);
        var moreAgreements = stage == Stage && signed > AgreementsSigned;
        if (!forward && !moreAgreements)
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.StageBackwards_Title)), Text(nameof(LiaisonTexts.StageBackwards_Detail)), "stage");
        }
        if (signed < AgreementsSigned || signed > Households)
        {
            throw RuleViolation.Unprocessable(
                Text(nameof(LiaisonTexts.AgreementsOutOfRange_Title)), Text(nameof(LiaisonTexts.AgreementsOutOfRange_Detail), AgreementsSigned, Households), "agreementsSigned");
        }
        if (on < StageReachedOn)
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.StepBeforeLast_Title)), Text(nameof(LiaisonTexts.StepBeforeLast_Detail), StageReachedOn), "on");
        }
        GuardDay(on, openFrom, now);
        var from = Stage;
        Step(from, stage, on, signed, note, recordedBy, now);
        Raise(Stated(new TaskForceWorkProgressed { OccurredAt = now, FromStage = from.ToCode() }));
    }

    /// <summary>Only a key project has blockers to raise, and only while it is not in operation.</summary>
    public void GuardTakesBlockers()
    {
        if (Kind != TaskForceWorkKind.KeyProject || IsFinished)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.NoBlockers_Title)), Text(nameof(LiaisonTexts.NoBlockers_Detail)));
        }
    }

    private void Step(WorkStage? from, WorkStage stage, DateOnly on, int? agreementsSigned, string? note, Visitor recordedBy, DateTimeOffset now)
    {
        Stage = stage;
        StageReachedOn = on;
        AgreementsSigned = agreementsSigned;
        steps.Add(new WorkStep(Id, from, stage, on, agreementsSigned, note, recordedBy, now));
    }

    private static void GuardStageOf(TaskForceWorkKind kind, WorkStage stage)
    {
        if (!Stages[kind].Contains(stage) && !(kind == TaskForceWorkKind.InvestmentLead && stage == WorkStage.Dropped))
        {
            throw RuleViolation.Unprocessable(
                Text(nameof(LiaisonTexts.StageNotOfKind_Title)), Text(nameof(LiaisonTexts.StageNotOfKind_Detail), string.Join("、", Stages[kind].Select(s => s.ToCode()))), "stage");
        }
    }

    private static void GuardDay(DateOnly on, DateOnly openFrom, DateTimeOffset now)
    {
        if (on > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.StepInFuture_Title)), Text(nameof(LiaisonTexts.StepInFuture_Detail)), "on");
        }
        if (on < openFrom)
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.BoardFrozen_Title)), Text(nameof(LiaisonTexts.BoardFrozen_Detail), openFrom), "on");
        }
    }

    private T Stated<T>(T workEvent) where T : TaskForceWorkEvent => workEvent with
    {
        WorkId = Id, Kind = Kind.ToCode(), TaskForceId = TaskForceId, Name = Name, Stage = Stage.ToCode(), StageReachedOn = StageReachedOn,
        AmountInTenThousandYuan = AmountInTenThousandYuan, Households = Households, AgreementsSigned = AgreementsSigned,
    };
}
