using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Features.Directory;
using BrandPlatform.Community.Features.Themes;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.Services;

/// <summary>
/// /api/community/services: volunteer services (一季一主题，为民办实事). A member records a service they took part in, a
/// branch's keepers one their branch held, in a community the branch is paired with or where a participant is
/// registered. Residents' problems met on the day are raised with it and become tickets. Members and keepers read
/// their branch's services, the office all.
/// </summary>
public static class Services
{
    public const int FileNameMaxLength = 200;
    public const int CaptionMaxLength = 200;
    public const int ContentTypeMaxLength = 100;

    public sealed record PhotoRequest(string? FileName, string? Caption, DateOnly? TakenOn, long? SizeBytes, string? ContentType);

    public sealed record ProblemRequest(string? ResidentName, string? ResidentPhone, TicketCategory? Category, string? Title, string? Description);

    public sealed record RecordRequest(
        Guid? BranchId, Guid? CommunityId, DateOnly? On, Guid? ThemeId, IReadOnlyList<Guid>? ParticipantIds, int? PeopleServed, decimal? Hours,
        string? Summary, IReadOnlyList<PhotoRequest>? Photos, IReadOnlyList<ProblemRequest>? ResidentProblems);

    public sealed record ProblemResponse(Guid Id, string ResidentName, string ResidentPhone, TicketCategory Category, string Title);

    public sealed record Response(
        Guid Id, Guid BranchId, string BranchName, Guid CommunityId, string CommunityName, Guid? ThemeId, string? ThemeTitle, DateOnly On,
        IReadOnlyList<Participant> Participants, int PeopleServed, decimal? Hours, string Summary, IReadOnlyList<PhotoReference> Photos,
        IReadOnlyList<ProblemResponse> ResidentProblems, string RecordedByName, DateTimeOffset RecordedAt);

    public sealed class PhotoValidator : AbstractValidator<PhotoRequest>
    {
        public PhotoValidator()
        {
            RuleFor(p => p.FileName).NotEmpty().MaximumLength(FileNameMaxLength);
            RuleFor(p => p.Caption).MaximumLength(CaptionMaxLength);
            RuleFor(p => p.SizeBytes).GreaterThanOrEqualTo(0);
            RuleFor(p => p.ContentType).MaximumLength(ContentTypeMaxLength);
        }
    }

    public sealed class ProblemValidator : AbstractValidator<ProblemRequest>
    {
        public ProblemValidator()
        {
            RuleFor(p => p.ResidentName).NotEmpty().MaximumLength(ResidentProblem.ResidentNameMaxLength);
            RuleFor(p => p.ResidentPhone).NotEmpty().PhoneNumber();
            RuleFor(p => p.Category).NotNull().IsInEnum().Must(c => TicketCategories.IsResident(c!.Value)).WithMessage(_ => CommunityTexts.ResidentCategoryOnly);
            RuleFor(p => p.Title).NotEmpty().MaximumLength(TicketFields.TitleMaxLength);
            RuleFor(p => p.Description).NotEmpty().MaximumLength(TicketFields.DescriptionMaxLength);
        }
    }

