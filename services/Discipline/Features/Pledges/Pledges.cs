using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Features.Pledges;

/// <summary>
/// Integrity pledges (廉政承诺书), /api/discipline/pledges: the office publishes each year's text per role once; every
/// member signs the text of their role (leadership-team members the leaders', everyone else the members') once, in that
/// year; a branch's keepers and the office see who has signed and who has not. No endpoint changes or deletes a
/// signature (the database refuses it as well).
/// </summary>
public static class Pledges
{
    public sealed record PublishRequest(int? Year, PledgeRole? Role, string? Title, string? Body);

    public sealed class PublishValidator : AbstractValidator<PublishRequest>
    {
        public PublishValidator()
        {
            RuleFor(r => r.Year).NotNull().InclusiveBetween(PledgeYears.First, PledgeYears.Last).WithMessage(_ => PledgeYears.RangeMessage);
            RuleFor(r => r.Role).NotNull();
            RuleFor(r => r.Title).NotEmpty().MaximumLength(PledgeText.TitleMaxLength);
            RuleFor(r => r.Body).NotEmpty().MaximumLength(PledgeText.BodyMaxLength);
        }
    }

    public sealed record PledgeTextResponse(Guid Id, int Year, PledgeRole Role, string Title, string Body, string BodyHash, DateTimeOffset PublishedAt)
    {
        public static PledgeTextResponse From(PledgeText t) => new(t.Id, t.Year, t.Role, t.Title, t.Body, t.BodyHash, t.PublishedAt);
    }

    public sealed record SignatureResponse(Guid Id, int Year, PledgeRole Role, Guid PledgeTextId, string BodyHash, DateTimeOffset SignedAt)
    {
        public static SignatureResponse From(PledgeSignature s) => new(s.Id, s.Year, s.Role, s.PledgeTextId, s.BodyHash, s.SignedAt);
    }

    /// <summary>The caller's pledge of a year: the text of their role and their signature once signed.</summary>
    public sealed record MyPledgeResponse(int Year, PledgeRole Role, PledgeTextResponse Text, SignatureResponse? Signature);

    public sealed record SignedMember(Guid PersonId, string DisplayName, DateTimeOffset SignedAt);

    public sealed record UnsignedMember(Guid PersonId, string DisplayName);

    public static RouteGroupBuilder MapPledges(this RouteGroupBuilder discipline)
    {
        string[] read = [DisciplineAccess.ReadScope];
        string[] write = [DisciplineAccess.WriteScope];
        discipline.MapPost("/pledges/texts", PublishAsync)
            .Validate<PublishRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("PublishPledgeText")
            .WithSummary("Publish a year's pledge text for a role (office); a published text never changes: a second one for the year and role is refused");
        discipline.MapGet("/pledges/texts", TextsAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("ListPledgeTexts")
            .WithSummary("The published pledge texts, latest year first, ?year= for one year; follow 'next'");
        discipline.MapGet("/pledges/{year:int}/mine", MineAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("GetMyPledge")
            .WithSummary("The text of the caller's role for the year (leadership team or party member, from the rosters) and the caller's signature if any");
        discipline.MapPost("/pledges/{year:int}/sign", SignAsync)
            .RequirePersonAccess(write, DisciplineAccess.Participants)
            .WithName("SignPledge")
            .WithSummary("Sign the text of one's role, in its year only; once: a second signing answers when the first was made");
        discipline.MapGet("/pledges/{year:int}/unsigned", UnsignedAsync)
            .RequirePersonAccess(read, DisciplineAccess.Keepers)
            .WithName("ListUnsignedMembers")
            .WithSummary("Current members of a unit (?unitId=) who have not signed the year's pledge, by name (a branch's keepers: their branch; the office: any unit)");
        discipline.MapGet("/pledges/{year:int}/signatures", SignaturesAsync)
            .RequirePersonAccess(read, DisciplineAccess.Keepers)
            .WithName("ListPledgeSignatures")
            .WithSummary("Who of a unit's current members (?unitId=) signed the year's pledge and when, by name; nothing else about them");
        return discipline;
    }

    internal static async Task<Results<Created<PledgeTextResponse>, ProblemHttpResult>> PublishAsync(
        PublishRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (year, role) = (request.Year!.Value, request.Role!.Value);
        if (await db.PledgeTexts.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year && t.Role == role, cancellationToken) is { } published)
        {
            throw published.AlreadyPublished();
        }
        var text = PledgeText.Publish(year, role, request.Title!, request.Body!, context.Caller().Signature, timeProvider.GetUtcNow());
        db.PledgeTexts.Add(text);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            // Published by someone else a moment ago: answer as if it had been there first.
            throw (await db.PledgeTexts.AsNoTracking().SingleAsync(t => t.Year == year && t.Role == role, cancellationToken)).AlreadyPublished();
        }
        return TypedResults.Created($"/api/discipline/pledges/texts?year={year}", PledgeTextResponse.From(text));
    }

