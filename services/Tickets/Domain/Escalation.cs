namespace BrandPlatform.Tickets.Domain;

/// <summary>The ladder 催办 → 督办 → 通报, after an optional reminder before the deadline.</summary>
public enum EscalationLevel
{
    None,
    /// <summary>提醒: the handler was reminded before the deadline.</summary>
    Reminded,
    /// <summary>催办</summary>
    Urged,
    /// <summary>督办: a supervision order went to the liaison leader.</summary>
    Supervised,
    /// <summary>通报</summary>
    Publicised,
}

/// <summary>
/// Tickets:Escalation:* — ReminderBefore (working time before the resolution deadline, "4h"), PublicNoticeAfterDays
/// (working days from 督办 to 通报), FallbackLeaderId (the leader who receives supervision orders for requesters
/// without a linked chamber), Interval (how often the scheduler looks).
/// </summary>
public sealed class EscalationPolicy
{
    public string ReminderBefore { get; set; } = "4h";
    public int PublicNoticeAfterDays { get; set; } = 2;
    public Guid? FallbackLeaderId { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan ReminderWindow => TimeSpan.FromHours(WorkingSpan.Parse(ReminderBefore) is { In: WorkingSpan.Unit.Hours } span
        ? span.Amount
        : throw new FormatException("Tickets:Escalation:ReminderBefore is given in working hours, e.g. 4h."));
}

/// <summary>
/// A 督办单: the liaison leader's instructions and the unit's answers, each kept as an entry of its history (never
/// overwritten); the order shows the latest of each.
/// </summary>
public sealed class SupervisionOrder
{
    public const int TextMaxLength = 2000;

    private readonly List<SupervisionEntry> entries = [];

    private SupervisionOrder() { }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }
    public Guid? LeaderId { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public string? Instructions { get; private set; }
    public DateTimeOffset? InstructedAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public IReadOnlyList<SupervisionEntry> Entries => entries;

    internal static SupervisionOrder Issue(Guid ticketId, Guid? leaderId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), TicketId = ticketId, LeaderId = leaderId, IssuedAt = now };

    public void Instruct(string instructions, string by, DateTimeOffset now)
    {
        entries.Add(SupervisionEntry.Of(Id, SupervisionEntry.Instruction, instructions, by, now));
        Instructions = instructions;
        InstructedAt = now;
    }

    public void AnswerWith(string answer, string by, DateTimeOffset now)
    {
        entries.Add(SupervisionEntry.Of(Id, SupervisionEntry.Answer, answer, by, now));
        Answer = answer;
        AnsweredAt = now;
    }
}

/// <summary>One instruction or answer on a supervision order, as written, by whom and when; never changed.</summary>
public sealed class SupervisionEntry
{
    public const string Instruction = "instruction";
    public const string Answer = "answer";
    public const int ByMaxLength = 256;

    private SupervisionEntry() { }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>The person who wrote it: id and name.</summary>
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal static SupervisionEntry Of(Guid orderId, string kind, string text, string by, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), OrderId = orderId, Kind = kind, Text = text, By = by.Length <= ByMaxLength ? by : by[..ByMaxLength], At = now };
}
