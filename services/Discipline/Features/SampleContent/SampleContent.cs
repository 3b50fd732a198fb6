using System.Text.Json;
using System.Text.Json.Serialization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.SampleContent;

/// <summary>
/// Sample warning cases, quiz questions and this year's pledge texts for a demonstration system, so the office can
/// launch a campaign on a fresh installation. Development only, and only when Discipline:SampleContent is on (the
/// AppHost turns it on; tests start empty). Each kind is added only while its table is empty.
/// </summary>
public static class SampleContent
{
    public const string Switch = "Discipline:SampleContent";
    private const string Actor = "示例数据";

    private sealed record Content(IReadOnlyList<CaseSample> Cases, IReadOnlyList<QuestionSample> Questions, IReadOnlyList<PledgeSample> Pledges);

    private sealed record CaseSample(string Title, string Summary, ViolationType[] ViolationTypes, string Source, DateOnly PublishedOn);

    private sealed record QuestionSample(QuestionKind Kind, string Stem, string[] Options, int[] CorrectOptions, string Explanation, ViolationType[] ViolationTypes);

    private sealed record PledgeSample(PledgeRole Role, string Title, string Body);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue<bool>(Switch))
        {
            return;
        }
        var db = services.GetRequiredService<DisciplineDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var content = await ReadAsync(cancellationToken);
        if (!await db.Cases.AnyAsync(cancellationToken))
        {
            db.Cases.AddRange(content.Cases.Select(c => WarningCase.Record(c.Title, c.Summary, c.ViolationTypes, c.Source, c.PublishedOn, Actor, now)));
        }
        if (!await db.Questions.AnyAsync(cancellationToken))
        {
            db.Questions.AddRange(content.Questions.Select(q =>
                QuizQuestion.Create(q.Kind, q.Stem, q.Options, q.CorrectOptions, q.Explanation, q.ViolationTypes, Actor, now)));
        }
        var year = ChinaCalendar.DateOf(now).Year;
        if (!await db.PledgeTexts.AnyAsync(t => t.Year == year, cancellationToken))
        {
            db.PledgeTexts.AddRange(content.Pledges.Select(p => PledgeText.Publish(year, p.Role, $"{year}年度{p.Title}", p.Body, Actor, now)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Content> ReadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(SampleContent).Assembly.GetManifestResourceStream($"{typeof(SampleContent).Namespace}.sample-content.json")
            ?? throw new InvalidOperationException("The sample content is not embedded.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        return await JsonSerializer.DeserializeAsync<Content>(stream, options, cancellationToken)
            ?? throw new InvalidOperationException("The sample content is empty.");
    }
}
