using System.Globalization;
using BrandPlatform.Platform.Calendar;

namespace BrandPlatform.Tickets.Domain;

/// <summary>Priority classes from 要事即办、急事快办、特事特办; everything else is Normal.</summary>
public enum TicketPriority
{
    Normal,
    /// <summary>即办</summary>
    Immediate,
    /// <summary>快办</summary>
    Urgent,
    /// <summary>特办</summary>
    Special,
}

/// <summary>
/// A span of working time: "4h" is four working hours, "3d" three working days (to the close of the third working day
/// after the start), "0d" the working day itself (its close; after hours or on a day off, the close of the next working
/// day). Written this way in configuration.
/// </summary>
public readonly record struct WorkingSpan(int Amount, WorkingSpan.Unit In)
{
    public enum Unit { Hours, Days }

    public static WorkingSpan Parse(string text)
    {
        var value = text.Trim();
        if (value.Length >= 2 && int.TryParse(value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            switch (char.ToLowerInvariant(value[^1]))
            {
                case 'h' when amount > 0: return new WorkingSpan(amount, Unit.Hours);
                case 'd': return new WorkingSpan(amount, Unit.Days);
            }
        }
        throw new FormatException($"'{text}' is not a working span such as 4h, 3d or 0d.");
    }

    public DateTimeOffset After(DateTimeOffset start, WorkingCalendar calendar) => In == Unit.Hours
        ? calendar.AddWorkingTime(start, TimeSpan.FromHours(Amount))
        : calendar.DeadlineInWorkingDays(start, Amount);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount}{(In == Unit.Hours ? 'h' : 'd')}");
}

/// <summary>The four clocks of a ticket, per priority class: acceptance and first contact run from submission, stage
/// reply and resolution from acceptance.</summary>
public sealed record PriorityDeadlines(WorkingSpan Acceptance, WorkingSpan FirstContact, WorkingSpan StageReply, WorkingSpan Resolution);

/// <summary>
/// Tickets:Deadlines:{Priority}:{Acceptance|FirstContact|StageReply|Resolution} = "4h" | "3d". The defaults follow the
/// municipal procedure: contact within hours, a stage reply within 3 working days, closure within 7 (办事不隔天: a
/// Normal ticket is accepted on the working day it arrives, "0d"; one arriving after hours or on a day off by the close
/// of the next working day).
/// </summary>
public sealed class DeadlinePolicy
{
    public static readonly IReadOnlyDictionary<TicketPriority, PriorityDeadlines> Defaults = new Dictionary<TicketPriority, PriorityDeadlines>
    {
        [TicketPriority.Immediate] = new(WorkingSpan.Parse("1h"), WorkingSpan.Parse("2h"), WorkingSpan.Parse("1d"), WorkingSpan.Parse("1d")),
        [TicketPriority.Urgent] = new(WorkingSpan.Parse("2h"), WorkingSpan.Parse("4h"), WorkingSpan.Parse("2d"), WorkingSpan.Parse("3d")),
        [TicketPriority.Special] = new(WorkingSpan.Parse("4h"), WorkingSpan.Parse("1d"), WorkingSpan.Parse("3d"), WorkingSpan.Parse("15d")),
        [TicketPriority.Normal] = new(WorkingSpan.Parse("0d"), WorkingSpan.Parse("1d"), WorkingSpan.Parse("3d"), WorkingSpan.Parse("7d")),
    };

    private readonly IReadOnlyDictionary<TicketPriority, PriorityDeadlines> rules;

    public DeadlinePolicy(WorkingCalendar calendar, IReadOnlyDictionary<TicketPriority, PriorityDeadlines>? rules = null)
    {
        Calendar = calendar;
        this.rules = rules ?? Defaults;
    }

    public WorkingCalendar Calendar { get; }

    public PriorityDeadlines For(TicketPriority priority) => rules.TryGetValue(priority, out var found) ? found : Defaults[priority];

    /// <summary>Reads Tickets:Deadlines, falling back to the defaults for anything not configured.</summary>
    public static Dictionary<TicketPriority, PriorityDeadlines> FromSettings(Dictionary<string, Dictionary<string, string>>? settings)
    {
        var result = new Dictionary<TicketPriority, PriorityDeadlines>(Defaults);
        foreach (var (name, clocks) in settings ?? [])
        {
            var priority = Enum.Parse<TicketPriority>(name, ignoreCase: true);
            var current = result[priority];
            WorkingSpan Read(string key, WorkingSpan fallback) => clocks.TryGetValue(key, out var text) ? WorkingSpan.Parse(text) : fallback;
            result[priority] = new PriorityDeadlines(
                Read(nameof(PriorityDeadlines.Acceptance), current.Acceptance),
                Read(nameof(PriorityDeadlines.FirstContact), current.FirstContact),
                Read(nameof(PriorityDeadlines.StageReply), current.StageReply),
                Read(nameof(PriorityDeadlines.Resolution), current.Resolution));
        }
        return result;
    }
}
