using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.ContactWork;

/// <summary>
/// /api/liaison/thought-trends: 思想动态. Any cadre hands in what they learned of united-front figures' thinking (about one
/// contact or a category of them); only the office reads the notes. The author gets a receipt, not a reading copy.
/// </summary>
public static class ThoughtTrends
{
    public sealed record NoteRequest(DateOnly? ObservedOn, Guid? ContactId, ContactCategory? ContactCategory, string? Topic, string? Content);

    public sealed record Receipt(Guid Id, DateOnly ObservedOn, string Topic, DateTimeOffset SubmittedAt);

    public sealed record Response(
        Guid Id, DateOnly ObservedOn, Guid? ContactId, string? ContactName, ContactCategory? ContactCategory, string Topic, string Content,
        Guid AuthorId, string AuthorName, DateTimeOffset SubmittedAt);

    public sealed class NoteValidator : AbstractValidator<NoteRequest>
    {
        public NoteValidator()
        {
            RuleFor(r => r.ObservedOn).NotNull();
            RuleFor(r => r.ContactCategory).IsInEnum();
            RuleFor(r => r.Topic).NotEmpty().MaximumLength(ThoughtTrendNote.TopicMaxLength);
            RuleFor(r => r.Content).NotEmpty().MaximumLength(ThoughtTrendNote.ContentMaxLength);
        }
    }

    public static RouteGroupBuilder MapThoughtTrends(this RouteGroupBuilder liaison)
    {
        liaison.MapPost("/thought-trends", SubmitAsync)
            .Validate<NoteRequest>()
            .RequirePersonAccess([LiaisonAccess.WriteScope], LiaisonAccess.Cadres)
            .WithName("SubmitThoughtTrend")
            .WithSummary("A cadre hands in a 思想动态 note (about a contact, or a category of figures); the answer is a receipt: only the office reads notes");
        liaison.MapGet("/thought-trends", ListAsync)
            .RequirePersonAccess([LiaisonAccess.ReadScope], LiaisonAccess.Office)
            .WithName("ListThoughtTrends")
            .WithSummary("The office reads the notes, latest first; ?from=&to= days observed, ?contactCategory=, ?contactId=; follow 'next'");
        liaison.MapGet("/thought-trends/{id:guid}", GetAsync)
            .RequirePersonAccess([LiaisonAccess.ReadScope], LiaisonAccess.Office)
            .WithName("GetThoughtTrend")
            .WithSummary("One note (the office)");
        return liaison;
    }

    internal static async Task<Results<Created<Receipt>, ProblemHttpResult>> SubmitAsync(
        NoteRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        UnitedFrontContact? contact = null;
        if (request.ContactId is { } contactId && (contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken)) is null)
        {
            return FieldProblems.Unprocessable("contactId", LiaisonTexts.ContactNotFound_Title, LiaisonTexts.ContactsUnknown_Detail);
        }
        var caller = context.Caller();
        var note = ThoughtTrendNote.Submit(request.ObservedOn!.Value, contact, request.ContactCategory, request.Topic!, request.Content!,
            new Visitor(caller.UserId!.Value, caller.DisplayName), timeProvider.GetUtcNow());
        db.ThoughtTrendNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/liaison/thought-trends/{note.Id}", new Receipt(note.Id, note.ObservedOn, note.Topic, note.SubmittedAt));
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        DateOnly? from, DateOnly? to, QueryCode<ContactCategory>? contactCategory, Guid? contactId, string? cursor, int? limit, HttpContext context,
        LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems);
        if (from is not null && to is not null && to < from)
        {
            problems["to"] = [ChinaPeriod.BackwardsMessage];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var notes = db.ThoughtTrendNotes.AsNoTracking();
        if (from is { } first)
        {
            notes = notes.Where(n => n.ObservedOn >= first);
        }
        if (to is { } last)
        {
            notes = notes.Where(n => n.ObservedOn <= last);
        }
        if (contactCategory is { Value: var wanted })
        {
            notes = notes.Where(n => n.ContactCategory == wanted);
        }
        if (contactId is { } contact)
        {
            notes = notes.Where(n => n.ContactId == contact);
        }
        var page = await notes.PageAsync(paging, n => n.SubmittedAt, n => n.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(Guid id, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var note = await db.ThoughtTrendNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return note is null
            ? TypedResults.Problem(title: LiaisonTexts.ThoughtTrendNotFound_Title, detail: LiaisonTexts.ThoughtTrendNotFound_Detail, statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok((await ResponsesAsync(db, [note], cancellationToken))[0]);
    }

    private static async Task<IReadOnlyList<Response>> ResponsesAsync(LiaisonDbContext db, IReadOnlyList<ThoughtTrendNote> notes, CancellationToken cancellationToken)
    {
        var contactIds = notes.Where(n => n.ContactId is not null).Select(n => n.ContactId!.Value).Distinct().ToList();
        var names = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return [.. notes.Select(n => new Response(
            n.Id, n.ObservedOn, n.ContactId, n.ContactId is { } c ? names.GetValueOrDefault(c) : null, n.ContactCategory, n.Topic, n.Content, n.AuthorId,
            n.AuthorName, n.SubmittedAt))];
    }
}
