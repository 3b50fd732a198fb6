namespace BrandPlatform.Contracts.Tickets;

/// <summary>
/// What the figures need to know about one ticket. The tickets service reads it from its tickets, reporting from its
/// record of their events; both compute the figures with <see cref="TicketFigures.Of"/>, so the two never disagree on a rule.
/// </summary>
public sealed record TicketFacts
{
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? AcceptanceDue { get; init; }
    public DateTimeOffset? FirstContactAt { get; init; }
    public DateTimeOffset? FirstContactDue { get; init; }
    public DateTimeOffset? RespondedAt { get; init; }
    public DateTimeOffset? StageReplyDue { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    /// <summary>The first resolution deadline: an approved extension does not make a late ticket on time.</summary>
    public DateTimeOffset? OriginalResolutionDue { get; init; }
    /// <summary>confirmed, reopened, ... (camelCase codes).</summary>
    public string State { get; init; } = "";
    /// <summary>The latest confirmation's satisfaction code.</summary>
    public string? Satisfaction { get; init; }
    public int ReopenCount { get; init; }
    public double? HandlingWorkingHours { get; init; }
    public int Reminders { get; init; }
    public int Urges { get; init; }
    public int Supervisions { get; init; }
    public int PublicNotices { get; init; }
}

/// <summary>
/// The figures municipal platforms publish for enterprise requests. Rates are between 0 and 1, null when there is
/// nothing to divide by:
/// 及时受理率 accepted by the acceptance deadline, among accepted tickets; first-contact and stage-reply on-time rates
/// among tickets that reached that step (pauses move those deadlines: the requester's delay is not the unit's);
/// 按时办结率 resolved by the original resolution deadline, among tickets that were ever resolved (a reopened one counts
/// as not on time until it is resolved again); 解决率 tickets closed as solved (confirmed without dissatisfaction)
/// among those ever resolved; 满意率 satisfied or basically satisfied among confirmed; reopen rate among those ever
/// resolved; average handling working hours (pauses excluded); the escalation ladder's steps taken.
/// </summary>
public sealed record TicketFigures(
    DateOnly From, DateOnly To,
    int Volume,
    int Accepted, double? AcceptedOnTimeRate,
    int FirstContacted, double? FirstContactOnTimeRate,
    int StageReplied, double? StageReplyOnTimeRate,
    int Resolved, double? ResolvedOnTimeRate, double? SolvedRate,
    int Confirmed, double? SatisfactionRate,
    double? ReopenRate,
    double? AverageHandlingWorkingHours,
    TicketFigures.EscalationSteps Escalations)
{
    public sealed record EscalationSteps(int Reminders, int Urges, int Supervisions, int PublicNotices);

    /// <summary>The figures of the tickets submitted from <paramref name="from"/> to <paramref name="to"/> (China dates).</summary>
    public static TicketFigures Of(DateOnly from, DateOnly to, IReadOnlyCollection<TicketFacts> tickets)
    {
        var accepted = tickets.Where(t => t.AcceptedAt is not null).ToList();
        var contacted = tickets.Where(t => t.FirstContactAt is not null && t.FirstContactDue is not null).ToList();
        var replied = tickets.Where(t => t.RespondedAt is not null && t.StageReplyDue is not null).ToList();
        var resolved = tickets.Where(t => t.ResolvedAt is not null || t.ReopenCount > 0).ToList();
        var confirmed = tickets.Where(t => t.Satisfaction is not null).ToList();
        var handled = tickets.Where(t => t.HandlingWorkingHours is not null).ToList();
        return new TicketFigures(
            from, to, tickets.Count,
            accepted.Count, Rate(accepted.Count(t => t.AcceptedAt <= t.AcceptanceDue), accepted.Count),
            contacted.Count, Rate(contacted.Count(t => t.FirstContactAt <= t.FirstContactDue), contacted.Count),
            replied.Count, Rate(replied.Count(t => t.RespondedAt <= t.StageReplyDue), replied.Count),
            resolved.Count, Rate(resolved.Count(t => t.ResolvedAt is not null && t.ResolvedAt <= t.OriginalResolutionDue), resolved.Count),
            Rate(resolved.Count(t => t.State == ConfirmedState && t.Satisfaction is not Dissatisfied), resolved.Count),
            confirmed.Count, Rate(confirmed.Count(t => t.Satisfaction is not Dissatisfied), confirmed.Count),
            Rate(resolved.Count(t => t.ReopenCount > 0), resolved.Count),
            handled.Count == 0 ? null : Math.Round(handled.Average(t => t.HandlingWorkingHours!.Value), 2),
            new EscalationSteps(tickets.Sum(t => t.Reminders), tickets.Sum(t => t.Urges), tickets.Sum(t => t.Supervisions),
                tickets.Sum(t => t.PublicNotices)));
    }

    private const string Dissatisfied = "dissatisfied";
    private const string ConfirmedState = "confirmed";

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
