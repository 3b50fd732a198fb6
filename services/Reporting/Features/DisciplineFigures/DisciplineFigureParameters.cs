using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>The query parameters of the discipline figures, refused with the field named.</summary>
internal static class DisciplineFigureParameters
{
    public static string GroupByMessage(IEnumerable<string> groupings) =>
        string.Format(CultureInfo.CurrentCulture, DisciplineFiguresTexts.GroupByUnknown, string.Join(", ", groupings));

    public static ValidationProblem? Invalid(int year, int? quarter = null, string? groupBy = null, IReadOnlyList<string>? groupings = null)
    {
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(year, quarter, problems);
        if (groupBy is not null && groupings is not null && !groupings.Contains(groupBy, StringComparer.Ordinal))
        {
            problems["groupBy"] = [GroupByMessage(groupings)];
        }
        return problems.Count == 0 ? null : FieldProblems.Invalid(problems);
    }
}