    internal static async Task<Results<Ok<Page<PledgeTextResponse>>, ValidationProblem>> TextsAsync(
        int? year, string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<int, Guid>(cursor, limit, problems);
        PledgeYears.Check(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var page = await db.PledgeTexts.AsNoTracking().Where(t => year == null || t.Year == year)
            .PageAsync(paging, t => t.Year, t => t.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(PledgeTextResponse.From));
    }

    internal static async Task<Results<Ok<MyPledgeResponse>, ValidationProblem, ProblemHttpResult>> MineAsync(
        int year, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (PledgeYears.Invalid(year) is { } invalid)
        {
            return invalid;
        }
        var person = context.Caller().UserId!.Value;
        var signature = await db.PledgeSignatures.AsNoTracking().SingleOrDefaultAsync(s => s.Year == year && s.PersonId == person, cancellationToken);
        // Once signed, the text signed is the member's text of the year, whatever their role is now.
        var role = signature?.Role ?? await RoleAsync(db, person, timeProvider.Today(), cancellationToken);
        var text = await db.PledgeTexts.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year && t.Role == role, cancellationToken);
        return text is null
            ? NotPublished(year, role)
            : TypedResults.Ok(new MyPledgeResponse(year, role, PledgeTextResponse.From(text), signature is null ? null : SignatureResponse.From(signature)));
    }

