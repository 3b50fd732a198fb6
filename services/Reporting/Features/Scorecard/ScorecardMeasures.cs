using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Reporting.Features.Scorecard;

/// <summary>
/// One attendance-based measure of one unit (a branch, or a task force for tickets) over a period: how many of the
/// <see cref="Whole"/> things that were due were done (members covered, meetings held, records filed in time, tickets
/// resolved on time). Units are compared by these counts; a person is never a row (DOMAIN.md, no formalism).
/// </summary>
public sealed record UnitMeasure(string Measure, Guid UnitId, int Part, int Whole)
{
    /// <summary>Between 0 and 1; null when nothing was due.</summary>
    public double? Rate => Whole == 0 ? null : Math.Round((double)Part / Whole, 4);
}

/// <summary>
/// A figure area's contribution to the branch scorecard and the quarterly report: each area (study, discipline,
/// tickets) registers one, and the scorecard weighs whatever measures the areas give (weights in
/// <c>Reporting:Scorecard:Weights:&lt;measure&gt;</c>).
/// </summary>
public interface IScorecardMeasures
{
    /// <summary>The measure codes this area gives (camelCase; <see cref="ScorecardMeasureCodes"/>).</summary>
    IReadOnlyList<string> Measures { get; }

    Task<IReadOnlyList<UnitMeasure>> MeasureAsync(ChinaPeriod period, CancellationToken cancellationToken);
}

/// <summary>The measures the scorecard knows, and the area that gives each.</summary>
public static class ScorecardMeasureCodes
{
    /// <summary>Study: branch members present at one held study activity of the period (学习教育全覆盖).</summary>
    public const string StudyCoverage = "studyCoverage";
    /// <summary>Study: 三会一课 and 主题党日 meetings held as the cadence requires, over the periods that ended.</summary>
    public const string CadenceCompliance = "cadenceCompliance";
    /// <summary>Study: meeting records filed within 3 working days of the meeting.</summary>
    public const string RecordTimeliness = "recordTimeliness";
    /// <summary>Study: designated materials (第一议题 follow-up) the branch studied within the allowed days.</summary>
    public const string MaterialFollowUp = "materialFollowUp";
    /// <summary>Discipline: members covered by the period's warning campaigns (attended or made up, quiz passed).</summary>
    public const string DisciplineCoverage = "disciplineCoverage";
    /// <summary>Discipline: members who signed the year's integrity pledge.</summary>
    public const string PledgeSigned = "pledgeSigned";
    /// <summary>Tickets: tickets a task force led, resolved by the original deadline (按时办结率).</summary>
    public const string TicketsOnTime = "ticketsOnTime";
}
