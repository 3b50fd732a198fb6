using System.Text.Json;
using BrandPlatform.Portal.Api;

namespace BrandPlatform.Portal.Components.Community;

/// <summary>
/// One branch's coverage of a quarter as reporting counts it (GET /api/reporting/community-coverage?year=&amp;quarter=):
/// members registered with a community of the members it has, services under the quarter's theme of those required,
/// and whether it falls short. Reporting's shape is not final: this record and <see cref="CommunityCoverage.Rows"/>
/// are the one place that reads it.
/// </summary>
public sealed record CoverageRow(
    Guid BranchId, string? BranchName, int RegisteredMembers, int Members, int ThemedServices, int RequiredServices, bool Short);

public static class CommunityCoverage
{
    public static string PathOf(int year, int quarter) => $"api/reporting/community-coverage?year={year}&quarter={quarter}";

    /// <summary>
    /// The rows of reporting's answer, read defensively: a bare array, or an object whose first array member ("items",
    /// "rows", "branches", ...) holds them; a row missing a figure reads it as 0. Null when the answer has no rows at all.
    /// </summary>
    public static IReadOnlyList<CoverageRow>? Rows(JsonElement answer)
    {
        var rows = answer.ValueKind switch
        {
            JsonValueKind.Array => answer,
            JsonValueKind.Object => answer.EnumerateObject().Select(p => p.Value).FirstOrDefault(v => v.ValueKind == JsonValueKind.Array),
            _ => default,
        };
        if (rows.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        try
        {
            return [.. rows.EnumerateArray().Select(row => row.Deserialize<CoverageRow>(GatewayApi.Json)).OfType<CoverageRow>()];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