    internal static async Task<Results<Created<SignatureResponse>, ValidationProblem, ProblemHttpResult>> SignAsync(
        int year, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (PledgeYears.Invalid(year) is { } invalid)
        {
            return invalid;
        }
        var caller = context.Caller();
        var person = caller.UserId!.Value;
        if (await db.PledgeSignatures.AsNoTracking().SingleOrDefaultAsync(s => s.Year == year && s.PersonId == person, cancellationToken) is { } signed)
        {
            throw signed.AlreadySigned();
        }
        var now = timeProvider.GetUtcNow();
        var today = ChinaCalendar.DateOf(now);
        var role = await RoleAsync(db, person, today, cancellationToken);
        var text = await db.PledgeTexts.AsNoTracking().SingleOrDefaultAsync(t => t.Year == year && t.Role == role, cancellationToken);
        if (text is null)
        {
            return NotPublished(year, role);
        }
        var stint = await db.UnitMembers.AsNoTracking().On(today).Where(m => m.PersonId == person && m.UnitKind == UnitKinds.Branch)
            .OrderByDescending(m => m.JoinedOn).Select(m => new { m.UnitId, m.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var name = stint?.DisplayName ?? caller.DisplayName;
        var signature = PledgeSignature.Sign(text, person, name[..Math.Min(name.Length, UnitMember.DisplayNameMaxLength)], stint?.UnitId, now);
        db.PledgeSignatures.Add(signature);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            // Two signings at once: the first stands and the second is told when it was made.
            throw (await db.PledgeSignatures.AsNoTracking().SingleAsync(s => s.Year == year && s.PersonId == person, cancellationToken)).AlreadySigned();
        }
        return TypedResults.Created($"/api/discipline/pledges/{year}/mine", SignatureResponse.From(signature));
    }

    internal static async Task<Results<Ok<Page<UnsignedMember>>, ValidationProblem, ProblemHttpResult>> UnsignedAsync(
        int year, Guid? unitId, string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var (paging, invalid, refused) = await ListScopeAsync(year, unitId, cursor, limit, context.Caller(), db, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (refused is not null)
        {
            return refused;
        }
        var signed = db.PledgeSignatures.Where(s => s.Year == year).Select(s => s.PersonId);
        var page = await db.UnitMembers.AsNoTracking().Current().Where(m => m.UnitId == unitId && !signed.Contains(m.PersonId))
            .PageAsync(paging!, m => m.DisplayName, m => m.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(m => new UnsignedMember(m.PersonId, m.DisplayName)));
    }

    internal static async Task<Results<Ok<Page<SignedMember>>, ValidationProblem, ProblemHttpResult>> SignaturesAsync(
        int year, Guid? unitId, string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var (paging, invalid, refused) = await ListScopeAsync(year, unitId, cursor, limit, context.Caller(), db, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (refused is not null)
        {
            return refused;
        }
        var members = db.UnitMembers.Current().Where(m => m.UnitId == unitId).Select(m => m.PersonId);
        var page = await db.PledgeSignatures.AsNoTracking().Where(s => s.Year == year && members.Contains(s.PersonId))
            .PageAsync(paging!, s => s.DisplayName, s => s.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(s => new SignedMember(s.PersonId, s.DisplayName, s.SignedAt)));
    }

    /// <summary>
    /// The checks of both lists: year, unit and paging read (400), the unit exists (404), and the caller keeps it: the
    /// office any unit, a branch's keepers their branch (403).
    /// </summary>
    private static async Task<(PageRequest<string, Guid>? Paging, ValidationProblem? Invalid, ProblemHttpResult? Refused)> ListScopeAsync(
        int year, Guid? unitId, string? cursor, int? limit, Caller caller, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<string, Guid>(cursor, limit, problems);
        PledgeYears.Check(year, problems);
        if (unitId is null || unitId == Guid.Empty)
        {
            problems["unitId"] = [PledgesTexts.UnitRequired];
        }
        if (problems.Count > 0)
        {
            return (null, FieldProblems.Invalid(problems), null);
        }
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return (null, null, TypedResults.Problem(title: PledgesTexts.UnitNotFound_Title, detail: PledgesTexts.UnitNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound));
        }
        if (!caller.IsOffice() && !(unit.Kind == UnitKinds.Branch && caller.KeepsBranch(unitId!.Value)))
        {
            return (null, null, TypedResults.Problem(title: PledgesTexts.OwnBranchOnly_Title, statusCode: StatusCodes.Status403Forbidden,
                detail: string.Format(CultureInfo.CurrentCulture, PledgesTexts.OwnBranchOnly_Detail, unit.Name)));
        }
        return (paging, null, null);
    }

    /// <summary>Leadership-team members sign the leaders' text: whoever is on a leadership team's roster today.</summary>
    private static async Task<PledgeRole> RoleAsync(DisciplineDbContext db, Guid person, DateOnly today, CancellationToken cancellationToken) =>
        PledgeSignature.RoleOf(await db.UnitMembers.On(today).AnyAsync(m => m.PersonId == person && m.UnitKind == UnitKinds.LeadershipTeam, cancellationToken));

    internal static ProblemHttpResult NotPublished(int year, PledgeRole role) => TypedResults.Problem(
        title: PledgesTexts.NotPublished_Title, statusCode: StatusCodes.Status404NotFound,
        detail: string.Format(CultureInfo.CurrentCulture, PledgesTexts.NotPublished_Detail, year, Text($"{nameof(PledgeRole)}_{role}")));
}

/// <summary>The years a pledge or a coverage figure can be asked for: a typed 20260 is a mistake, not a year.</summary>
internal static class PledgeYears
{
    public const int First = 2000, Last = 2100;

    public static string RangeMessage => string.Format(CultureInfo.CurrentCulture, PledgesTexts.YearRange, First, Last);

    public static void Check(int? year, IDictionary<string, string[]> problems, string field = "year")
    {
        if (year is < First or > Last)
        {
            problems[field] = [RangeMessage];
        }
    }

    public static ValidationProblem? Invalid(int year) => year is < First or > Last ? FieldProblems.Invalid("year", RangeMessage) : null;
}