    public sealed class RecordValidator : AbstractValidator<RecordRequest>
    {
        public RecordValidator()
        {
            RuleFor(r => r.CommunityId).NotEmpty();
            RuleFor(r => r.On).NotNull().Must(d => d!.Value.Year is >= Periods.FirstYear and <= Periods.LastYear).WithMessage(_ => YearQuery.RangeMessage);
            RuleFor(r => r.ParticipantIds).Must(p => p!.Count is >= 1 and <= CommunityService.MaxParticipants)
                .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.ParticipantsBetween, CommunityService.MaxParticipants))
                .When(r => r.ParticipantIds is not null);
            RuleForEach(r => r.ParticipantIds).NotEmpty();
            RuleFor(r => r.PeopleServed).NotNull().InclusiveBetween(0, CommunityService.MaxPeopleServed);
            RuleFor(r => r.Hours).GreaterThan(0).PrecisionScale(6, 1, true)
                .Must((r, hours) => hours is null || hours <= 24m * Math.Max(1, r.ParticipantIds?.Count ?? 1)).WithMessage(_ => CommunityTexts.HoursTooMany);
            RuleFor(r => r.Summary).NotEmpty().MaximumLength(CommunityService.SummaryMaxLength);
            RuleFor(r => r.Photos).Must(p => p!.Count <= CommunityService.MaxPhotos)
                .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.PhotosAtMost, CommunityService.MaxPhotos))
                .When(r => r.Photos is not null);
            RuleForEach(r => r.Photos).NotNull().SetValidator(new PhotoValidator());
            RuleFor(r => r.ResidentProblems).Must(p => p!.Count <= CommunityService.MaxProblems)
                .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.ProblemsAtMost, CommunityService.MaxProblems))
                .When(r => r.ResidentProblems is not null);
            RuleForEach(r => r.ResidentProblems).NotNull().SetValidator(new ProblemValidator());
        }
    }

    public static RouteGroupBuilder MapServices(this RouteGroupBuilder community)
    {
        community.MapPost("/services", RecordAsync)
            .Validate<RecordRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Everyone)
            .WithName("RecordCommunityService")
            .WithSummary("A member records a service they took part in, keepers one their branch held (the office names the branch); the community must be paired with the branch that day or be where a participant is registered (422), a theme must be the service's quarter's (422); residents' problems become tickets; announced as CommunityServiceRecorded and ResidentProblemRaised");
        community.MapGet("/services", ListAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("ListCommunityServices")
            .WithSummary("Services, latest first: one's branch's, all for the office; ?year= with ?quarter=, ?branchId=, ?communityId=; residents' phones masked");
        community.MapGet("/services/{id:guid}", GetAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("GetCommunityService")
            .WithSummary("One service with its participants, photos' metadata and the residents' problems raised (phones masked)");
        return community;
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult, ValidationProblem>> RecordAsync(
        RecordRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var now = timeProvider.GetUtcNow();
        var on = request.On!.Value;
        if (caller.UserId is not { } callerId)
        {
            return Communities.Communities.NotYourBranch();
        }
        var branchId = request.BranchId ?? caller.BranchId;
        if (branchId is not { } branch)
        {
            return TypedResults.Problem(title: CommunityTexts.NoBranch_Title, detail: CommunityTexts.NoBranchForService_Detail,
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        // A member records for their own branch, keepers keep theirs, the office any.
        if (branch != caller.BranchId && !caller.IsOffice())
        {
            return Communities.Communities.NotYourBranch();
        }
        var keeps = caller.MayKeepBranch(branch);
        var participantIds = (request.ParticipantIds ?? [callerId]).Distinct().ToArray();
        if (!keeps && !participantIds.Contains(callerId))
        {
            return FieldProblems.Unprocessable("participantIds", CommunityTexts.MemberNotAmongParticipants_Title, CommunityTexts.MemberNotAmongParticipants_Detail);
        }
        if (on > ChinaCalendar.DateOf(now))
        {
            return FieldProblems.Unprocessable("on", CommunityTexts.InFuture_Title, CommunityTexts.InFuture_Detail);
        }
        var members = await db.UnitMembers.AsNoTracking().On(on).Where(m => m.UnitId == branch && participantIds.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.DisplayName }).ToListAsync(cancellationToken);
        var participants = participantIds.Select(id => members.FirstOrDefault(m => m.PersonId == id) is { } m ? new Participant(id, m.DisplayName) : null).ToArray();
        if (participants.Any(p => p is null))
        {
            return FieldProblems.Unprocessable("participantIds", CommunityTexts.ParticipantsOfBranch_Title, CommunityTexts.ParticipantsOfBranch_Detail);
        }
        var community = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CommunityId, cancellationToken);
        if (community is null)
        {
            return FieldProblems.Unprocessable("communityId", CommunityTexts.CommunityNotFound_Title, CommunityTexts.CommunityUnknown_Detail);
        }
        var paired = await db.Pairings.AnyAsync(p => p.BranchId == branch && p.CommunityId == community.Id && p.From <= on && (p.To == null || p.To >= on),
            cancellationToken);
        var registered = await db.Registrations.AnyAsync(r => participantIds.Contains(r.PersonId) && r.CommunityId == community.Id && r.Year == on.Year
            && r.State != RegistrationState.Ended, cancellationToken);
        if (!paired && !registered)
        {
            return FieldProblems.Unprocessable("communityId", CommunityTexts.CommunityNotOfBranch_Title, CommunityTexts.CommunityNotOfBranch_Detail);
        }
        ServiceTheme? theme = null;
        if (request.ThemeId is { } themeId)
        {
            theme = await Themes.Themes.OfDayAsync(db, on, cancellationToken);
            if (theme?.Id != themeId)
            {
                return FieldProblems.Unprocessable("themeId", CommunityTexts.ThemeOfOtherQuarter_Title, CommunityTexts.ThemeOfOtherQuarter_Detail);
            }
        }
        var recordedByName = await db.UnitMembers.CurrentNameAsync(callerId, cancellationToken) ?? caller.DisplayName;
        var photos = (request.Photos ?? []).Select(p => new PhotoReference(p.FileName!.Trim(), p.Caption?.Trim(), p.TakenOn, p.SizeBytes, p.ContentType?.Trim()))
            .ToArray();
        var service = CommunityService.Record(branch, community, theme, on, participants!, request.PeopleServed!.Value, request.Hours,
            request.Summary!, photos, callerId, recordedByName, now);
        db.Services.Add(service);
        var problems = (request.ResidentProblems ?? [])
            .Select(p => ResidentProblem.RaiseFor(service, p.ResidentName!, p.ResidentPhone!, p.Category!.Value, p.Title!, p.Description!, now)).ToArray();
        db.ResidentProblems.AddRange(problems);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/community/services/{service.Id}", (await ResponsesAsync(db, [service], cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        int? year, int? quarter, Guid? branchId, Guid? communityId, string? cursor, int? limit, HttpContext context, CommunityDbContext db,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateOnly, Guid>(cursor, limit, problems);
        YearQuery.Check(year, problems);
        if (quarter is not null and not (>= 1 and <= 4))
        {
            problems["quarter"] = [CommunityTexts.QuarterInvalid];
        }
        else if (quarter is not null && year is null)
        {
            problems["quarter"] = [CommunityTexts.QuarterNeedsYear];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var services = Visible(db.Services.AsNoTracking(), context.Caller());
        if (year is { } y)
        {
            var period = quarter is { } q ? Periods.Quarter(y, q) : Periods.Year(y);
            services = services.Where(s => s.On >= period.From && s.On <= period.To);
        }
        if (branchId is { } branch)
        {
            services = services.Where(s => s.BranchId == branch);
        }
        if (communityId is { } wanted)
        {
            services = services.Where(s => s.CommunityId == wanted);
        }
        var page = await services.PageAsync(paging, s => s.On, s => s.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var service = await Visible(db.Services.AsNoTracking(), context.Caller()).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return service is null ? NotFound() : TypedResults.Ok((await ResponsesAsync(db, [service], cancellationToken))[0]);
    }

    /// <summary>The office sees every service; others their branch's and those they served in.</summary>
    internal static IQueryable<CommunityService> Visible(IQueryable<CommunityService> services, Caller caller)
    {
        if (caller.IsOffice())
        {
            return services;
        }
        var branch = caller.BranchId ?? Guid.Empty;
        var personId = caller.UserId ?? Guid.Empty;
        return services.Where(s => s.BranchId == branch || s.ParticipantIds.Contains(personId));
    }

    private static async Task<IReadOnlyList<Response>> ResponsesAsync(CommunityDbContext db, IReadOnlyList<CommunityService> services, CancellationToken cancellationToken)
    {
        var branches = await Units.NamesAsync(db, services.Select(s => s.BranchId), cancellationToken);
        var themeIds = services.Where(s => s.ThemeId != null).Select(s => s.ThemeId!.Value).Distinct().ToArray();
        var themes = await db.Themes.AsNoTracking().Where(t => themeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, cancellationToken);
        var serviceIds = services.Select(s => s.Id).ToArray();
        var problems = (await db.ResidentProblems.AsNoTracking().Where(p => serviceIds.Contains(p.ServiceId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.ServiceId);
        return [.. services.Select(s => new Response(s.Id, s.BranchId, branches.NameIn(s.BranchId), s.CommunityId, s.CommunityName, s.ThemeId,
            s.ThemeId is { } t && themes.TryGetValue(t, out var title) ? title : null, s.On, s.Participants, s.PeopleServed, s.Hours, s.Summary, s.Photos,
            [.. problems[s.Id].Select(p => new ProblemResponse(p.Id, p.ResidentName, PhoneNumbers.Mask(p.ResidentPhone), p.Category, p.Title))],
            s.RecordedByName, s.RecordedAt))];
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CommunityTexts.ServiceNotFound_Title, detail: CommunityTexts.ServiceNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
